import { WirTimeline } from './timeline.js';

// Guarded so a page that loads the widget twice (script tag and npm bundle) does not throw.
if (!customElements.get('wir-timeline')) {
  customElements.define('wir-timeline', WirTimeline);
}

export { WirTimeline };

declare global {
  interface HTMLElementTagNameMap {
    'wir-timeline': WirTimeline;
  }
}
