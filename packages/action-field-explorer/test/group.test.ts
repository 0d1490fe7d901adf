/**
 * Widget groups: explorers with a `group` follow the group's selection (an action field or a
 * guideline) and publish the field the reader opens, in the same history entry as their own
 * address; the guideline filter also comes from the explorer's own fragment segment.
 * Feed: fixtures/linked.json (leitlinie-1 → bildung, demokratie; leitlinie-2 → bildung,
 * soziales; leitlinie-3 → no field).
 */
import { aTimeout, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { WirElement } from '@wir/core';
import type { Selection } from '@wir/core';
import { cataloguePart } from '@wir/feed';
import type { WirFieldSelectEvent } from '../src/index.js';
import type { Explorer } from './helpers.js';
import { $, $$, FIXTURES, click, guardHistory, hash, historyGo, mount, part, parts, resetUrl, settled, shownMeasures, text, typeSearch, urlSettles } from './helpers.js';

const LINKED = `${FIXTURES}linked.json`;

/** Another widget of the group: it only chooses, as a carousel or timeline would. */
class GroupMember extends WirElement {
  static override feedPart = cataloguePart;
  pick(selection: Selection | undefined): void {
    this.selection!.select(selection);
  }
  get chosen(): Selection | undefined {
    return this.selection?.value;
  }
  get joined(): boolean {
    return !!this.selection;
  }
}
customElements.define('test-group-member', GroupMember);


const view = (el: Explorer) => part(el, 'base')!.dataset.view;
const cards = (el: Explorer) => parts(el, 'field-card').map((card) => card.querySelector('a')!.id.replace(/^card-/, ''));
const notice = (el: Explorer) => part(el, 'guideline-filter');
const groupPart = (group: string) => new RegExp(`(?:^#|&)wir-group\\.${group}=([^&]*)`).exec(location.hash)?.[1];

async function page(fragment: string, body: ReturnType<typeof html>): Promise<HTMLElement> {
  fixtureCleanup();
  history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
  const wrapper = await fixture<HTMLElement>(html`<div>${body}</div>`);
  await Promise.all([...wrapper.querySelectorAll<Explorer>('wir-action-field-explorer')].map((el) => settled(el)));
  // The group module loads on demand; wait until every member has joined.
  await waitUntil(() => [...wrapper.querySelectorAll<GroupMember>('test-group-member')].every((m) => m.joined), 'members joined');
  for (const el of wrapper.querySelectorAll<Explorer>('wir-action-field-explorer')) await el.updateComplete;
  return wrapper;
}

const explorers = (wrapper: HTMLElement) => [...wrapper.querySelectorAll<Explorer>('wir-action-field-explorer')];

// Each test has its own group name, so a widget one test leaves behind (an update pending when
// it was removed; core guards against that since 4aa9d0d) cannot carry a selection into the next.
describe('<wir-action-field-explorer> in a widget group', () => {
  const pushes = guardHistory(2);

  it('publishes the field the reader opens, with exactly one history entry, and the same group follows while others do not', async () => {
    const wrapper = await page(
      '',
      html`<wir-action-field-explorer id="a" group="one" src=${LINKED}></wir-action-field-explorer>
        <wir-action-field-explorer id="b" group="one" src=${LINKED}></wir-action-field-explorer>
        <wir-action-field-explorer id="c" group="side" src=${LINKED}></wir-action-field-explorer>
        <wir-action-field-explorer id="d" src=${LINKED}></wir-action-field-explorer>
        <test-group-member group="one" src=${LINKED}></test-group-member>`,
    );
    const [a, b, c, d] = explorers(wrapper);
    const member = wrapper.querySelector<GroupMember>('test-group-member')!;
    const followerEvents: WirFieldSelectEvent[] = [];
    b.addEventListener('wir-field-select', (e) => followerEvents.push(e));

    await click(a, '#card-bildung');
    await waitUntil(() => b.currentField === 'bildung', 'the same group follows');
    expect(member.chosen).to.deep.equal({ kind: 'field', id: 'bildung' });
    await urlSettles((h) => h.includes('wir-explorer.b=field:bildung'));
    expect(hash()).to.equal('#wir-explorer.a=field:bildung&wir-group.one=field:bildung&wir-explorer.b=field:bildung');
    expect(pushes.added).to.equal(1);
    expect([c.currentField, d.currentField]).to.deep.equal([undefined, undefined]);
    // Following is not the follower's reader acting: no event there.
    expect(followerEvents).to.deep.equal([]);

    // The follower publishes too: back to the overview in b takes a along.
    await click(b, '[part~="back-link"]');
    await waitUntil(() => a.currentField === undefined, 'a follows b back to the overview');
    await urlSettles((h) => h === '');
    expect(member.chosen).to.equal(undefined);
    expect(pushes.added).to.equal(2);

    // Another group on the same page moves on its own.
    await click(c, '#card-soziales');
    await urlSettles((h) => h.includes('wir-group.side=field:soziales'));
    expect([a.currentField, b.currentField, d.currentField]).to.deep.equal([undefined, undefined, undefined]);
    expect(pushes.added).to.equal(3);
  });

  it('restores a field selection from a deep link to the group', async () => {
    const wrapper = await page('#oben&wir-group.main=field:bildung', html`<wir-action-field-explorer group="main" src=${LINKED}></wir-action-field-explorer>`);
    const [el] = explorers(wrapper);
    await waitUntil(() => el.currentField === 'bildung', 'opens the field');
    await el.updateComplete;
    expect(view(el)).to.equal('field');
    expect(el.shadowRoot!.activeElement).to.equal(null);
    // Its own segment is brought in line in the same entry.
    await urlSettles((h) => h === '#oben&wir-group.main=field:bildung&wir-explorer=field:bildung');
    expect(pushes.added).to.equal(0);
  });

  it('tells the group about its own deep-linked guideline, without a new entry', async () => {
    const wrapper = await page(
      '#wir-explorer=guideline:leitlinie-1',
      html`<wir-action-field-explorer group="linked" src=${LINKED}></wir-action-field-explorer>
        <test-group-member group="linked" src=${LINKED}></test-group-member>`,
    );
    const member = wrapper.querySelector<GroupMember>('test-group-member')!;
    await waitUntil(() => member.chosen?.id === 'leitlinie-1', 'the group learns the guideline');
    expect(groupPart('linked')).to.equal('guideline:leitlinie-1');
    expect(pushes.added).to.equal(0);
  });

  it('goes back and forward through the group’s selections', async () => {
    const wrapper = await page(
      '',
      html`<wir-action-field-explorer id="a" group="steps" src=${LINKED}></wir-action-field-explorer>
        <wir-action-field-explorer id="b" group="steps" src=${LINKED}></wir-action-field-explorer>`,
    );
    const [a, b] = explorers(wrapper);
    const events: Array<[string | null, string]> = [];
    a.addEventListener('wir-field-select', (e) => events.push([e.detail.id, e.detail.cause]));
    await click(a, '#card-bildung');
    await urlSettles((h) => h.includes('wir-explorer.b=field:bildung'));
    await click(a, '.chip[href*="field:soziales"]');
    await urlSettles((h) => h.includes('wir-explorer.b=field:soziales'));
    expect(pushes.added).to.equal(2);

    await historyGo(-1, a);
    await b.updateComplete;
    expect([a.currentField, b.currentField]).to.deep.equal(['bildung', 'bildung']);
    await historyGo(-1, a);
    await b.updateComplete;
    expect([view(a), view(b)]).to.deep.equal(['overview', 'overview']);
    await historyGo(2, a);
    await b.updateComplete;
    expect([a.currentField, b.currentField]).to.deep.equal(['soziales', 'soziales']);
    expect(groupPart('steps')).to.equal('field:soziales');
    expect(events).to.deep.equal([
      ['bildung', 'user'],
      ['soziales', 'user'],
      ['bildung', 'history'],
      [null, 'history'],
      ['soziales', 'history'],
    ]);
    // Going back and forth added no entries of its own.
    expect(pushes.added).to.equal(2);
  });

  describe('the guideline filter', () => {
    it('follows a guideline chosen in another widget: the fields serving it, a notice, and a button to show all', async () => {
      const wrapper = await page(
        '',
        html`<wir-action-field-explorer group="chosen" src=${LINKED}></wir-action-field-explorer>
          <test-group-member group="chosen" src=${LINKED}></test-group-member>`,
      );
      const [el] = explorers(wrapper);
      const member = wrapper.querySelector<GroupMember>('test-group-member')!;
      expect(cards(el)).to.deep.equal(['bildung', 'soziales', 'demokratie', 'kultur', 'group-ag-jugend']);
      expect(notice(el)).to.equal(null);

      member.pick({ kind: 'guideline', id: 'leitlinie-2' });
      await el.updateComplete;
      expect(cards(el)).to.deep.equal(['bildung', 'soziales']);
      expect(text(notice(el)!.querySelector('span'))).to.equal('Handlungsfelder zur Leitlinie 2: Gleiche Rechte');
      await urlSettles((h) => h === '#wir-group.chosen=guideline:leitlinie-2&wir-explorer=guideline:leitlinie-2');
      expect(pushes.added).to.equal(1);

      // A search stays within those fields.
      await typeSearch(el, 'e');
      expect(new Set(shownMeasures(el).map((id) => id.split('-')[0]))).to.deep.equal(new Set(['bildung', 'soziales']));
      await typeSearch(el, '');

      const button = notice(el)!.querySelector('button')!;
      expect(text(button)).to.equal('Alle Handlungsfelder');
      button.click();
      await el.updateComplete;
      expect(notice(el)).to.equal(null);
      expect(cards(el)).to.have.length(5);
      expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
      await urlSettles((h) => h === '');
      expect(member.chosen).to.equal(undefined);
      expect(pushes.added).to.equal(2);
      await historyGo(-1, el);
      expect(cards(el)).to.deep.equal(['bildung', 'soziales']);
      expect(member.chosen).to.deep.equal({ kind: 'guideline', id: 'leitlinie-2' });
      await historyGo(1, el);
      expect(cards(el)).to.have.length(5);
    });

    it('opening a field from the filtered overview selects the field for the group', async () => {
      const wrapper = await page(
        '',
        html`<wir-action-field-explorer group="opened" src=${LINKED}></wir-action-field-explorer>
          <test-group-member group="opened" src=${LINKED}></test-group-member>`,
      );
      const [el] = explorers(wrapper);
      const member = wrapper.querySelector<GroupMember>('test-group-member')!;
      member.pick({ kind: 'guideline', id: 'leitlinie-1' });
      await el.updateComplete;
      await click(el, '#card-demokratie');
      await waitUntil(() => member.chosen?.kind === 'field', 'the group gets the field');
      expect(member.chosen).to.deep.equal({ kind: 'field', id: 'demokratie' });
      await urlSettles((h) => h === '#wir-group.opened=field:demokratie&wir-explorer=field:demokratie');
      expect(pushes.added).to.equal(2);
      await historyGo(-1, el);
      await waitUntil(() => notice(el) !== null, 'back to the guideline');
      expect(cards(el)).to.deep.equal(['bildung', 'demokratie']);
      await historyGo(1, el);
      expect(el.currentField).to.equal('demokratie');
    });

    it("comes from the explorer's own fragment, as the carousel links to it", async () => {
      const el = await mount(html`<wir-action-field-explorer src=${LINKED}></wir-action-field-explorer>`);
      // A link on the same page changes the fragment (without a history entry here: the runner's
      // page keeps at most 50 for every test file it runs).
      history.replaceState(null, '', `${location.pathname}${location.search}#wir-explorer=guideline:leitlinie-1`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await waitUntil(() => notice(el), 'follows the fragment');
      expect(text(notice(el)!.querySelector('span'))).to.equal('Handlungsfelder zur Leitlinie 1: Offene Stadt');
      expect(cards(el)).to.deep.equal(['bildung', 'demokratie']);
      // The field links lead to the field alone.
      expect($<HTMLAnchorElement>(el, '#card-bildung')!.href.split('#')[1]).to.equal('wir-explorer=field:bildung');
      expect(pushes.added).to.equal(0);

      for (const fragment of ['#wir-explorer=guideline:leitlinie-3', '#wir-explorer=guideline:gibt-es-nicht', '#wir-explorer=guideline:%3Cb%3E']) {
        fixtureCleanup();
        history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
        const other = await mount(html`<wir-action-field-explorer src=${LINKED}></wir-action-field-explorer>`);
        expect(notice(other), fragment).to.equal(null);
        expect(cards(other), fragment).to.have.length(5);
      }
      // A field wins over a guideline.
      fixtureCleanup();
      history.replaceState(null, '', `${location.pathname}${location.search}#wir-explorer=field:soziales;guideline:leitlinie-1`);
      const field = await mount(html`<wir-action-field-explorer src=${LINKED}></wir-action-field-explorer>`);
      expect(field.currentField).to.equal('soziales');
      expect(notice(field)).to.equal(null);
    });

    it('is shown in easy German when the reader chose it', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#wir-explorer=guideline:leitlinie-1`);
      const el = await mount(html`<wir-action-field-explorer lang="de" src=${LINKED}></wir-action-field-explorer>`);
      const toggle = part(el, 'easy-language')!;
      expect(toggle.closest('[part~="header"]')).to.exist;
      toggle.click();
      await el.updateComplete;
      try {
        const title = notice(el)!.querySelector('span span')!;
        expect([text(title), title.getAttribute('lang')]).to.deep.equal(['Die Stadt ist offen für alle', 'de-x-ls']);
        expect(text($(el, '#card-bildung')!.closest('li')!.querySelector('.summary'))).to.equal('In der Schule lernen alle Kinder gut.');
        // The search finds what is shown: the easy-German title, and standard German where a text has no easy variant.
        await typeSearch(el, 'zusammen sprechen');
        expect(shownMeasures(el)).to.deep.equal(['bildung-m3']);
        await typeSearch(el, 'Elternlots');
        expect(shownMeasures(el)).to.deep.equal(['bildung-m2']);
      } finally {
        part(el, 'easy-language')!.click();
        await el.updateComplete;
      }
      await typeSearch(el, 'zusammen sprechen');
      expect(shownMeasures(el)).to.deep.equal([]);
    });
  });

  it('ignores malformed and unknown group selections', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      for (const fragment of [
        '#wir-group.bad=field:<img src=x>',
        '#wir-group.bad=field:nicht-da',
        '#wir-group.bad=measure:bildung-m1',
        '#wir-group.bad=%E0%A4%A',
        '#wir-group.bad=guideline:leitlinie-3',
        '#wir-group.bad=field:bildung;field:soziales',
        '#wir-group.bad',
      ]) {
        const wrapper = await page(fragment, html`<wir-action-field-explorer group="bad" src=${LINKED}></wir-action-field-explorer>`);
        const [el] = explorers(wrapper);
        await aTimeout(20);
        await el.updateComplete;
        expect(view(el), fragment).to.equal('overview');
        expect(notice(el), fragment).to.equal(null);
        expect(cards(el), fragment).to.have.length(5);
      }
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('with a pinned field, neither follows nor publishes', async () => {
    const wrapper = await page(
      '#wir-group.pinned=field:soziales',
      html`<wir-action-field-explorer field="bildung" group="pinned" src=${LINKED}></wir-action-field-explorer>
        <test-group-member group="pinned" src=${LINKED}></test-group-member>`,
    );
    const [el] = explorers(wrapper);
    const member = wrapper.querySelector<GroupMember>('test-group-member')!;
    await aTimeout(50);
    expect(el.currentField).to.equal('bildung');
    member.pick({ kind: 'guideline', id: 'leitlinie-2' });
    await el.updateComplete;
    expect(el.currentField).to.equal('bildung');
    expect(notice(el)).to.equal(null);
    expect($$(el, '[part~="field-card"]')).to.have.length(0);
    expect(member.chosen).to.deep.equal({ kind: 'guideline', id: 'leitlinie-2' });
  });
});
