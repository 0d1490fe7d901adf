import { WirActionFieldExplorer } from './action-field-explorer.js';

// Guarded so a page that loads the widget twice (script tag and npm bundle) does not throw.
if (!customElements.get('wir-action-field-explorer')) {
  customElements.define('wir-action-field-explorer', WirActionFieldExplorer);
}

export { WirActionFieldExplorer };

declare global {
  interface HTMLElementTagNameMap {
    'wir-action-field-explorer': WirActionFieldExplorer;
  }
}
