import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FeedError } from '@wir/feed';
import { customProperty } from './custom-property.js';

/**
 * Placeholder shown while the feed loads. It takes the widget's usual height (the `minHeight`
 * argument, else `--wir-loading-min-height`) so nothing moves when the content arrives.
 */
export function renderLoading(minHeight?: string): TemplateResult {
  return html`<div
    class="wir-state wir-loading"
    part="loading"
    role="status"
    aria-busy="true"
    ${customProperty('--_wir-state-min-height', minHeight)}
  >
    <span class="visually-hidden">${msg('Inhalte werden geladen …', { id: 'state.loading', desc: 'Screen-reader text while the widget loads its data.' })}</span>
    <div class="wir-skeleton" aria-hidden="true">
      <span class="wir-skeleton-line"></span><span class="wir-skeleton-line"></span><span class="wir-skeleton-line"></span>
    </div>
  </div>`;
}

/** What went wrong, in the reader's language, for one FeedError. */
export function describeFeedError(error: FeedError): string {
  switch (error.kind) {
    case 'network':
      return msg('Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung.', {
        id: 'error.network',
        desc: 'Feed request failed before any answer (offline, DNS, CORS).',
      });
    case 'http': {
      const status = String(error.status ?? '');
      return msg(str`Der Server hat mit dem Fehlercode ${status} geantwortet.`, {
        id: 'error.http',
        desc: 'Feed request answered with an HTTP error status; the placeholder is the number, e.g. 404.',
      });
    }
    case 'content-type':
      return msg('Die Adresse liefert keine Strategie-Daten (falscher Dateityp).', {
        id: 'error.contentType',
        desc: 'Feed URL answered with something other than JSON, e.g. an HTML page.',
      });
    case 'not-json':
      return msg('Die Strategie-Daten sind beschädigt (kein gültiges JSON).', {
        id: 'error.notJson',
        desc: 'Feed file could not be parsed as JSON.',
      });
    case 'too-large':
      return msg('Die Strategie-Daten sind zu groß, um sie hier anzuzeigen.', {
        id: 'error.tooLarge',
        desc: 'Feed file exceeds the size limit.',
      });
    case 'invalid': {
      const path = error.problems[0]?.path ?? '$';
      return msg(str`Die Strategie-Daten sind fehlerhaft. Erster Fehler bei: ${path}`, {
        id: 'error.invalid',
        desc: 'Feed failed validation; the placeholder is a technical JSON path like $.guidelines[2].title. Keep it verbatim.',
      });
    }
    case 'unsupported-version':
      return msg('Die Strategie-Daten sind neuer als dieses Widget. Bitte aktualisieren Sie das Widget.', {
        id: 'error.unsupportedVersion',
        desc: 'Feed has a newer major schema version than the widget understands.',
      });
    default:
      return msg('Beim Laden ist ein unbekannter Fehler aufgetreten.', {
        id: 'error.unknown',
        desc: 'Fallback for any other loading failure.',
      });
  }
}

/**
 * Error state: says what happened in the reader's language and offers a retry. `role="alert"`
 * so screen readers hear it without hunting for it.
 */
export function renderError(error: FeedError, onRetry: () => void): TemplateResult {
  return html`<div class="wir-state wir-error" part="error" role="alert" data-kind=${error.kind}>
    <p class="wir-state-title">
      ${msg('Die Inhalte konnten nicht geladen werden.', { id: 'error.title', desc: 'Headline of the error state.' })}
    </p>
    <p class="wir-state-detail">${describeFeedError(error)}</p>
    <button class="wir-button" part="retry-button" type="button" @click=${onRetry}>
      ${msg('Erneut versuchen', { id: 'error.retry', desc: 'Button that loads the data again after an error.' })}
    </button>
  </div>`;
}

/** Nothing to show (e.g. the feed has no guidelines yet); `message` is already localized. */
export function renderEmpty(message: string): TemplateResult {
  return html`<div class="wir-state wir-empty" part="empty">
    <p class="wir-state-detail">${message}</p>
  </div>`;
}
