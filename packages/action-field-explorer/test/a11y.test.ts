import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { chooseEasyLanguage } from '@wir/core';
import { clearFeedCache } from '@wir/feed';
import type { Explorer } from './helpers.js';
import { FEED, FIXTURES, choose, click, mount, part, resetUrl, typeSearch } from './helpers.js';

interface State {
  name: string;
  template: (lang: string) => TemplateResult;
  /** The part that must be shown (default: base). */
  state?: string;
  prepare?: (el: Explorer) => Promise<void>;
  /** The page's fragment when the explorer arrives. */
  fragment?: string;
}

const LINKED = `${FIXTURES}linked.json`;

const states: State[] = [
  { name: 'overview', template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${FEED}></wir-action-field-explorer>` },
  {
    name: 'field with a measure and its indicators open',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${FEED}></wir-action-field-explorer>`,
    prepare: async (el) => {
      await click(el, '#card-bildung');
      await click(el, '#mb-bildung-m1');
      await click(el, '#mb-bildung-m3');
    },
  },
  {
    name: 'results across fields with every filter set',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${FEED}></wir-action-field-explorer>`,
    prepare: async (el) => {
      await choose(el, 'theme', 'kommunikation');
      await choose(el, 'group', 'ag-jugend');
      await choose(el, 'status', 'in-progress');
    },
  },
  {
    name: "the youth group's contributions",
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${FEED}></wir-action-field-explorer>`,
    prepare: (el) => click(el, '#card-group-ag-jugend'),
  },
  {
    name: 'no results inside a field',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${FEED}></wir-action-field-explorer>`,
    prepare: async (el) => {
      await click(el, '#card-soziales');
      await choose(el, 'status', 'done');
      await typeSearch(el, 'jugend');
    },
  },
  {
    name: 'pinned field, compact, with "show more"',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} field="bildung" layout="compact" page-size="5" src=${FEED}></wir-action-field-explorer>`,
  },
  {
    name: 'pinned theme, no results',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} theme="diversitaet" src=${FEED}></wir-action-field-explorer>`,
    prepare: (el) => typeSearch(el, 'xyz'),
  },
  // Deep links rather than clicks: no history entries (the runner's page keeps at most 50).
  {
    name: 'indicator charts with their tables open',
    fragment: '#wir-explorer=measure:demokratie-m2',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${LINKED}></wir-action-field-explorer>`,
    prepare: (el) => click(el, '#md-demokratie-m2 .indicator > button'),
  },
  {
    name: 'indicator chart and table in the dark scheme',
    fragment: '#wir-explorer=measure:bildung-m1',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} scheme="dark" src=${LINKED}></wir-action-field-explorer>`,
    prepare: (el) => click(el, '#md-bildung-m1 .indicator > button'),
  },
  {
    name: 'fields of one guideline, with the notice',
    fragment: '#wir-explorer=guideline:leitlinie-1',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${LINKED}></wir-action-field-explorer>`,
  },
  {
    name: 'easy German on',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src=${LINKED}></wir-action-field-explorer>`,
    prepare: async () => chooseEasyLanguage(true),
  },
  { name: 'dark scheme', template: (lang) => html`<wir-action-field-explorer lang=${lang} scheme="dark" src=${FEED}></wir-action-field-explorer>` },
  { name: 'empty feed', state: 'empty', template: (lang) => html`<wir-action-field-explorer lang=${lang} src="${FIXTURES}empty.json"></wir-action-field-explorer>` },
  { name: 'error', state: 'error', template: (lang) => html`<wir-action-field-explorer lang=${lang} src="${FIXTURES}missing.json"></wir-action-field-explorer>` },
  {
    name: 'loading',
    state: 'loading',
    template: (lang) => html`<wir-action-field-explorer lang=${lang} src="/__test/feed/slow?ms=3000&key=a11y-${lang}-${Date.now()}"></wir-action-field-explorer>`,
  },
];

describe('<wir-action-field-explorer> accessibility (axe)', () => {
  beforeEach(() => {
    resetUrl();
    clearFeedCache();
  });
  afterEach(() => {
    chooseEasyLanguage(false);
    resetUrl();
  });

  for (const lang of ['de', 'ar']) {
    for (const { name, template, state, prepare, fragment } of states) {
      it(`${name} — ${lang === 'ar' ? 'RTL (ar)' : 'LTR (de)'}`, async () => {
        if (fragment) history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
        const el = await mount(template(lang), state);
        await prepare?.(el);
        await el.updateComplete;
        if (state !== 'loading' && state !== 'error' && state !== 'empty') {
          expect(part(el, 'base')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
        }
        await expect(el).to.be.accessible();
      });
    }
  }
});
