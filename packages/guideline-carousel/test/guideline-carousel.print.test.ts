import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/wir-guideline-carousel.js';
import type { WirGuidelineCarousel } from '../src/index.js';
import { mount } from '../../core/test/support/widget-fixture.js';
import { BLACK, clipped } from '../../core/test/support/print.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

const FEED = '/packages/guideline-carousel/test/fixtures/guidelines.json';

describe('<wir-guideline-carousel> in print', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('prints every guideline in order, black on white, without controls', async () => {
    const el = await mount<WirGuidelineCarousel>(html`<wir-guideline-carousel scheme="dark" start="3" src=${FEED}></wir-guideline-carousel>`);
    await emulateMedia({ media: 'print' });
    const root = el.shadowRoot!;

    expect(getComputedStyle(root.querySelector('[part~="controls"]')!).display).to.equal('none');
    const slides = [...root.querySelectorAll<HTMLElement>('[part~="slide"]')];
    expect(slides.length).to.be.greaterThan(2);
    let bottom = -Infinity;
    for (const slide of slides) {
      const box = slide.getBoundingClientRect();
      expect(getComputedStyle(slide).visibility, slide.id).to.equal('visible');
      expect(box.height, slide.id).to.be.greaterThan(0);
      // One after another, not stacked in one cell: each starts below the one before.
      expect(box.top, slide.id).to.be.at.least(bottom);
      bottom = box.bottom;
      expect(getComputedStyle(slide.querySelector('.slide-number')!).color).to.equal(BLACK);
      expect(getComputedStyle(slide.querySelector('.slide-text')!).color).to.equal(BLACK);
    }
    expect(getComputedStyle(root.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(clipped(root)).to.deep.equal([]);
  });

  it('shows the controls again on screen', async () => {
    const el = await mount<WirGuidelineCarousel>(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
    await emulateMedia({ media: 'print' });
    await emulateMedia({ media: 'screen' });
    const root = el.shadowRoot!;
    expect(getComputedStyle(root.querySelector('[part~="controls"]')!).display).to.not.equal('none');
    expect(root.querySelectorAll('[part~="slide"]:not([data-active])')).to.have.length.greaterThan(0);
    for (const slide of root.querySelectorAll('[part~="slide"]:not([data-active])')) {
      expect(getComputedStyle(slide).visibility).to.equal('hidden');
    }
  });
});
