/**
 * Progress over time: an indicator's series as a small chart with a one-sentence caption and a
 * table behind a disclosure, and a measure's status history. Feed: fixtures/linked.json
 * (explorer.json plus series, guideline links and easy German).
 */
import { expect, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Explorer } from './helpers.js';
import { $, $$, FEED, FIXTURES, click, mount, resetUrl, text } from './helpers.js';

const LINKED = `${FIXTURES}linked.json`;

// Arrives through a deep link rather than by clicks: clicks would push history entries, and the
// runner's page keeps at most 50 for all test files it runs (see countPushes in helpers.ts).
async function openMeasure(lang: string, field: string, measure: string): Promise<Explorer> {
  fixtureCleanup();
  history.replaceState(null, '', `${location.pathname}${location.search}#wir-explorer=field:${field};measure:${measure}`);
  return mount(html`<wir-action-field-explorer lang=${lang} src=${LINKED}></wir-action-field-explorer>`);
}

const rows = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => `${cell.localName}:${text(cell)}`));

describe('<wir-action-field-explorer> progress over time', () => {
  beforeEach(() => resetUrl());
  afterEach(() => resetUrl());

  describe('an indicator with a series', () => {
    it('draws a chart inside a figure whose caption says the course in one sentence', async () => {
      const el = await openMeasure('de', 'bildung', 'bildung-m1');
      const figure = $(el, '#md-bildung-m1 figure.chart')!;
      expect(figure).to.exist;
      expect(text(figure.querySelector('figcaption'))).to.equal('Von 0 Personen (2021) auf 265 Personen (Dezember 2025); Ziel: 400 Personen bis 2026.');
      const svg = figure.querySelector('svg')!;
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      // Three measured values: a line through three points and three dots.
      expect(svg.querySelector('polyline')!.getAttribute('points')!.trim().split(/\s+/)).to.have.length(6);
      expect(svg.querySelector('.dot')!.getAttribute('d')!.match(/M/g)).to.have.length(3);
      // Baseline and target are marked across the chart, with distinct line styles.
      const base = getComputedStyle(svg.querySelector('.l-base')!).strokeDasharray;
      const target = getComputedStyle(svg.querySelector('path.l-target')!).strokeDasharray;
      expect(base).to.not.equal('none');
      expect(target).to.not.equal('none');
      expect(base).to.not.equal(target);
      expect(svg.getBoundingClientRect().width).to.be.greaterThan(100);
      // The labels of the figures above are the legend: each beside a sample of its line.
      const labels = $$(el, '#md-bildung-m1 .values dt');
      expect(labels.map(text)).to.deep.equal(['Ausgangswert', 'Ziel', 'Aktuell']);
      expect(labels.map((dt) => getComputedStyle(dt, '::before').borderTopStyle)).to.deep.equal(['dotted', 'dashed', 'solid']);
    });

    it('shows the same numbers as a table behind a disclosure button, with caption and header scopes', async () => {
      const el = await openMeasure('de', 'demokratie', 'demokratie-m2');
      const button = $<HTMLButtonElement>(el, '#md-demokratie-m2 .indicator > button')!;
      expect(text(button)).to.equal('Werte als Tabelle');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const region = $(el, `#${button.getAttribute('aria-controls')}`)!;
      expect(region.hidden).to.equal(true);
      expect(region.querySelector('table')).to.equal(null);

      // A keyboard reader opens it with Enter.
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(region.hidden).to.equal(false);
      const table = region.querySelector('table')!;
      expect(text(table.querySelector('caption'))).to.equal('Verteilte Broschüren');
      expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), text(th)])).to.deep.equal([
        ['col', 'Datum'],
        ['col', 'Stück'],
      ]);
      // The baseline is not among the measured values here, so it has its own row; values as text.
      expect(rows(table)).to.deep.equal([
        ['th:2023 (Ausgangswert)', 'td:0'],
        ['th:Oktober 2023', 'td:1.200'],
        ['th:15. Mai 2024', 'td:3.100'],
        ['th:2025 (Ziel)', 'td:5.000'],
      ]);
      for (const th of table.querySelectorAll('tbody th')) expect(th.getAttribute('scope')).to.equal('row');
      expect(table.querySelector('tbody time')!.getAttribute('datetime')).to.equal('2023');

      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(region.hidden).to.equal(true);
    });

    it("merges a baseline that is the series' first value into that row", async () => {
      const el = await openMeasure('de', 'soziales', 'soziales-m2');
      await click(el, '#md-soziales-m2 .indicator > button');
      expect(rows($(el, '#md-soziales-m2 table')!)).to.deep.equal([
        ['th:2021 (Ausgangswert)', 'td:60'],
        ['th:Juni 2022', 'td:52'],
        ['th:Januar 2024', 'td:45'],
        ['th:2026 (Ziel)', 'td:30'],
      ]);
      // A falling target: the last value is drawn below the first, the target lowest.
      const points = $(el, '#md-soziales-m2 polyline')!.getAttribute('points')!.split(' ').map(Number);
      expect(points[points.length - 1]).to.be.greaterThan(points[1]);
    });

    it('formats numbers and dates in the reader’s language', async () => {
      const el = await openMeasure('en', 'demokratie', 'demokratie-m2');
      // The sentence itself is translated with the other UI strings; its figures are formatted here.
      const caption = text($(el, '#md-demokratie-m2 figcaption'));
      for (const part of ['1,200 Stück (October 2023)', '3,100 Stück (May 15, 2024)', '5,000 Stück', '2025']) expect(caption).to.contain(part);
      await click(el, '#md-demokratie-m2 .indicator > button');
      expect(rows($(el, '#md-demokratie-m2 table')!).slice(1, 3)).to.deep.equal([
        ['th:October 2023', 'td:1,200'],
        ['th:May 15, 2024', 'td:3,100'],
      ]);
    });

    it('runs time from right to left in Arabic, like the reading and the meter above it', async () => {
      const el = await openMeasure('ar', 'bildung', 'bildung-m1');
      const svg = $(el, '#md-bildung-m1 .chart svg')!;
      expect(getComputedStyle(svg).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      const meter = $(el, '#md-bildung-m1 .meter')!.getBoundingClientRect();
      const fill = $(el, '#md-bildung-m1 .meter-fill')!.getBoundingClientRect();
      expect(Math.round(fill.right)).to.be.closeTo(Math.round(meter.right) - 1, 1);
      const ltr = await openMeasure('de', 'bildung', 'bildung-m1');
      expect(getComputedStyle($(ltr, '#md-bildung-m1 .chart svg')!).transform).to.equal('none');
    });

    it('draws no chart for an indicator without a series', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#wir-explorer=measure:bildung-m1`);
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      expect($(el, '#md-bildung-m1 .indicator')).to.exist;
      expect($(el, '#md-bildung-m1 .chart')).to.equal(null);
      expect(getComputedStyle($(el, '#md-bildung-m1 .values dt')!, '::before').content).to.equal('none');
      expect($(el, '#md-bildung-m1 .indicator > button')).to.equal(null);
    });
  });

  describe("a measure's status history", () => {
    it('lists the changes oldest first, with dates at their precision and notes', async () => {
      const el = await openMeasure('de', 'bildung', 'bildung-m1');
      const list = $(el, '#md-bildung-m1 .history-list')!;
      expect(list.localName).to.equal('ol');
      expect(text($(el, `#${list.getAttribute('aria-labelledby')}`))).to.equal('Verlauf');
      const items = [...list.children];
      expect(items.map(text)).to.deep.equal(['Juli 2021 vorgeschlagen Vorschlag der Expert*innen', '8. November 2021 beschlossen', 'September 2022 in Umsetzung']);
      expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).to.deep.equal(['2021-07', '2021-11-08', '2022-09']);
    });

    it('shows a year-only date as the year, in the reader’s language', async () => {
      const el = await openMeasure('en', 'bildung', 'bildung-m2');
      expect($$(el, '#md-bildung-m2 .history-list li').map(text)).to.deep.equal(['2021 adopted', 'June 2024 completed']);
    });
  });
});
