/**
 * @wir/core — the Lit layer every WIR widget shares. Importing it registers no element.
 */
export { WirElement } from './wir-element.js';
export { FeedController } from './feed-controller.js';
export type { SelectionController } from './selection.js';
export { selectedFields, type Selection } from './selected-fields.js';
export { EASY_GERMAN, chooseEasyLanguage, easyLanguageChosen } from './easy-language.js';
export { readPart, writePart } from './internal/fragment.js';
export type { FeedState } from './feed-controller.js';
export { WirFeedLoadEvent, WirFeedErrorEvent } from './events.js';
export { setDefaultFeedUrl, getDefaultFeedUrl } from './feed-url.js';
export { safeHref, safeImageSrc } from './safe-url.js';
export { renderLoading, renderError, renderEmpty, describeFeedError } from './states.js';
export { customProperty } from './custom-property.js';
export { tokens } from './tokens.styles.js';
export { baseStyles } from './base.styles.js';
export {
  sourceLocale,
  targetLocales,
  allLocales,
  resolveLocale,
  loadLocale,
  isLocaleLoaded,
  withRenderLocale,
  perElementLocalization,
} from './locale.js';
export type { Locale } from './locale.js';
