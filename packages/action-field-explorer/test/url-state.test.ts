import { aTimeout, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WirFieldSelectEvent } from '../src/index.js';
import type { Explorer } from './helpers.js';
import { $, FEED, activeId, choose, click, guardHistory, hash, historyGo, mount, part, resetUrl, settled, shownMeasures, typeSearch, urlSettles } from './helpers.js';

const view = (el: Explorer) => part(el, 'base')!.dataset.view;

async function restored(fragment: string, template = html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`): Promise<Explorer> {
  // One explorer at a time: a second one without an id would read `wir-explorer.2`.
  fixtureCleanup();
  history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
  return mount(template);
}

describe('<wir-action-field-explorer> URL state', () => {
  const pushes = guardHistory(5);

  describe('restoring a deep link', () => {
    it('opens the field, the filters and the search from the fragment', async () => {
      const el = await restored('#wir-explorer=field:bildung;theme:kommunikation;q:sprachcaf');
      expect(view(el)).to.equal('field');
      expect(el.currentField).to.equal('bildung');
      expect($<HTMLSelectElement>(el, '#theme')!.value).to.equal('kommunikation');
      expect($<HTMLInputElement>(el, '#search')!.value).to.equal('sprachcaf');
      expect(shownMeasures(el)).to.deep.equal(['bildung-m3']);
      // Restoring takes no focus and writes nothing.
      expect(el.shadowRoot!.activeElement).to.equal(null);
      await aTimeout(150);
      expect(pushes.added).to.equal(0);
    });

    it('opens a deep-linked measure, in its field, and scrolls it into view', async () => {
      const spacer = document.createElement('div');
      spacer.style.blockSize = '3000px';
      document.body.prepend(spacer);
      try {
        const el = await restored('#wir-explorer=measure:demokratie-m2');
        expect(el.currentField).to.equal('demokratie');
        expect($(el, '#mb-demokratie-m2')!.getAttribute('aria-expanded')).to.equal('true');
        await aTimeout(50);
        const box = $(el, '#m-demokratie-m2')!.getBoundingClientRect();
        expect(box.top).to.be.within(-1, innerHeight);
      } finally {
        spacer.remove();
        scrollTo(0, 0);
      }
    });

    it('marks a deep-linked goal and shows a measure beyond the first page', async () => {
      const el = await restored(
        '#wir-explorer=goal:bildung-z2;measure:bildung-m3',
        html`<wir-action-field-explorer page-size="5" src=${FEED}></wir-action-field-explorer>`,
      );
      expect(el.currentField).to.equal('bildung');
      expect($(el, '#goal-bildung-z2')!.hasAttribute('data-target')).to.equal(true);
      expect($(el, '#mb-bildung-m3')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('drops a goal or measure that contradicts the field', async () => {
      const el = await restored('#wir-explorer=field:soziales;measure:bildung-m1;goal:bildung-z1');
      expect(el.currentField).to.equal('soziales');
      expect($(el, '[aria-expanded="true"]')).to.equal(null);
      expect($(el, '[data-target]')).to.equal(null);
    });

    it('keeps the pinned field: a deep link can open a measure in it but not leave it', async () => {
      const el = await restored(
        '#wir-explorer=field:bildung;measure:soziales-m2',
        html`<wir-action-field-explorer field="soziales" src=${FEED}></wir-action-field-explorer>`,
      );
      expect(el.currentField).to.equal('soziales');
      expect($(el, '#mb-soziales-m2')!.getAttribute('aria-expanded')).to.equal('true');
      await click(el, '#mb-soziales-m1');
      await urlSettles((h) => h.includes('measure:soziales-m1'));
      expect(hash()).to.equal('#wir-explorer=measure:soziales-m1');
    });

    it('ignores malformed and hostile fragments safely, keeping what is valid', async () => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      try {
        const hostile = [
          '#wir-explorer=field:%E0%A4%A',
          '#wir-explorer=field:gibt-es-nicht;goal:nein;measure:auch-nicht;theme:x;group:y',
          '#wir-explorer=field:__proto__;constructor:x;status:evil',
          '#wir-explorer=field:<img src=x onerror=alert(1)>',
          '#wir-explorer=;;;:::===&&&',
          `#wir-explorer=q:${'%'.repeat(3000)}`,
          '#wir-explorer=field:BILDUNG',
          '#%00%01wir-explorer=field:bildung',
        ];
        for (const fragment of hostile) {
          const el = await restored(fragment);
          expect(view(el), fragment).to.equal('overview');
          expect($<HTMLSelectElement>(el, '#status')!.value, fragment).to.equal('');
        }
        const partial = await restored('#wir-explorer=field:bildung;status:nope;theme:gleichbehandlung;q:%ZZ');
        expect(partial.currentField).to.equal('bildung');
        expect($<HTMLSelectElement>(partial, '#theme')!.value).to.equal('gleichbehandlung');
        expect($<HTMLSelectElement>(partial, '#status')!.value).to.equal('');
        expect($<HTMLInputElement>(partial, '#search')!.value).to.equal('');
        await aTimeout(50);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
      }
    });
  });

  describe('writing', () => {
    it('pushes a history entry for navigation and filters, and replaces it for typing and details', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await click(el, '#card-bildung');
      await urlSettles((h) => h === '#wir-explorer=field:bildung');
      expect(pushes.added).to.equal(1);

      await click(el, '#mb-bildung-m1');
      await urlSettles((h) => h === '#wir-explorer=field:bildung;measure:bildung-m1');
      expect(pushes.added).to.equal(1);

      await typeSearch(el, 'fort');
      await urlSettles((h) => h.endsWith(';q:fort'));
      expect(pushes.added).to.equal(1);

      await choose(el, 'status', 'in-progress');
      await urlSettles((h) => h === '#wir-explorer=field:bildung;measure:bildung-m1;status:in-progress;q:fort');
      expect(pushes.added).to.equal(2);

      // Back to the plain overview: the segment goes away entirely.
      await click(el, '[part~="reset-button"]');
      await click(el, '[part~="back-link"]');
      await urlSettles((h) => h === '');
      expect(location.href.includes('#')).to.equal(false);
    });

    it('writes typing once the reader pauses, not on every keystroke', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      const replace = history.replaceState;
      let calls = 0;
      history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
        calls++;
        return replace.apply(this, args);
      };
      try {
        await typeSearch(el, 'Mehrsprachigkeit');
        await urlSettles((h) => h === '#wir-explorer=q:Mehrsprachigkeit');
        expect(calls).to.equal(1);
      } finally {
        history.replaceState = replace;
      }
    });

    it("keeps the host page's own fragment and its history state", async () => {
      history.replaceState({ router: 'page-2' }, '', `${location.pathname}${location.search}#/seite/2?tab=1`);
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'wahl');
      await urlSettles((h) => h === '#/seite/2?tab=1&wir-explorer=q:wahl');
      expect(history.state).to.deep.equal({ router: 'page-2' });
      await click(el, '[part~="reset-button"]');
      await urlSettles((h) => h === '#/seite/2?tab=1');
    });

    it('gives every link the URL of the view it opens, and leaves modified clicks to the browser', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      const link = $<HTMLAnchorElement>(el, '#card-soziales')!;
      expect(link.href).to.equal(`${location.href.split('#')[0]}#wir-explorer=field:soziales`);
      let prevented: boolean | undefined;
      const stop = (e: Event) => {
        prevented = e.defaultPrevented;
        // Keep the test page from opening a new tab.
        e.preventDefault();
      };
      el.addEventListener('click', stop);
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      await el.updateComplete;
      expect(prevented).to.equal(false);
      expect(view(el)).to.equal('overview');
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      await el.updateComplete;
      expect(prevented).to.equal(true);
      expect(view(el)).to.equal('field');
      el.removeEventListener('click', stop);
    });
  });

  describe('back and forward', () => {
    it('restores each view, fires wir-field-select with cause "history" and keeps focus in the widget', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      const events: WirFieldSelectEvent[] = [];
      el.addEventListener('wir-field-select', (e) => events.push(e));
      await click(el, '#card-bildung');
      await urlSettles((h) => h.includes('field:bildung'));
      await click(el, '.chip[href*="field:soziales"]');
      await urlSettles((h) => h.includes('field:soziales'));
      await choose(el, 'status', 'deferred');
      await urlSettles((h) => h.includes('status:deferred'));
      expect(pushes.added).to.equal(3);
      expect(shownMeasures(el)).to.deep.equal(['soziales-m2']);

      $<HTMLElement>(el, '#view-heading')!.focus();
      await historyGo(-1, el);
      expect(el.currentField).to.equal('soziales');
      expect($<HTMLSelectElement>(el, '#status')!.value).to.equal('');
      expect(shownMeasures(el)).to.deep.equal(['soziales-m1', 'soziales-m2']);

      await historyGo(-1, el);
      expect(el.currentField).to.equal('bildung');
      expect(activeId(el)).to.equal('view-heading');

      await historyGo(-1, el);
      expect(view(el)).to.equal('overview');
      expect(activeId(el)).to.equal('card-bildung');

      await historyGo(2, el);
      expect(el.currentField).to.equal('soziales');
      expect(events.map((e) => [e.detail.id, e.detail.cause])).to.deep.equal([
        ['bildung', 'user'],
        ['soziales', 'user'],
        ['bildung', 'history'],
        [null, 'history'],
        ['soziales', 'history'],
      ]);
      // Back to where this test started.
      await historyGo(-2, el);
    });

    it('moves focus from content Back removes to the heading of the view it shows, and keeps it on a filter still there', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      const status = $<HTMLSelectElement>(el, '#status')!;
      status.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(view(el)).to.equal('results');
      await urlSettles((h) => h.includes('status:'));
      // From the filter the reader just used, Back and Forward leave focus where it is.
      await historyGo(-1, el);
      expect(view(el)).to.equal('overview');
      expect(el.shadowRoot!.activeElement).to.equal(status);
      await historyGo(1, el);
      expect(view(el)).to.equal('results');
      expect(el.shadowRoot!.activeElement).to.equal(status);

      // From a measure of the results, which the overview does not have, to the explorer's heading.
      do await sendKeys({ press: 'Tab' });
      while (el.shadowRoot!.activeElement && !el.shadowRoot!.activeElement.matches('[part~="measure-button"]'));
      await historyGo(-1, el);
      expect(view(el)).to.equal('overview');
      expect(activeId(el)).to.equal('heading');
      // And Forward from there to the results' heading.
      await historyGo(1, el);
      expect(view(el)).to.equal('results');
      expect(activeId(el)).to.equal('view-heading');
      await historyGo(-1, el);
    });

    it('brings focus back to the goal link a reader followed from the results', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await typeSearch(el, 'sprach');
      await urlSettles((h) => h.includes('q:sprach'));
      const link = $<HTMLAnchorElement>(el, '.goal-title a')!;
      const goal = link.closest('h1, h2, h3, h4, h5, h6')!.id;
      link.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(view(el)).to.equal('field');
      expect(activeId(el)).to.equal(goal);
      await urlSettles((h) => h.includes('goal:'));

      await historyGo(-1, el);
      expect(view(el)).to.equal('results');
      const back = el.shadowRoot!.activeElement;
      expect(back?.localName).to.equal('a');
      expect(back!.closest('h1, h2, h3, h4, h5, h6')!.id).to.equal(goal);
      // Forward: the goal again, as when the link was followed.
      await historyGo(1, el);
      expect(activeId(el)).to.equal(goal);
      await historyGo(-1, el);
    });

    it('follows the fragment when the host page changes it', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      location.hash = '#oben&wir-explorer=field:demokratie;status:done';
      await waitUntil(() => el.currentField === 'demokratie', 'did not follow hashchange');
      await el.updateComplete;
      expect(shownMeasures(el)).to.deep.equal(['demokratie-m2']);
      // The host replaces the whole fragment: the explorer returns to its start view.
      location.hash = '#unten';
      await waitUntil(() => view(el) === 'overview', 'did not return to the overview');
      await historyGo(-1, el);
      expect(el.currentField).to.equal('demokratie');
      await historyGo(-1, el);
    });

    it('drops a pending search write when the reader goes back meanwhile', async () => {
      const el = await mount(html`<wir-action-field-explorer src=${FEED}></wir-action-field-explorer>`);
      await click(el, '#card-bildung');
      await urlSettles((h) => h.includes('field:bildung'));
      await typeSearch(el, 'zzz');
      await historyGo(-1, el);
      await aTimeout(600);
      expect(hash()).to.equal('');
      expect(view(el)).to.equal('overview');
      expect($<HTMLInputElement>(el, '#search')!.value).to.equal('');
    });
  });

  describe('two explorers on one page', () => {
    it('keep separate segments by id and each follows only its own on back/forward', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <wir-action-field-explorer id="links" src=${FEED}></wir-action-field-explorer>
        <wir-action-field-explorer id="rechts" src=${FEED}></wir-action-field-explorer>
      </div>`);
      const [left, right] = [...wrapper.querySelectorAll('wir-action-field-explorer')];
      await Promise.all([settled(left), settled(right)]);
      await click(left, '#card-bildung');
      await urlSettles((h) => h === '#wir-explorer.links=field:bildung');
      await click(right, '#card-demokratie');
      await urlSettles((h) => h === '#wir-explorer.links=field:bildung&wir-explorer.rechts=field:demokratie');
      await typeSearch(left, 'schule');
      await urlSettles((h) => h === '#wir-explorer.links=field:bildung;q:schule&wir-explorer.rechts=field:demokratie');
      expect(right.currentField).to.equal('demokratie');
      expect($<HTMLInputElement>(right, '#search')!.value).to.equal('');

      await historyGo(-1, right);
      expect(right.currentField).to.equal(undefined);
      // The URL is the truth: the search was typed into the newer entry, so it goes with it.
      expect(left.currentField).to.equal('bildung');
      expect($<HTMLInputElement>(left, '#search')!.value).to.equal('');
      await historyGo(-1, left);
      expect(left.currentField).to.equal(undefined);
    });

    it('number explorers without an id in document order', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#wir-explorer=field:bildung&wir-explorer.2=field:soziales`);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <wir-action-field-explorer src=${FEED}></wir-action-field-explorer>
        <wir-action-field-explorer src=${FEED}></wir-action-field-explorer>
      </div>`);
      const [first, second] = [...wrapper.querySelectorAll('wir-action-field-explorer')];
      await Promise.all([settled(first), settled(second)]);
      expect(first.currentField).to.equal('bildung');
      expect(second.currentField).to.equal('soziales');
    });
  });
});
