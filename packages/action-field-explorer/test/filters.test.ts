import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import type { Explorer } from './helpers.js';
import { $, FEED, activeId, choose, click, mount, part, resetUrl, shownMeasures, text, typeSearch } from './helpers.js';

const live = (el: Explorer) => $(el, '#live')!;
const options = (el: Explorer, select: string) => [...$<HTMLSelectElement>(el, `#${select}`)!.options].map((o) => o.textContent!.trim());

describe('<wir-action-field-explorer> filters and search', () => {
  beforeEach(() => resetUrl());
  afterEach(() => resetUrl());

  describe('filters', () => {
    it('filters by cross-cutting theme, by status and by group, showing results across fields', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await choose(el, 'theme', 'gleichbehandlung');
      expect(part(el, 'base')!.dataset.view).to.equal('results');
      expect(text($(el, '#view-heading'))).to.equal('Gefundene Maßnahmen');
      expect(text(part(el, 'result-count'))).to.equal('3 Maßnahmen gefunden.');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m1', 'soziales-m1', 'soziales-m2']);
      // Results are grouped by goal, each headed by its field and linking to the goal in its field.
      const goalHeadings = [...el.shadowRoot!.querySelectorAll('.goal-title')];
      expect(goalHeadings.map((h) => text(h.querySelector('.kicker')))).to.deep.equal(['Handlungsfeld 1: Bildung', 'Handlungsfeld 2: Soziales']);
      expect(goalHeadings[0].querySelector('a')!.href).to.contain('#wir-explorer=field:bildung;goal:bildung-z1;theme:gleichbehandlung');

      await choose(el, 'theme', '');
      await choose(el, 'status', 'done');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m2', 'demokratie-m2']);
      await choose(el, 'status', '');
      await choose(el, 'group', 'ag-jugend');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m3', 'demokratie-m1']);
    });

    it('combines filters (AND) and counts each option as if it were chosen', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      expect(options(el, 'status')).to.deep.equal([
        'Jeder Stand',
        'umgesetzt (2)',
        'in Umsetzung (2)',
        'beschlossen (0)',
        'Empfehlung an das Land (1)',
        'zurückgestellt (1)',
        'vorgeschlagen (1)',
      ]);
      await choose(el, 'theme', 'gleichbehandlung');
      await choose(el, 'status', 'proposed');
      expect(shownMeasures(el)).to.deep.equal(['soziales-m1']);
      // Facets: statuses within the theme; themes within the status.
      expect(options(el, 'status')).to.include.members(['in Umsetzung (1)', 'zurückgestellt (1)', 'vorgeschlagen (1)', 'umgesetzt (0)']);
      expect(options(el, 'theme')).to.deep.equal(['Alle Themen', 'Gleichbehandlung (1)', 'Diversität (0)', 'Kommunikation (0)']);
      await choose(el, 'group', 'ag-jugend');
      expect(part(el, 'no-results')).to.exist;
    });

    it('filters inside an open field, and counts the other fields in the field navigation', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await click(el, '#card-bildung');
      await choose(el, 'theme', 'kommunikation');
      expect(part(el, 'base')!.dataset.view).to.equal('field');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m2', 'bildung-m3']);
      expect(text(part(el, 'result-count'))).to.equal('2 von 3 Maßnahmen passen zur Suche.');
      const chips = [...part(el, 'field-nav')!.querySelectorAll('.chip')].map(text);
      expect(chips).to.deep.equal(['1Bildung (2)', '2Soziales (0)', '3Demokratie (1)', '4Stadtleben und Kultur (0)']);
      // Facet counts are those of this field.
      expect(options(el, 'status')).to.include.members(['umgesetzt (1)', 'in Umsetzung (1)']);
    });

    it('offers a reset that clears search and filters, announces the overview and returns focus to the search', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      expect(part(el, 'reset-button')).to.equal(null);
      await choose(el, 'status', 'done');
      await typeSearch(el, 'wahl');
      expect(shownMeasures(el)).to.deep.equal(['demokratie-m2']);
      await click(el, '[part~="reset-button"]');
      expect(part(el, 'base')!.dataset.view).to.equal('overview');
      expect($<HTMLInputElement>(el, '#search')!.value).to.equal('');
      expect($<HTMLSelectElement>(el, '#status')!.value).to.equal('');
      expect(activeId(el)).to.equal('search');
      await waitUntil(() => live(el).textContent!.trim() !== '', 'nothing announced', { timeout: 2000 });
      expect(live(el).textContent!.trim()).to.equal('Alle Filter aufgehoben. Übersicht über 4 Handlungsfelder.');
    });
  });

  describe('search', () => {
    it('finds words in titles, descriptions, responsible units, partners and goals, in any order', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      const cases: Array<[string, string[]]> = [
        ['klassenzimmer', ['bildung-m1']],
        ['vielfalt lehrkräfte', ['bildung-m1']],
        ['lehrkräfte vielfalt', ['bildung-m1']],
        ['sozialamt', ['soziales-m1']],
        ['volkshochschule', ['bildung-m1']],
        ['jugendzentren', ['bildung-m3']],
        ['Beratung stärken', ['soziales-m1', 'soziales-m2']],
        ['Wartezeit', ['soziales-m2']],
        ['AG Jugend', ['bildung-m3', 'demokratie-m1']],
        ['gibt es nicht', []],
      ];
      for (const [query, expected] of cases) {
        await typeSearch(el, query);
        expect(shownMeasures(el), query).to.deep.equal(expected);
      }
    });

    it('ignores case and diacritics: Förderung, STRASSE, ÖFFNUNG, Lotsinnen', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      for (const query of ['forderung', 'FÖRDERUNG', 'Förderung', 'STRASSE', 'straße']) {
        await typeSearch(el, query);
        expect(shownMeasures(el), query).to.deep.equal(['bildung-m3']);
      }
      await typeSearch(el, 'offnung');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m1', 'bildung-m2']);
      await typeSearch(el, 'lots innen');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m2']);
    });

    it('handles Turkish dotted and dotless i in every casing', async () => {
      const el = await mount(html`<wir-action-field-explorer lang="tr" src=${FEED}></wir-action-field-explorer>`);
      for (const query of ['istanbul', 'İstanbul', 'ISTANBUL', 'İSTANBUL', 'ıstanbul', 'izmir', 'İZMİR']) {
        await typeSearch(el, query);
        expect(shownMeasures(el), query).to.deep.equal(['soziales-m1']);
      }
      await typeSearch(el, 'cok dilli');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m2']);
    });

    it('folds Arabic hamza forms and searches Arabic text right to left', async () => {
      const el = await mount(html`<wir-action-field-explorer lang="ar" src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'اسطنبول');
      expect(shownMeasures(el)).to.deep.equal(['soziales-m1']);
      await typeSearch(el, 'مجلس شبابي');
      expect(shownMeasures(el)).to.deep.equal(['demokratie-m1']);
      await typeSearch(el, '١٤');
      expect(shownMeasures(el)).to.deep.equal(['demokratie-m1']);
    });

    it("searches the text the reader sees: their language, with the feed's default as fallback", async () => {
      const el = await mount(html`<wir-action-field-explorer lang="en" src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'parent guides');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m2']);
      // The German title is not what an English reader sees…
      await typeSearch(el, 'Elternlots');
      expect(shownMeasures(el)).to.deep.equal([]);
      // …but a description that exists only in German is shown, and searched, in German.
      await typeSearch(el, 'Förderung');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m3']);
      const description = await (async () => {
        await click(el, '#mb-bildung-m3');
        return $(el, '#md-bildung-m3 .measure-description span')!;
      })();
      expect(description.getAttribute('lang')).to.equal('de');
    });

    it('combines search with filters', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'schule');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m1', 'bildung-m2']);
      await choose(el, 'status', 'done');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m2']);
      await choose(el, 'status', '');
      await choose(el, 'theme', 'diversitaet');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m1']);
    });

    it('treats an empty or blank search as no search', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, '   ');
      expect(part(el, 'base')!.dataset.view).to.equal('overview');
      await typeSearch(el, '„“ – ;');
      expect(part(el, 'base')!.dataset.view).to.equal('results');
      expect(shownMeasures(el)).to.have.length(7);
    });

    it('announces the result count once, after typing pauses, in one polite live region', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      // Besides the freshness line at the foot (core's status, which speaks only when the feed's
      // copy goes stale or fresh), the explorer has one region for its announcements.
      const regions = el.shadowRoot!.querySelectorAll('[aria-live], [role="status"]:not([part~="freshness"]), [role="alert"]');
      expect(regions).to.have.length(1);
      expect(live(el).getAttribute('aria-live')).to.equal('polite');
      const changes: string[] = [];
      new MutationObserver(() => changes.push(live(el).textContent!.trim())).observe(live(el), { childList: true, characterData: true, subtree: true });
      await typeSearch(el, 'Wahl');
      await aTimeout(200);
      await typeSearch(el, 'info', { replace: false });
      expect(live(el).textContent).to.equal('');
      await waitUntil(() => changes.length > 0, 'nothing announced', { timeout: 2000 });
      await aTimeout(800);
      expect(changes).to.deep.equal(['1 Maßnahme gefunden.']);
      // The same count again is announced again.
      await choose(el, 'status', 'done');
      await waitUntil(() => changes.length > 1, 'repeat not announced', { timeout: 2000 });
      expect(changes[1]).to.equal('1 Maßnahme gefunden.');
    });

    it('flushes the announcement when the reader presses Enter', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'schule');
      part(el, 'filters')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      expect(live(el).textContent!.trim()).to.equal('2 Maßnahmen gefunden.');
    });
  });

  describe('no results', () => {
    it('names the active filters, removes one at a time, and resets all', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await choose(el, 'status', 'accepted');
      await choose(el, 'group', 'ag-jugend');
      await typeSearch(el, 'xyz');
      const help = part(el, 'no-results')!;
      expect(text(help.querySelector('.no-results-title'))).to.equal('Keine Maßnahme passt zu Ihrer Auswahl.');
      const items = [...help.querySelectorAll('.active-filters li')];
      expect(items.map((li) => text(li.querySelector(':scope > span')))).to.deep.equal(['Suche „xyz“', 'Stand „beschlossen“', 'Eingebracht von „AG Jugend“']);
      expect(text(items[1].querySelector('button'))).to.equal('entfernen: Stand „beschlossen“');
      expect(text(help)).to.contain('Versuchen Sie weniger oder andere Wörter, oder entfernen Sie einen Filter.');

      items[0].querySelector('button')!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#search')!.value).to.equal('');
      expect(activeId(el)).to.equal('search');
      expect(part(el, 'no-results')).to.exist;
      expect(part(el, 'no-results')!.querySelectorAll('.active-filters li')).to.have.length(2);

      await click(el, '[part~="no-results"] > button');
      expect(part(el, 'base')!.dataset.view).to.equal('overview');
    });

    it('inside a field, says how many match in other fields and links to them', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await click(el, '#card-soziales');
      await typeSearch(el, 'jugend');
      const help = part(el, 'no-results')!;
      expect(text(help)).to.contain('In anderen Handlungsfeldern passen 2 Maßnahmen.');
      const link = help.querySelector('a')!;
      expect(text(link)).to.equal('In allen Handlungsfeldern suchen');
      expect(link.href).to.contain('#wir-explorer=q:jugend');
      link.click();
      await el.updateComplete;
      expect(part(el, 'base')!.dataset.view).to.equal('results');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m3', 'demokratie-m1']);
      expect(activeId(el)).to.equal('view-heading');
    });

    it('with a pinned theme, says that the theme is fixed rather than offering to remove it', async () => {
      const el = await mount(html`<wir-action-field-explorer theme="diversitaet" src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'Wartezeit');
      const help = part(el, 'no-results')!;
      expect(text(help)).to.contain('Diese Übersicht zeigt nur Maßnahmen zum Querschnittsthema „Diversität“.');
      expect(text(help)).not.to.contain('Querschnittsthema „Diversität“ entfernen');
      expect([...help.querySelectorAll('.active-filters li > span')].map(text)).to.deep.equal(['Suche „Wartezeit“']);
    });
  });
});
