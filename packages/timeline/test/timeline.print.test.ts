import { expect, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../src/wir-timeline.js';
import type { WirTimeline } from '../src/index.js';
import { mount } from '../../core/test/support/widget-fixture.js';
import { BLACK, clipped, shown } from '../../core/test/support/print.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

const FEED = '/packages/timeline/test/fixtures/timeline.json';
const TODAY = '2026-03-10';

describe('<wir-timeline> in print', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('prints a wide timeline as one vertical list: every entry with date, status and text, no scroll track', async () => {
    // As wide as a landscape page: on screen this is the horizontal scroll track.
    await setViewport({ width: 1200, height: 800 });
    const el = await mount<WirTimeline>(html`<wir-timeline scheme="dark" today=${TODAY} src=${FEED}></wir-timeline>`);
    const root = el.shadowRoot!;
    const list = root.querySelector<HTMLElement>('[part~="list"]')!;
    expect(getComputedStyle(list).flexDirection, 'screen layout').to.equal('row');

    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(list).flexDirection).to.equal('column');
    expect(getComputedStyle(list).overflowX).to.equal('visible');
    expect(clipped(root)).to.deep.equal([]);

    const entries = [...root.querySelectorAll<HTMLElement>('[part~="entry"]')];
    expect(entries).to.have.length(12);
    for (const entry of entries) {
      expect(shown(entry.querySelector('[part~="date"]')!), entry.id).to.be.true;
      expect(shown(entry.querySelector('[part~="status"]')!), entry.id).to.be.true;
      expect(getComputedStyle(entry.querySelector('[part~="title"]')!).color, entry.id).to.equal(BLACK);
      expect(getComputedStyle(entry).breakInside).to.equal('avoid');
    }
    // Closed entries print their text too: a page cannot be opened.
    const texts = [...root.querySelectorAll('.text')];
    expect(texts).to.have.length(3);
    for (const text of texts) expect(shown(text)).to.be.true;
    // The "read more" link prints its address.
    const link = root.querySelector<HTMLAnchorElement>('#entry-konferenz [part~="link"]')!;
    expect(shown(link)).to.be.true;
    expect(getComputedStyle(link, '::after').content).to.equal('"\u00a0(https://www.test-stadt.example/konferenz)"');
    expect(getComputedStyle(root.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('prints no buttons, filters or calendar downloads, but says how many entries are listed', async () => {
    const el = await mount<WirTimeline>(html`<wir-timeline limit="4" today=${TODAY} src=${FEED}></wir-timeline>`);
    const root = el.shadowRoot!;
    // Open an upcoming entry so that its calendar link exists.
    root.querySelector<HTMLButtonElement>('#entry-konferenz .title-button')?.click();
    await el.updateComplete;

    await emulateMedia({ media: 'print' });
    for (const name of ['filter', 'show-all-button', 'calendar-link', 'calendar-all-link', 'scroll-earlier-button', 'scroll-later-button']) {
      for (const node of root.querySelectorAll(`[part~="${name}"]`)) expect(shown(node), name).to.be.false;
    }
    expect(root.querySelector('[part~="show-all-button"]'), 'the limit is in force').to.exist;
    for (const button of root.querySelectorAll('button:not([part~="title-button"])')) expect(shown(button), button.className).to.be.false;
    for (const chevron of root.querySelectorAll('.chevron')) expect(shown(chevron)).to.be.false;
    expect(shown(root.querySelector('[part~="summary"]')!)).to.be.true;
    expect(clipped(root)).to.deep.equal([]);
  });
});
