import { WirVotingBox } from './voting-box.js';

// Guarded so a page that loads the widget twice (script tag and npm bundle) does not throw.
if (!customElements.get('wir-voting-box')) {
  customElements.define('wir-voting-box', WirVotingBox);
}

export { WirVotingBox };

declare global {
  interface HTMLElementTagNameMap {
    'wir-voting-box': WirVotingBox;
  }
}
