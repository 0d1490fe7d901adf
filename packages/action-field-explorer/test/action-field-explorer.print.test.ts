import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { $, $$, FEED, click, mount, part, parts, resetUrl, text } from './helpers.js';
import { BLACK, clipped, shown } from '../../core/test/support/print.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

describe('<wir-action-field-explorer> in print', () => {
  beforeEach(() => resetUrl());
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    resetUrl();
  });

  it('prints the open field with its goals, statuses and an opened measure\'s indicator values as text, without filters or navigation', async () => {
    const el = await mount(html`<wir-action-field-explorer scheme="dark" src=${FEED}></wir-action-field-explorer>`);
    await click(el, '#card-bildung');
    await click(el, '#mb-bildung-m1');
    await emulateMedia({ media: 'print' });
    const root = el.shadowRoot!;

    for (const name of ['filters', 'field-nav', 'back-link', 'meter']) {
      for (const node of parts(el, name)) expect(shown(node), name).to.be.false;
    }
    // No buttons but the measure titles (which are headings that happen to be buttons).
    for (const button of $$(el, 'button:not([part~="measure-button"])')) expect(shown(button), button.className).to.be.false;
    for (const icon of $$(el, '.icon')) expect(shown(icon)).to.be.false;

    expect(shown(part(el, 'field-header')!)).to.be.true;
    expect(getComputedStyle($(el, '#view-heading')!).color).to.equal(BLACK);
    const goals = parts(el, 'goal');
    expect(goals).to.have.length(2);
    // Laid out in full, also those a screen would skip until they scroll near.
    for (const goal of goals) expect(getComputedStyle(goal).contentVisibility).to.equal('visible');
    for (const measure of parts(el, 'measure')) {
      expect(getComputedStyle(measure).breakInside).to.equal('avoid');
      const badge = measure.querySelector('[part~="status-badge"]')!;
      expect(shown(badge)).to.be.true;
      expect(text(badge)).to.not.equal('');
      expect(getComputedStyle(badge).color).to.equal(BLACK);
    }

    const indicator = part(el, 'indicator')!;
    expect(shown(indicator)).to.be.true;
    const values = [...indicator.querySelectorAll('.values dd')].filter(shown).map(text);
    expect(values).to.have.length(3);
    for (const value of values) expect(value).to.match(/\d/);
    expect(text(indicator.querySelector('.progress-text'))).to.match(/\d/);
    expect(shown(indicator.querySelector('.progress-text')!)).to.be.true;
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(clipped(root)).to.deep.equal([]);
  });

  it('prints the overview cards with their status figures and no status bars', async () => {
    const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
    await emulateMedia({ media: 'print' });
    expect(shown(part(el, 'filters')!)).to.be.false;
    const cards = parts(el, 'field-card');
    expect(cards).to.have.length(5);
    for (const card of cards) {
      expect(shown(card)).to.be.true;
      expect(getComputedStyle(card).breakInside).to.equal('avoid');
    }
    for (const bar of $$(el, '.bar')) expect(shown(bar)).to.be.false;
    const legend = cards[0].querySelector('.legend')!;
    expect(shown(legend)).to.be.true;
    expect(text(legend)).to.match(/umgesetzt: 1/);
    expect(clipped(el.shadowRoot!)).to.deep.equal([]);
  });
});
