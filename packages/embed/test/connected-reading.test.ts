// Issue 7 across widgets, with the real widgets side by side: widget groups (a shared field or
// guideline selection, kept in the URL fragment), easy German for the whole page, and the
// freshness line with its offline badge and refresh in place.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { chooseEasyLanguage } from '@wir/core';
import { clearFeedCache } from '@wir/feed';
import '@wir/action-field-explorer/wir-action-field-explorer.js';
import '@wir/guideline-carousel/wir-guideline-carousel.js';
import '@wir/timeline/wir-timeline.js';
import '@wir/voting-box/wir-voting-box.js';
import { settled } from '../../core/test/support/widget-fixture.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const before: (body: () => void) => void;
declare const beforeEach: (body: () => void) => void;
declare const afterEach: (body: () => void) => void;

const GROUPS = '/__test/feed/groups.json';
const TODAY = '2026-11-25';

type Widget = HTMLElement & { updateComplete: Promise<unknown>; requestUpdate(): void };
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const entryIds = (timeline: Element) => $$(timeline, '[part~="entry"]').map((li) => li.id.replace(/^entry-/, ''));
const question = (box: Element) => $(box, '#question')?.textContent?.trim();
const hashPart = (group: string) => new RegExp(`(^#|&)wir-group\\.${group}=([^&]*)`).exec(location.hash)?.[2];
const resetUrl = () => history.replaceState(null, '', location.pathname + location.search);

async function page(hash: string, body: ReturnType<typeof html>): Promise<HTMLElement> {
  fixtureCleanup();
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const wrapper = await fixture<HTMLElement>(html`<div lang="de">${body}</div>`);
  const widgets = [...wrapper.querySelectorAll('*')].filter((el) => el.localName.startsWith('wir-'));
  await Promise.all(widgets.map((el) => settled(el as never)));
  return wrapper;
}

/** Waits until the history step has been followed (popstate is asynchronous). */
async function go(delta: number, done: () => boolean, what: string): Promise<void> {
  history.go(delta);
  await waitUntil(done, what, { timeout: 3000 });
}

describe('widget groups', () => {
  // Spare entries of this same page: a back step that overshoots stays on the test page.
  before(() => {
    for (let i = 0; i < 3; i++) history.pushState(null, '', location.href);
  });
  beforeEach(resetUrl);
  afterEach(resetUrl);

  it('follows a guideline chosen in the carousel, in its own group only, and records it in the URL', async () => {
    const wrapper = await page(
      '',
      html`<wir-guideline-carousel id="carousel" src=${GROUPS} group="main"></wir-guideline-carousel>
        <wir-timeline id="same" src=${GROUPS} group="main" today=${TODAY}></wir-timeline>
        <wir-timeline id="other" src=${GROUPS} group="side" today=${TODAY}></wir-timeline>
        <wir-timeline id="none" src=${GROUPS} today=${TODAY}></wir-timeline>`,
    );
    const [carousel, same, other, none] = ['carousel', 'same', 'other', 'none'].map((id) => wrapper.querySelector(`#${id}`)!);
    const all = entryIds(same);
    expect(all).to.include.members(['phase-1', 'kickoff', 'arbeit-messe']);
    await waitUntil(() => $(carousel, '[part~="measures-link"]'), 'the carousel offers the measures of guideline 1');
    const measures = $(carousel, '[data-active] [part~="measures-link"]')!;
    // A button as wide as its label, not a bar across the slide.
    expect(measures.getBoundingClientRect().width).to.be.below(measures.parentElement!.getBoundingClientRect().width - 20);
    const before = history.length;
    measures.click();
    await waitUntil(() => entryIds(same).length === 1, 'the same group follows');
    expect(entryIds(same)).to.deep.equal(['phase-1']);
    expect($(same, '[part~="selection-note"]')!.textContent).to.match(/Auswahl: Leitlinie\s+1/);
    expect(entryIds(other)).to.deep.equal(all);
    expect(entryIds(none)).to.deep.equal(all);
    expect($(other, '[part~="selection-note"]')).to.equal(null);
    expect(hashPart('main')).to.equal('guideline:leitlinie-1');
    expect(history.length).to.equal(before + 1);

    await go(-1, () => entryIds(same).length === all.length, 'back shows everything again');
    expect(hashPart('main')).to.equal(undefined);
    await go(1, () => entryIds(same).length === 1, 'forward restores the selection');
  });

  it('restores a field selection from a deep link in every widget of the group', async () => {
    const wrapper = await page(
      '#oben&wir-group.main=field:arbeit',
      html`<wir-guideline-carousel src=${GROUPS} group="main"></wir-guideline-carousel>
        <wir-timeline src=${GROUPS} group="main" today=${TODAY}></wir-timeline>
        <wir-voting-box src=${GROUPS} group="main" poll="title-vote"></wir-voting-box>`,
    );
    const [carousel, timeline, box] = [...wrapper.children] as Widget[];
    await waitUntil(() => entryIds(timeline).length === 1, 'the timeline follows the deep link');
    expect(entryIds(timeline)).to.deep.equal(['arbeit-messe']);
    await waitUntil(() => question(box) === 'Welche Jobmesse?', 'the voting box shows the field’s poll');
    expect($(box, '[part~="selection-note"]')!.textContent).to.match(/Handlungsfeld\s+Arbeit/);
    const served = $(carousel, '[part~="served"]')!;
    expect(served.textContent).to.match(/Arbeit/);
    expect([...served.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Leitlinie 2']);
    served.querySelector('button')!.click();
    await waitUntil(() => $(carousel, '[data-active]')?.id === 'slide-1', 'the button shows guideline 2');
    // The host page's own anchor survives.
    expect(location.hash.startsWith('#oben&')).to.equal(true);

    // Clearing in one widget clears the group: the voting box returns to its own poll.
    $(timeline, '[part~="selection-clear"]')!.click();
    await waitUntil(() => question(box) === 'Welcher Titel?', 'the voting box returns to its poll');
    expect(entryIds(timeline)).to.have.length(3);
    expect(location.hash).to.equal('#oben');
  });

  it('ignores malformed and unknown selections in the URL', async () => {
    for (const hash of ['#wir-group.main=field:<img src=x>', '#wir-group.main=field:nicht-da', '#wir-group.main=measure:bildung-m1', '#wir-group.main=%E0%A4%A']) {
      const wrapper = await page(hash, html`<wir-timeline src=${GROUPS} group="main" today=${TODAY}></wir-timeline>`);
      const timeline = wrapper.firstElementChild as Widget;
      await timeline.updateComplete;
      expect(entryIds(timeline), hash).to.have.length(3);
      expect($(timeline, '[part~="selection-note"]'), hash).to.equal(null);
    }
  });

  it('forgets a group whose last widget left, even with an update pending, so a later widget reads the URL', async () => {
    let wrapper = await page('', html`<wir-timeline src=${GROUPS} group="main" today=${TODAY}></wir-timeline>`);
    const leaving = wrapper.firstElementChild as Widget & { selection?: unknown };
    await waitUntil(() => leaving.selection, 'the group module loaded');
    leaving.requestUpdate();
    leaving.remove();
    await leaving.updateComplete;
    wrapper = await page('#wir-group.main=field:arbeit', html`<wir-timeline src=${GROUPS} group="main" today=${TODAY}></wir-timeline>`);
    const timeline = wrapper.firstElementChild!;
    await waitUntil(() => entryIds(timeline).length === 1, 'the new widget follows the address');
    expect(entryIds(timeline)).to.deep.equal(['arbeit-messe']);
  });

  it('lands on the explorer a guideline’s measures link points to, narrowed to the fields serving it', async () => {
    const wrapper = await page(
      '#wir-explorer=guideline:leitlinie-1',
      html`<div style="block-size: 3000px">Seitenanfang</div>
        <wir-action-field-explorer src=${GROUPS}></wir-action-field-explorer>`,
    );
    const explorer = wrapper.querySelector('wir-action-field-explorer')!;
    await waitUntil(() => $(explorer, '[part~="base"]'), 'the explorer rendered');
    await waitUntil(() => Math.abs(explorer.getBoundingClientRect().top) < 400, 'scrolled to the explorer');
    expect(root(explorer).textContent).to.match(/Handlungsfelder zur Leitlinie 1/);
    window.scrollTo(0, 0);
  });

  it('takes the reader from a guideline’s measures button to the explorer of the group, also a second time', async () => {
    const wrapper = await page(
      '',
      html`<wir-guideline-carousel src=${GROUPS} group="main"></wir-guideline-carousel>
        <div style="block-size: 3000px">Zwischenteil der Seite</div>
        <wir-action-field-explorer src=${GROUPS} group="main"></wir-action-field-explorer>`,
    );
    const carousel = wrapper.querySelector('wir-guideline-carousel')!;
    const explorer = wrapper.querySelector('wir-action-field-explorer')!;
    await waitUntil(() => $(carousel, '[data-active] [part~="measures-link"]'), 'the measures button');
    const inView = () => {
      const top = explorer.getBoundingClientRect().top;
      return top >= -1 && top < innerHeight / 2;
    };
    for (const time of ['first', 'second']) {
      window.scrollTo(0, 0);
      const button = $(carousel, '[data-active] [part~="measures-link"]')!;
      button.focus();
      button.click();
      await waitUntil(() => root(explorer).activeElement?.id === 'heading', `${time} time: focus moves to the explorer`, { timeout: 3000 });
      expect(inView(), `${time} time: the explorer is scrolled into view`).to.equal(true);
      expect(root(explorer).textContent).to.match(/Handlungsfelder zur Leitlinie 1/);
    }
    // Only the reader's button does this: a selection made elsewhere (Back, another widget) moves nobody.
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
    history.replaceState(null, '', '#wir-group.main=field:bildung');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitUntil(() => !/Leitlinie 1/.test(root(explorer).textContent ?? ''), 'the explorer follows the address');
    expect(root(explorer).activeElement).to.equal(null);
    expect(window.scrollY).to.equal(0);
  });

  it('links a guideline to the feed’s measures page when no group is there to follow', async () => {
    const wrapper = await page('', html`<wir-guideline-carousel src=${GROUPS}></wir-guideline-carousel>`);
    const link = $<HTMLAnchorElement>(wrapper.firstElementChild!, '[data-active] a[part~="measures-link"]')!;
    expect(link.href).to.equal('https://example.org/massnahmen#wir-explorer=guideline:leitlinie-1');
  });
});

describe('easy German (Leichte Sprache)', () => {
  afterEach(() => chooseEasyLanguage(false));

  it('is offered to German readers of widgets whose texts have it, switches every widget on the page, and marks each text with its language', async () => {
    const wrapper = await page(
      '',
      html`<wir-guideline-carousel src=${GROUPS}></wir-guideline-carousel>
        <wir-guideline-carousel src=${GROUPS} start="2"></wir-guideline-carousel>
        <wir-timeline src=${GROUPS} today=${TODAY}></wir-timeline>
        <wir-guideline-carousel src=${GROUPS} lang="en"></wir-guideline-carousel>`,
    );
    const [carousel, second, timeline, english] = [...wrapper.children] as Widget[];
    expect($(english, '[part~="easy-language"]')).to.equal(null);
    // The feed's timeline entries have no easy-German texts: a switch there would change nothing.
    expect($(timeline, '[part~="easy-language"]')).to.equal(null);
    const toggle = $(carousel, '[part~="easy-language"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Leichte Sprache');
    expect($(carousel, '#slide-0 .slide-title')!.textContent!.trim()).to.equal('Offene Stadt');

    toggle.click();
    await waitUntil(() => $(second, '[part~="easy-language"]')?.getAttribute('aria-pressed') === 'true', 'the other widget switches too');
    await carousel.updateComplete;
    const easyTitle = $(carousel, '#slide-0 .slide-title span')!;
    expect(easyTitle.textContent).to.equal('Die Stadt ist offen');
    expect(easyTitle.lang).to.equal('de-x-ls');
    // A text without an easy variant stays standard German, and says so.
    const plain = $(carousel, '#slide-1 .slide-title span')!;
    expect([plain.textContent, plain.lang]).to.deep.equal(['Gleiche Rechte', 'de']);
    expect($(carousel, '[part~="easy-language"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(sessionStorage.getItem(`wir-easy-language:${location.pathname}`)).to.equal('1');
    await expect(carousel).to.be.accessible();
    await expect(second).to.be.accessible();
  });
});

describe('freshness', () => {
  afterEach(() => clearFeedCache());

  it('shows the feed’s date, and an offline badge on a saved copy that refreshes in place when the network is back', async () => {
    const key = `fresh-${Date.now()}`;
    const src = `/__test/feed/switchable?key=${key}&feed=groups`;
    let wrapper = await page('', html`<wir-guideline-carousel src=${src}></wir-guideline-carousel>`);
    const freshness = (el: Element) => $(el, '[part~="freshness"]')!;
    expect(freshness(wrapper.firstElementChild!).textContent).to.match(/Stand: 1\. November 2026/);
    expect(freshness(wrapper.firstElementChild!).querySelector('.wir-stale')).to.equal(null);

    // A new page view while the network is cut: the saved copy, marked as such.
    await fetch(`/__test/feed/switch?key=${key}&mode=drop`);
    clearFeedCache();
    wrapper = await page('', html`<wir-guideline-carousel src=${src}></wir-guideline-carousel>`);
    const carousel = wrapper.firstElementChild as Widget;
    expect(freshness(carousel).querySelector('.wir-stale')!.textContent).to.match(/Offline: gespeicherte Fassung vom/);
    await expect(carousel).to.be.accessible();

    // The browser reports the network back, but the connection is still cut: the same saved copy,
    // so no new load event and the badge stays.
    let loads = 0;
    carousel.addEventListener('wir-feed-load', () => loads++);
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(loads).to.equal(0);
    expect(freshness(carousel).querySelector('.wir-stale')).to.not.equal(null);

    // The reader moved on meanwhile; the network returns.
    $(carousel, '[part~="next-button"]')!.click();
    await carousel.updateComplete;
    $(carousel, '#tab-1')!.focus();
    await fetch(`/__test/feed/switch?key=${key}&mode=ok`);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !freshness(carousel).querySelector('.wir-stale'), 'the badge goes once a fresh copy arrived');
    expect(loads).to.equal(1);
    expect($(carousel, '[data-active]')!.id).to.equal('slide-1');
    expect(root(carousel).activeElement?.id).to.equal('tab-1');
  });
});
