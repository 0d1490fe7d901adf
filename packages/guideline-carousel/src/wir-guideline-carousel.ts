import { WirGuidelineCarousel } from './guideline-carousel.js';

// Guarded so a page that loads the widget twice (script tag and npm bundle) does not throw.
if (!customElements.get('wir-guideline-carousel')) {
  customElements.define('wir-guideline-carousel', WirGuidelineCarousel);
}

export { WirGuidelineCarousel };

declare global {
  interface HTMLElementTagNameMap {
    'wir-guideline-carousel': WirGuidelineCarousel;
  }
}
