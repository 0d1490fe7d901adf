
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'carousel.empty': `No guidelines have been published yet.`,
'carousel.heading': `Guidelines`,
'carousel.next': `Next guideline`,
'carousel.noSource': `No data source has been set for these guidelines.`,
'carousel.picker': `Choose a guideline`,
'carousel.previous': `Previous guideline`,
'carousel.role': `carousel`,
'carousel.slideLabel': str`${0} of ${1}`,
'carousel.slideNumber': str`Guideline ${0}`,
'carousel.slideRole': `slide`,
'carousel.startRotation': `Start automatic slide show`,
'carousel.stopRotation': `Stop automatic slide show`,
'carousel.tab': str`Guideline ${0}`,
'error.contentType': `This address does not provide strategy data (wrong file type).`,
'error.http': str`The server answered with error code ${0}.`,
'error.invalid': str`The strategy data contains errors. First problem at: ${0}`,
'error.network': `The server cannot be reached. Please check your internet connection.`,
'error.notJson': `The strategy data is damaged (not valid JSON).`,
'error.retry': `Try again`,
'error.title': `The content could not be loaded.`,
'error.tooLarge': `The strategy data is too large to show here.`,
'error.unknown': `An unknown error occurred while loading.`,
'error.unsupportedVersion': `The strategy data is newer than this widget. Please update the widget.`,
'state.loading': `Loading content…`,
    };
  