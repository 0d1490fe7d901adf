/**
 * The explorer's stories show the state they are named after. (stories/stories.test.ts renders
 * every story of every module and runs axe; this file checks what that generic loop cannot.)
 * Stories are rendered the way Storybook and stories.test.ts render them: meta.args + story.args,
 * the toolbar's locale, then the story's render function.
 */
import { expect, fixture, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../../stories/action-field-explorer.stories.js';
import type { ExplorerArgs } from '../../../stories/action-field-explorer.stories.js';
import { defaultLocaleGlobals, withLocaleArgs } from '../../../stories/support/locale.js';
import type { LocaleGlobals } from '../../../stories/support/locale.js';
import { settleWidgets } from '../../../stories/support/settle.js';
import type { Explorer } from './helpers.js';
import { $, $$, activeId, click, part, parts, resetUrl, shownMeasures, text } from './helpers.js';

const rows = (table: Element) => [...table.querySelectorAll('tbody tr')];

type Render = (args: ExplorerArgs) => TemplateResult;

interface StoryLike {
  args?: ExplorerArgs;
  globals?: LocaleGlobals;
  render?: unknown;
}

const meta = stories.default as StoryLike;

async function render(story: StoryLike, { settle = true } = {}): Promise<Explorer> {
  const globals = { ...defaultLocaleGlobals, ...story.globals };
  const args = withLocaleArgs({ ...meta.args, ...story.args }, globals);
  // Storybook serves demo/feeds at /feeds; the test server serves the repository root.
  if (args.src?.startsWith('/feeds/')) args.src = `/demo${args.src}`;
  const wrapper = await fixture<HTMLElement>(((story.render ?? meta.render) as Render)(args));
  const el = (wrapper.localName === 'wir-action-field-explorer' ? wrapper : wrapper.querySelector('wir-action-field-explorer')) as Explorer;
  if (settle) expect(await settleWidgets(wrapper)).to.equal(true);
  await el.updateComplete;
  return el;
}

describe('Widgets/Action Field Explorer stories show their state', () => {
  beforeEach(() => resetUrl());
  afterEach(() => resetUrl());

  it('Default shows the six Hannover fields and the youth group', async () => {
    const el = await render(stories.Default);
    expect(parts(el, 'field-card')).to.have.length(7);
    expect(part(el, 'group-card')).to.exist;
  });

  it('Pinned field shows only Bildung, Pinned theme only equal-treatment measures', async () => {
    const field = await render(stories.PinnedField);
    expect(field.currentField).to.equal('bildung');
    expect(part(field, 'field-nav')).to.equal(null);
    const theme = await render(stories.PinnedTheme);
    expect(text(part(theme, 'pinned-theme'))).to.contain('Gleichbehandlung');
  });

  it('Compact and Narrow fit 320 px', async () => {
    for (const story of [stories.Compact, stories.Narrow]) {
      const el = await render(story);
      const base = part(el, 'base')!;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    }
  });

  it('Deep link opens a measure with its indicator', async () => {
    const el = await render(stories.DeepLink);
    expect(el.currentField).to.equal('bildung');
    expect($(el, '#mb-bildung-m1')!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#md-bildung-m1 [role="meter"]')).to.exist;
  });

  it('Youth group contributions lists only its measures', async () => {
    const el = await render(stories.YouthContributions);
    expect(part(el, 'base')!.dataset.view).to.equal('results');
    expect(parts(el, 'measure').every((m) => m.querySelector('.group-badge'))).to.equal(true);
  });

  it('No results explains how to widen the search', async () => {
    const el = await render(stories.NoResults);
    expect(part(el, 'no-results')).to.exist;
    expect(part(el, 'no-results')!.querySelectorAll('.active-filters li')).to.have.length(2);
  });

  it('RTL stories render right to left', async () => {
    for (const story of [stories.RightToLeftArabic, stories.RightToLeftArabicField]) {
      const el = await render(story);
      expect(getComputedStyle(part(el, 'base')!).direction).to.equal('rtl');
    }
  });

  it('Loading reserves space and is busy; Error says 404 with a retry; Empty says so', async () => {
    const loading = await render(stories.Loading, { settle: false });
    expect(part(loading, 'loading')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(loading, 'loading')!.getBoundingClientRect().height).to.be.greaterThan(300);
    const error = await render(stories.ErrorState);
    expect(text($(error, '[role="alert"]'))).to.contain('404');
    expect(part(error, 'retry-button')).to.exist;
    const empty = await render(stories.Empty);
    expect(part(empty, 'empty')).to.exist;
  });

  it('Large catalogue pages its results', async () => {
    const el = await render(stories.LargeCatalogue);
    expect(parts(el, 'field-card')).to.have.length(7);
    $<HTMLAnchorElement>(el, '#card-feld-1')!.click();
    await el.updateComplete;
    await nextFrame();
    await el.updateComplete;
    expect(shownMeasures(el)).to.have.length(50);
    expect(part(el, 'more-button')).to.exist;
  });

  it('Large catalogue: opening a field draws a screenful of measures at once and the rest of the page in the next frame', async () => {
    const el = await render(stories.LargeCatalogue);
    $<HTMLAnchorElement>(el, '#card-feld-1')!.click();
    await el.updateComplete;
    // The first frame: the field, focus on its heading, and measures down past the bottom of the viewport.
    expect(activeId(el)).to.equal('view-heading');
    const first = shownMeasures(el);
    expect(first.length).to.be.below(50);
    const last = $(el, `#m-${first[first.length - 1]}`)!;
    expect(last.getBoundingClientRect().bottom).to.be.at.least(innerHeight);
    expect(text($(el, '.more-status'))).to.match(/^50 von \d+ Maßnahmen angezeigt$/);
    // The next frame: the whole page, in order, focus left where it was.
    await nextFrame();
    await el.updateComplete;
    expect(shownMeasures(el)).to.have.length(50);
    expect(shownMeasures(el).slice(0, first.length)).to.deep.equal(first);
    expect(activeId(el)).to.equal('view-heading');

    // "Show more" before the next frame still shows both pages and focuses the first new measure.
    await click(el, '[part~="back-link"]');
    $<HTMLAnchorElement>(el, '#card-feld-2')!.click();
    await el.updateComplete;
    expect(shownMeasures(el).length).to.be.below(50);
    await click(el, '[part~="more-button"]');
    const shown = shownMeasures(el);
    expect(shown).to.have.length(100);
    expect(activeId(el)).to.equal(`mb-${shown[50]}`);
    await nextFrame();
    await el.updateComplete;
    expect(shownMeasures(el)).to.deep.equal(shown);
  });

  it('Progress chart and table: a chart with its caption, and the table its play function opens', async () => {
    const el = await render(stories.ProgressChart);
    const figure = $(el, '#md-bildung-m1 figure.chart')!;
    expect(text(figure.querySelector('figcaption'))).to.equal('Von 0 Personen (2021) auf 1.850 Personen (Dezember 2025); Ziel: 2.400 Personen bis 2026.');
    const canvas = el.parentElement!;
    await stories.ProgressChart.play!({ canvasElement: canvas, parameters: {} } as never);
    expect(rows($(el, '#md-bildung-m1 table')!)).to.have.length(6);
    await expect(el).to.be.accessible();
    const rtl = await render(stories.ProgressChartRightToLeft);
    expect(getComputedStyle($(rtl, '#md-bildung-m2 .chart svg')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('Progress table, narrow: the opened table stays in the 320 px column, in a named region', async () => {
    const el = await render(stories.ProgressTableNarrow);
    await stories.ProgressTableNarrow.play!({ canvasElement: el.parentElement!, parameters: {} } as never);
    const column = $(el, '#md-bildung-m1 .indicator-list')!.getBoundingClientRect();
    const box = $(el, '#md-bildung-m1 .series-table')!.parentElement!;
    expect(box.getAttribute('role')).to.equal('region');
    for (const node of $$(el, '#md-bildung-m1 .indicator, #md-bildung-m1 .indicator > *')) {
      const { left, right } = node.getBoundingClientRect();
      expect(left >= column.left - 1 && right <= column.right + 1, node.className).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });

  it('Status history lists the changes oldest first with their notes', async () => {
    const el = await render(stories.StatusHistory);
    expect($$(el, '#md-bildung-m2 .history-list li').map(text)).to.deep.equal([
      '2022 vorgeschlagen',
      'Februar 2023 beschlossen',
      '1. September 2023 in Umsetzung Start in drei Stadtbezirken',
    ]);
  });

  it('Guideline filter shows the fields serving leitlinie-4 under a notice', async () => {
    const el = await render(stories.GuidelineFilter);
    expect(text(part(el, 'guideline-filter')!.querySelector('span'))).to.match(/^Handlungsfelder zur Leitlinie 4: /);
    expect(parts(el, 'field-card').map((card) => card.querySelector('a')!.id)).to.deep.equal(['card-soziales', 'card-stadtleben-kultur']);
  });

  it('Leichte Sprache offers the switch; switched on, the summaries are easy German', async () => {
    const el = await render(stories.EasyLanguage);
    const toggle = part(el, 'easy-language')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    try {
      const summary = $(el, '.card .summary span')!;
      expect([text(summary), summary.lang]).to.deep.equal(['Alle sollen gut lernen können. Von klein auf. Ihr ganzes Leben lang.', 'de-x-ls']);
      await expect(el).to.be.accessible();
    } finally {
      part(el, 'easy-language')!.click();
      await el.updateComplete;
    }
  });

  it('XSS-inert text shows markup as characters and runs nothing', async () => {
    const el = await render(stories.XssInert);
    const root = el.shadowRoot!;
    expect((globalThis as { __wirXss?: unknown }).__wirXss).to.equal(undefined);
    expect(root.querySelectorAll('script, style, iframe, img, b, u, svg:not(.icon)')).to.have.length(0);
    expect(text($(el, '.measure-description'))).to.contain('<iframe');
  });
});
