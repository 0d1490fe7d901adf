/**
 * <wir-voting-box> against a real vote server.
 *
 * scripts/test-vote-server.mjs starts `packages/vote-server` processes (embedded PGlite in a
 * temporary folder) with a generated feed; the routes under /__test/vote-server/ let these tests
 * stop, restart and reconfigure them and read their totals. Nothing in the widget is stubbed:
 * votes travel over HTTP, through CORS, into the database.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '@wir/feed';
import '../src/wir-voting-box.js';
import { WirVoteAcceptEvent, WirVoteRejectEvent, WirVoteSubmitEvent, WirVotingBox } from '../src/index.js';
import { flush, forgetUnstored, getRecord, stored, voterToken } from '../src/outbox.js';
import type { VoteRecord } from '../src/outbox.js';
import { apiBase } from '../src/vote-client.js';
import { solveChallenge } from '../src/pow.js';

// web-test-runner provides mocha's globals (module-scoped declarations, as in the other widgets).
interface Ctx {
  timeout(ms: number): void;
}
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: (this: Ctx) => Promise<void> | void) => void;
declare const before: (body: (this: Ctx) => Promise<void> | void) => void;
declare const after: (body: (this: Ctx) => Promise<void> | void) => void;
declare const beforeEach: (body: (this: Ctx) => Promise<void> | void) => void;
declare const afterEach: (body: (this: Ctx) => Promise<void> | void) => void;

type Box = WirVotingBox;
type Lang = 'de' | 'ar';

interface ServerInfo {
  api: string;
  feed: string;
  port: number;
  running: boolean;
}

interface ServerPollView {
  state: string;
  results: { counts: Record<string, number>; total: number } | null;
}

/** Calls a /__test/vote-server/ route for instance `name`. */
async function server<T = ServerInfo>(action: string, name: string, params: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`/__test/vote-server/${action}?${new URLSearchParams({ name, ...params })}`);
  const body = await response.json();
  if (!response.ok && action !== 'totals') throw new Error(`${action} ${name}: ${JSON.stringify(body)}`);
  return body as T;
}

const MAIN = 'voting-box-main';
const STRICT = 'voting-box-strict';
const POW = 'voting-box-pow';
let main: ServerInfo;

const totals = async (poll: string, name = MAIN) => (await server<ServerPollView>('totals', name, { poll })).results!;

const $ = <T extends Element = HTMLElement>(el: Box, selector: string) => el.shadowRoot!.querySelector(selector) as T | null;
const $$ = <T extends Element = HTMLElement>(el: Box, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const part = (el: Box, name: string) => $(el, `[part~="${name}"]`);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const input = (el: Box, value: string) => $<HTMLInputElement>(el, `input[value="${value}"]`)!;
const message = (el: Box) => part(el, 'message');

async function mount(poll: string | undefined, { lang = 'de' as Lang, src = main.feed, wait = 'base' } = {}): Promise<Box> {
  const el = await fixture<Box>(html`<wir-voting-box src=${src} poll=${poll ?? ''} lang=${lang}></wir-voting-box>`);
  if (poll === undefined) el.removeAttribute('poll');
  await waitUntil(() => el.shadowRoot?.querySelector(`[part~="${wait}"], [part~="error"]`), `voting box did not reach ${wait}`, { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/** Waits until the status request answered (results or the note about them shown). */
const resultsShown = (el: Box) => waitUntil(() => part(el, 'results'), 'no results shown', { timeout: 8000 });
const sent = (el: Box) => waitUntil(() => $(el, '[part~="message"][data-status="sent"]'), 'vote not acknowledged', { timeout: 10000 });

async function vote(el: Box, ...options: string[]): Promise<void> {
  for (const option of options) input(el, option).click();
  part(el, 'submit-button')!.click();
  await el.updateComplete;
}

const record = (poll: string): VoteRecord | undefined => getRecord(apiBase(main.api)!, poll);

/**
 * A full localStorage, for this page only: every write is refused with the QuotaExceededError a
 * full store raises; returns the undo. (Filling the real store would fill it for the other test
 * files running at the same origin, and their own writes would fail meanwhile.)
 */
function fillStorage(): () => void {
  const { setItem } = Storage.prototype;
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    Storage.prototype.setItem = setItem;
  };
}

/** Makes every use of localStorage throw, as a browser setting that blocks storage does; returns the undo. */
function blockStorage(): () => void {
  const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The access is denied for this document.', 'SecurityError');
    },
  });
  return () => (own ? Object.defineProperty(window, 'localStorage', own) : delete (window as { localStorage?: Storage }).localStorage);
}

const NOT_STORED = 'Ihre Stimme konnte in diesem Browser nicht gespeichert werden.';
const KEEP_OPEN = 'Sie wird nur gesendet, solange diese Seite geöffnet ist. Bitte schließen Sie die Seite erst, wenn hier steht, dass Ihre Stimme gezählt wurde.';

/** Holds a vote record's Web Lock as another tab sending it does; resolves, once held, with the release. */
async function holdLockAsOtherTab(id: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await new Promise<void>((locked) => {
    void navigator.locks.request(`wir-vote:${id}`, () => {
      locked();
      return held;
    });
  });
  return release;
}

/** Counts the POSTs the page sends (the real fetch still does the work). */
function countPosts(): { count: () => number; restore: () => void } {
  const real = globalThis.fetch;
  let posts = 0;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST') posts++;
    return real(input, init);
  };
  return { count: () => posts, restore: () => (globalThis.fetch = real) };
}

const live = (el: Box) => $(el, '[role="status"].visually-hidden');

/** The feed's closing time of a poll (ms). */
const closesAt = async (poll: string): Promise<number> =>
  Date.parse((await (await fetch(main.feed)).json()).polls.find((p: { id: string }) => p.id === poll).closes);

/** Moves this page's clock (Date.now) to `at` and on from there; returns the undo. */
function clockAt(at: number): () => void {
  const real = Date.now;
  const shift = at - real();
  Date.now = () => real() + shift;
  return () => (Date.now = real);
}

/** A pending record as another tab (or an earlier visit) would have written it. */
const pendingRecord = (poll: string, extra: Partial<VoteRecord> = {}): VoteRecord => ({
  api: apiBase(main.api)!,
  poll,
  voter: `Rv${crypto.randomUUID().replace(/-/g, '')}`,
  key: crypto.randomUUID(),
  options: ['a'],
  status: 'pending',
  tries: 0,
  next: 0,
  ...extra,
});

/** Writes a record as another tab does, and delivers the storage event that tab's write fires here. */
function writeFromOtherTab(value: VoteRecord): void {
  const key = `wir-vote:${value.api}|${value.poll}`;
  const newValue = JSON.stringify(value);
  localStorage.setItem(key, newValue);
  window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
}

describe('<wir-voting-box>', () => {
  before(async function () {
    // A new embedded database and a cold TypeScript start take a while on a busy machine.
    this.timeout(120_000);
    main = await server('start', MAIN);
  });

  after(async function () {
    this.timeout(30_000);
    await server('stop', MAIN, { signal: 'SIGTERM' });
  });

  beforeEach(() => {
    localStorage.clear();
    clearFeedCache();
  });

  afterEach(() => {
    localStorage.clear();
  });

  describe('definition and structure', () => {
    it('is defined and the class is importable without registering', () => {
      expect(customElements.get('wir-voting-box')).to.equal(WirVotingBox);
      expect(document.createElement('wir-voting-box')).to.be.instanceOf(WirVotingBox);
    });

    it('renders an open single-choice poll as a fieldset with the question as legend and a radio group', async () => {
      const el = await mount('single');
      const fieldset = $(el, 'fieldset')!;
      const legend = fieldset.querySelector('legend')!;
      expect(text(legend)).to.equal('Wie soll der neue Platz heißen?');
      expect(legend.querySelector('h2#question')).to.exist;
      expect(part(el, 'base')!.getAttribute('aria-labelledby')).to.equal('question');
      expect($$(el, 'input[type="radio"][name="choice"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['a', 'b', 'c']);
      expect(text(part(el, 'description'))).to.equal('Eine Antwort ist möglich.');
      expect(text(part(el, 'hint'))).to.equal('Wählen Sie eine Antwort.');
      expect(fieldset.getAttribute('aria-describedby')).to.equal('hint');
      expect(text(part(el, 'submit-button'))).to.equal('Abstimmen');
      expect(part(el, 'base')!.dataset.phase).to.equal('open');
    });

    it('formats the closing time with Intl for the element’s language', async () => {
      const closes = (await (await fetch(main.feed)).json()).polls.find((p: { id: string }) => p.id === 'single').closes;
      const format = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
      const de = new Intl.DateTimeFormat('de', format).format(new Date(closes));
      const el = await mount('single');
      expect(text(part(el, 'times'))).to.equal(`Abstimmen bis: ${de}`.replace(/\s+/g, ' '));
      el.setAttribute('lang', 'ar-EG');
      await waitUntil(() => text(part(el, 'times')).startsWith('التصويت متاح حتى'), 'Arabic times');
      const ar = new Intl.DateTimeFormat('ar-EG', format).format(new Date(closes));
      expect(text(part(el, 'times'))).to.contain(ar.replace(/\s+/g, ' '));
      expect(text(part(el, 'times'))).to.match(/[٠-٩]/);
    });

    it('re-renders all UI strings when the language changes', async () => {
      const el = await mount('multi');
      expect(text(part(el, 'hint'))).to.equal('Sie können bis zu 2 Antworten wählen.');
      el.lang = 'en';
      await waitUntil(() => text(part(el, 'submit-button')) === 'Vote', 'English');
      expect(text(part(el, 'hint'))).to.equal('You can choose up to 2 answers.');
      expect(text($(el, 'legend'))).to.equal('Which topics should the council discuss?');
      el.lang = 'tr';
      await waitUntil(() => text(part(el, 'submit-button')) === 'Oy ver', 'Turkish');
      el.lang = 'ru';
      await waitUntil(() => text(part(el, 'submit-button')) === 'Проголосовать', 'Russian');
      el.lang = 'uk';
      await waitUntil(() => text(part(el, 'submit-button')) === 'Проголосувати', 'Ukrainian');
      // No Turkish question in the feed: the German one, marked with its own language.
      expect($(el, 'legend span[lang="de"]')).to.exist;
    });
  });

  describe('voting', () => {
    it('submits a single choice, confirms it with focus on the message, and counts it once', async () => {
      const el = await mount('single');
      await resultsShown(el);
      const before = await totals('single');
      const submitted = oneEvent(el, 'wir-vote-submit') as Promise<WirVoteSubmitEvent>;
      const accepted = oneEvent(el, 'wir-vote-accept') as Promise<WirVoteAcceptEvent>;
      await vote(el, 'b');
      const submit = await submitted;
      expect(submit.detail).to.deep.equal({ poll: 'single', options: ['b'] });
      expect(submit.bubbles && submit.composed).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(message(el));
      expect((await accepted).detail).to.deep.equal({ poll: 'single', options: ['b'], replayed: false });
      await sent(el);
      expect(text(message(el))).to.contain('Vielen Dank! Ihre Stimme wurde gezählt.');
      expect(text(message(el))).to.contain('Ihre Wahl: Antwort B');
      expect(part(el, 'form')).to.equal(null);
      const after = await totals('single');
      expect(after.total).to.equal(before.total + 1);
      expect(after.counts.b).to.equal(before.counts.b + 1);
      // The results catch up with the vote (the server caches totals for a second).
      await waitUntil(() => text($(el, '[part~="result"][data-mine]')).includes(`Stimmen: ${after.counts.b}`), 'own vote in the results', { timeout: 6000 });
      expect(text($(el, '[part~="result"][data-mine]'))).to.contain('Antwort B (Ihre Wahl)');
      expect(text(part(el, 'total'))).to.equal(`Abgestimmt haben: ${after.total}`);
    });

    it('submits a multiple choice and shows after-vote results only after the vote counted', async () => {
      const el = await mount('multi');
      await waitUntil(() => part(el, 'results-note'), 'results note');
      expect(text(part(el, 'results-note'))).to.equal('Die Ergebnisse sehen Sie, sobald Ihre Stimme gezählt ist.');
      expect(part(el, 'results')).to.equal(null);
      expect($$(el, 'input[type="checkbox"]')).to.have.length(4);
      await vote(el, 'w', 'y');
      await sent(el);
      await resultsShown(el);
      const mine = $$(el, '[part~="result"][data-mine]').map((li) => text(li.querySelector('.result-label')));
      expect(mine).to.deep.equal(['Wohnen (Ihre Wahl)', 'Arbeit (Ihre Wahl)']);
      expect(text(part(el, 'total'))).to.contain('mehr als 100 %');
      expect(text($(el, '.results h3'))).to.equal('Zwischenstand');
    });

    it('lets no more than maxChoices be ticked and says why', async () => {
      const el = await mount('multi');
      input(el, 'w').click();
      input(el, 'x').click();
      input(el, 'y').click();
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input:checked').map((i) => i.value)).to.deep.equal(['w', 'x']);
      const note = part(el, 'note')!;
      expect(note.getAttribute('role')).to.equal('alert');
      expect(text(note)).to.equal('Sie können höchstens 2 Antworten wählen. Entfernen Sie zuerst ein Häkchen.');
      input(el, 'x').click();
      await el.updateComplete;
      expect(text(note)).to.equal('');
      input(el, 'y').click();
      expect($$<HTMLInputElement>(el, 'input:checked').map((i) => i.value)).to.deep.equal(['w', 'y']);
    });

    it('asks for a choice instead of sending an empty vote', async () => {
      const el = await mount('single');
      const events: Event[] = [];
      el.addEventListener('wir-vote-submit', (e) => events.push(e));
      part(el, 'submit-button')!.click();
      await el.updateComplete;
      expect(text(part(el, 'note'))).to.equal('Bitte wählen Sie eine Antwort aus.');
      expect(el.shadowRoot!.activeElement).to.equal(input(el, 'a'));
      expect(events).to.have.length(0);
      expect(record('single')).to.equal(undefined);
    });

    it('fires no event when properties are set from outside', async () => {
      const el = await mount('single');
      const events: Event[] = [];
      for (const type of ['wir-vote-submit', 'wir-vote-accept', 'wir-vote-reject']) el.addEventListener(type, (e) => events.push(e));
      el.poll = 'multi';
      await el.updateComplete;
      el.lang = 'en';
      el.headingLevel = 3;
      await el.updateComplete;
      await aTimeout(200);
      expect(events).to.have.length(0);
      expect($(el, 'legend h3')).to.exist;
    });
  });

  describe('keyboard', () => {
    for (const lang of ['de', 'ar'] as const) {
      it(`single choice: Tab into the group, arrow keys choose, Enter submits (${lang})`, async () => {
        const el = await mount('single', { lang });
        await resultsShown(el);
        const focusBefore = document.createElement('button');
        focusBefore.textContent = 'before';
        el.before(focusBefore);
        focusBefore.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(input(el, 'a'));
        await sendKeys({ press: 'ArrowDown' });
        expect(input(el, 'b').checked).to.equal(true);
        expect(el.shadowRoot!.activeElement).to.equal(input(el, 'b'));
        // The radio group mirrors under RTL: the inline-end arrow goes to the next answer.
        await sendKeys({ press: lang === 'ar' ? 'ArrowLeft' : 'ArrowRight' });
        expect(input(el, 'c').checked).to.equal(true);
        const submitted = oneEvent(el, 'wir-vote-submit') as Promise<WirVoteSubmitEvent>;
        await sendKeys({ press: 'Enter' });
        expect((await submitted).detail.options).to.deep.equal(['c']);
        await sent(el);
        focusBefore.remove();
      });
    }

    it('multiple choice: Space ticks, the limit holds, Tab reaches the button and Enter submits', async () => {
      const el = await mount('multi');
      input(el, 'w').focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input:checked').map((i) => i.value)).to.deep.equal(['w', 'x']);
      expect(text(part(el, 'note'))).to.contain('höchstens 2');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'submit-button'));
      const submitted = oneEvent(el, 'wir-vote-submit') as Promise<WirVoteSubmitEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await submitted).detail.options).to.deep.equal(['w', 'x']);
      await sent(el);
    });
  });

  describe('results rules and poll states', () => {
    it('after-close while open: no results, says when they come, also after voting', async () => {
      const el = await mount('hidden');
      await waitUntil(() => part(el, 'results-note'), 'note');
      expect(text(part(el, 'results-note'))).to.equal('Die Ergebnisse werden nach dem Ende der Abstimmung veröffentlicht.');
      await vote(el, 'a');
      await sent(el);
      await aTimeout(300);
      expect(part(el, 'results')).to.equal(null);
      expect(text(part(el, 'results-note'))).to.contain('nach dem Ende');
    });

    it('closed: no form, says it is over, shows the final result', async () => {
      const el = await mount('past');
      expect(part(el, 'form')).to.equal(null);
      expect(part(el, 'base')!.dataset.phase).to.equal('closed');
      expect(text(part(el, 'times'))).to.match(/^Die Abstimmung ist beendet \(seit .+\)\.$/);
      await resultsShown(el);
      expect(text($(el, '.results h3'))).to.equal('Ergebnis');
      expect(text(part(el, 'total'))).to.equal('Abgestimmt haben: 0');
      expect(part(el, 'refresh-button')).to.equal(null);
    });

    it('server out of reach at closing time: past the closing time the poll is closed by the feed’s times, and that is announced', async function () {
      this.timeout(30_000);
      const el = await mount('queue');
      await resultsShown(el);
      expect(part(el, 'base')!.dataset.phase).to.equal('open');
      const closes = await closesAt('queue');
      await server('stop', MAIN, { signal: 'SIGKILL' });
      // The last answer said "open"; it came before the closing time, which has now passed.
      const restore = clockAt(closes + 5000);
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(part(el, 'base')!.dataset.phase).to.equal('closed');
        expect(!part(el, 'form'), 'no form for votes the server would refuse').to.equal(true);
        expect(text(part(el, 'times'))).to.contain('Die Abstimmung ist beendet');
        // The focus was not in the form: the live region says it.
        expect(text(live(el))).to.contain('Die Abstimmung ist beendet');
      } finally {
        restore();
        await server('start', MAIN);
      }
    });

    it('closing by the clock while the reader is in the form: the focus moves to the line saying it is over', async () => {
      const el = await mount('queue');
      await resultsShown(el);
      input(el, 'a').focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(el.shadowRoot!.activeElement === input(el, 'b')).to.equal(true);
      const restore = clockAt((await closesAt('queue')) + 1000);
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(!part(el, 'form'), 'the form is gone').to.equal(true);
        const times = part(el, 'times')!;
        // Booleans, not elements: a failing comparison of elements makes the runner's report hang.
        expect(el.shadowRoot!.activeElement === times, 'focus on the times line, not the page').to.equal(true);
        expect(text(times)).to.contain('Die Abstimmung ist beendet');
        await expect(el).to.be.accessible();
      } finally {
        restore();
      }
    });

    it('not yet open: no form, the opening time, the answers as a preview, results when always public', async () => {
      const el = await mount('future');
      expect(part(el, 'form')).to.equal(null);
      expect(part(el, 'base')!.dataset.phase).to.equal('not-open');
      expect(text(part(el, 'times'))).to.match(/^Die Abstimmung beginnt am .+\.$/);
      expect($$(el, '.preview li').map(text)).to.deep.equal(['Antwort A', 'Antwort B']);
      await resultsShown(el);
      expect($$(el, '[part~="result"]').map((li) => text(li.querySelector('.figures')))).to.deep.equal(['Stimmen: 0 (0 %)', 'Stimmen: 0 (0 %)']);
    });

    it('shows percentages as text and marks the reader’s choice in words, not colour alone', async () => {
      const el = await mount('single');
      await resultsShown(el);
      await vote(el, 'a');
      await sent(el);
      const after = await totals('single');
      await waitUntil(() => text(part(el, 'total')) === `Abgestimmt haben: ${after.total}`, 'total caught up', { timeout: 6000 });
      const row = $(el, '[part~="result"][data-mine]')!;
      const pct = new Intl.NumberFormat('de', { style: 'percent', maximumFractionDigits: 1 }).format(after.counts.a / after.total);
      expect(text(row.querySelector('.figures'))).to.equal(`Stimmen: ${after.counts.a} (${pct})`.replace(/\s+/g, ' '));
      expect(text(row)).to.contain('(Ihre Wahl)');
      expect(row.querySelector('[part~="bar"]')!.getAttribute('aria-hidden')).to.equal('true');
      // The bar width comes from a custom property set through CSSOM, never a style attribute.
      const fill = row.querySelector<HTMLElement>('.fill')!;
      expect(fill.hasAttribute('style') && fill.getAttribute('style')!.includes('width')).to.equal(false);
      expect(fill.style.getPropertyValue('--_share')).to.match(/%$/);
    });

    it('breaks long words in answers and results at 320 px instead of making the page scroll sideways', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px"><wir-voting-box src=${main.feed} poll="queue" lang="de"></wir-voting-box></div>`);
      const el = wrapper.querySelector('wir-voting-box')!;
      await waitUntil(() => part(el, 'form'), 'form', { timeout: 8000 });
      await resultsShown(el);
      const long = ' Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen';
      // Added beside Lit's own text, so its later renders are undisturbed.
      for (const span of $$(el, '.option > span, .result-label')) span.append(long);
      const right = wrapper.getBoundingClientRect().right;
      for (const node of $$(el, '.option, .result-label')) expect(node.getBoundingClientRect().right).to.be.at.most(right + 0.5);
      expect(part(el, 'base')!.scrollWidth).to.be.at.most(part(el, 'base')!.clientWidth);
    });

    it('keeps bars apart from their track in forced colours: an empty, bordered track', async () => {
      // web-test-runner cannot emulate forced colours, so this checks the rules that apply then.
      const el = await mount('single');
      const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const forced = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'));
      const css = forced.flatMap((rule) => [...rule.cssRules]).map((r) => r.cssText).join('\n');
      expect(css).to.match(/\.bar \{[^}]*background: canvas/i);
      expect(css).to.match(/\.bar \{[^}]*border: 1px solid/);
      expect(css).to.match(/\.fill \{[^}]*background: canvastext/i);
    });

    it('lets the page style the phase, the vote message and the reader’s own answer through parts', async () => {
      const style = document.createElement('style');
      style.textContent =
        'wir-voting-box::part(base phase-open) { outline: 3px solid rgb(1, 2, 3); }' +
        'wir-voting-box::part(message message-sent) { outline: 3px solid rgb(4, 5, 6); }' +
        'wir-voting-box::part(result result-mine) { outline: 3px solid rgb(7, 8, 9); }';
      document.head.append(style);
      try {
        const el = await mount('single');
        expect(getComputedStyle(part(el, 'base')!).outlineColor).to.equal('rgb(1, 2, 3)');
        await vote(el, 'a');
        await sent(el);
        expect(getComputedStyle(part(el, 'message')!).outlineColor).to.equal('rgb(4, 5, 6)');
        await resultsShown(el);
        const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="result"]')];
        expect(rows.map((row) => getComputedStyle(row).outlineColor === 'rgb(7, 8, 9)')).to.deep.equal(rows.map((row) => row.hasAttribute('data-mine')));
        expect(rows.filter((row) => row.hasAttribute('data-mine'))).to.have.length(1);
      } finally {
        style.remove();
      }
    });

    it('updates live results on request and announces them politely, without moving focus', async () => {
      const el = await mount('single');
      await resultsShown(el);
      await vote(el, 'c');
      await sent(el);
      // Another voter (a direct request with its own token) votes meanwhile.
      const other = await fetch(`${main.api}/polls/single/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ options: ['c'], voter: 'Zz0123456789abcdefghijAB' + String(Date.now()), idempotencyKey: crypto.randomUUID() }),
      });
      expect(other.status).to.equal(201);
      const expected = await totals('single');
      await aTimeout(1100); // the server's one-second totals cache
      const button = part(el, 'refresh-button') as HTMLButtonElement;
      button.focus();
      button.click();
      await waitUntil(() => text(part(el, 'total')) === `Abgestimmt haben: ${expected.total}`, 'refreshed total', { timeout: 5000 });
      const live = $(el, '[role="status"].visually-hidden')!;
      await waitUntil(() => text(live).startsWith('Ergebnisse aktualisiert.'), 'announcement');
      expect(text(live)).to.contain(String(expected.total));
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('says so when results asked for cannot be loaded, instead of announcing the old ones as updated', async () => {
      const el = await mount('single');
      await resultsShown(el);
      const real = globalThis.fetch;
      // The vote server stops answering (only this page's GETs fail; the server stays up for the other tests).
      globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        init?.method === 'GET' ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init);
      try {
        (part(el, 'refresh-button') as HTMLButtonElement).click();
        const live = $(el, '[role="status"].visually-hidden')!;
        await waitUntil(() => text(live) !== '', 'announcement');
        expect(text(live)).to.equal('Die Ergebnisse können gerade nicht geladen werden.');
      } finally {
        globalThis.fetch = real;
      }
    });

    it('asks nothing while the page is hidden, and asks at once when it is shown again', async () => {
      const el = await mount('single');
      await resultsShown(el);
      const real = globalThis.fetch;
      let gets = 0;
      globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if ((init?.method ?? 'GET') === 'GET' && String(input instanceof Request ? input.url : input).includes('/polls/single')) gets++;
        return real(input, init);
      };
      const setHidden = (hidden: boolean) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      try {
        setHidden(true);
        // A request falls due (the timer, or here the button, both go through the same refresh).
        (part(el, 'refresh-button') as HTMLButtonElement).click();
        await aTimeout(300);
        expect(gets, 'requests while hidden').to.equal(0);
        setHidden(false);
        await waitUntil(() => gets === 1, 'the request that fell due while hidden', { timeout: 3000 });
        await aTimeout(300);
        expect(gets).to.equal(1);
      } finally {
        delete (document as { hidden?: boolean }).hidden;
        globalThis.fetch = real;
      }
    });

    it('polls for results by itself while open (server refreshAfter), never taking the focus', async function () {
      this.timeout(30_000);
      const el = await mount('single');
      await resultsShown(el);
      const outside = document.createElement('input');
      document.body.append(outside);
      outside.focus();
      const before = await totals('single');
      const other = await fetch(`${main.api}/polls/single/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ options: ['a'], voter: 'Yy0123456789abcdefghijAB' + String(Date.now()), idempotencyKey: crypto.randomUUID() }),
      });
      expect(other.status).to.equal(201);
      await waitUntil(() => text(part(el, 'total')) === `Abgestimmt haben: ${before.total + 1}`, 'automatic update', { timeout: 15_000, interval: 250 });
      expect(document.activeElement).to.equal(outside);
      // Automatic updates stay silent: the live region speaks only on request or for the vote.
      expect(text($(el, '[role="status"].visually-hidden'))).to.equal('');
      outside.remove();
    });
  });

  describe('removal', () => {
    it('stops asking for results once removed, also when removed while a request is under way', async function () {
      this.timeout(30_000);
      const real = globalThis.fetch;
      const url = `${apiBase(main.api)}/polls/single`;
      let gets = 0;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input) !== url) return real(input, init);
        gets++;
        const response = await real(input, init);
        await held;
        // The shortest wait the widget accepts, so a leftover timer would show within seconds.
        const body = { ...(await response.json()), refreshAfter: 0 };
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      };
      try {
        const el = await mount('single');
        await waitUntil(() => gets > 0, 'no status request', { timeout: 8000 });
        el.remove();
        const atRemoval = gets;
        release();
        await new Promise((resolve) => setTimeout(resolve, 7000));
        expect(gets).to.equal(atRemoval);
      } finally {
        globalThis.fetch = real;
      }
    });
  });

  describe('remembered in this browser', () => {
    it('shows "already voted" after a reload (a new element) without sending again', async () => {
      const first = await mount('single');
      await vote(first, 'a');
      await sent(first);
      const total = (await totals('single')).total;
      first.remove();
      const posts = countPosts();
      try {
        clearFeedCache();
        const second = await mount('single');
        expect(part(second, 'form')).to.equal(null);
        expect(text(message(second))).to.contain('Ihre Stimme wurde gezählt.');
        await resultsShown(second);
        expect(text($(second, '[part~="result"][data-mine]'))).to.contain('Antwort A');
        await aTimeout(300);
        expect(posts.count()).to.equal(0);
      } finally {
        posts.restore();
      }
      expect((await totals('single')).total).to.equal(total);
    });

    it('replays a vote whose answer was lost with the same key: 200, not a second vote', async () => {
      const first = await mount('replay');
      await vote(first, 'b');
      await sent(first);
      const base = apiBase(main.api)!;
      const counted = getRecord(base, 'replay')!;
      const before = await totals('replay');
      first.remove();
      // As if the tab had closed after sending, before the answer arrived.
      localStorage.setItem(`wir-vote:${base}|replay`, JSON.stringify({ ...counted, status: 'pending', reason: undefined, next: 0 }));
      clearFeedCache();
      const second = await mount('replay');
      await sent(second);
      expect(getRecord(base, 'replay')).to.include({ status: 'sent', reason: 'replayed', key: counted.key });
      expect(await totals('replay')).to.deep.equal(before);
    });

    it('sends a queued vote once even when two boxes and two flushes race for it', async () => {
      const base = apiBase(main.api)!;
      const before = await totals('replay');
      const pending = { api: base, poll: 'replay', voter: 'Qq0123456789abcdefghijAB' + String(Date.now()), key: crypto.randomUUID(), options: ['a'], status: 'pending', tries: 0, next: 0 };
      localStorage.setItem(`wir-vote:${base}|replay`, JSON.stringify(pending));
      const posts = countPosts();
      try {
        flush(true);
        flush(true);
        const el = await fixture<Box>(html`<div>
          <wir-voting-box src=${main.feed} poll="replay"></wir-voting-box><wir-voting-box src=${main.feed} poll="replay"></wir-voting-box>
        </div>`);
        const boxes = [...el.querySelectorAll('wir-voting-box')];
        for (const box of boxes) await sent(box);
        expect(posts.count()).to.equal(1);
      } finally {
        posts.restore();
      }
      const after = await totals('replay');
      expect(after.total).to.equal(before.total + 1);
    });
  });

  describe('several tabs', () => {
    it('sends a vote another tab left behind: once that tab’s lock is gone, or when its retry is due', async function () {
      this.timeout(40_000);
      const el = await mount('replay');
      const before = await totals('replay');
      const left = pendingRecord('replay');
      const id = `${left.api}|replay`;
      // Tab A sends its vote (holding the lock), then is closed or crashes before the answer.
      const release = await holdLockAsOtherTab(id);
      const posts = countPosts();
      try {
        writeFromOtherTab(left);
        await aTimeout(300);
        expect(posts.count(), 'nothing while tab A holds the lock').to.equal(0);
        expect(message(el)!.dataset.status).to.equal('pending');
        release();
        await sent(el);
        expect(posts.count()).to.equal(1);
        expect(getRecord(left.api, 'replay')).to.include({ status: 'sent', key: left.key });

        // Tab A's try failed and it planned the next one, then it was closed: this tab sends it then.
        const second = await mount('queue');
        const waiting = pendingRecord('queue', { tries: 1, reason: 'network', next: Date.now() + 1500 });
        writeFromOtherTab(waiting);
        await sent(second);
        expect(getRecord(left.api, 'queue')).to.include({ status: 'sent', key: waiting.key });
        expect(posts.count()).to.equal(2);
      } finally {
        posts.restore();
        release();
      }
      expect((await totals('replay')).total).to.equal(before.total + 1);
    });

    it('two tabs voting at the same moment: the vote queued first stays, the later one is refused as already voted', async () => {
      const el = await mount('replay');
      // Tab A queued its vote a moment ago; its storage event has not reached this tab yet.
      const theirs = pendingRecord('replay', { options: ['b'], next: Date.now() + 600_000 });
      localStorage.setItem(`wir-vote:${theirs.api}|replay`, JSON.stringify(theirs));
      const submitted = oneEvent(el, 'wir-vote-submit');
      const rejected = oneEvent(el, 'wir-vote-reject') as Promise<WirVoteRejectEvent>;
      await vote(el, 'a');
      await submitted;
      expect((await Promise.race([rejected, aTimeout(1000)]))?.detail).to.deep.equal({ poll: 'replay', reason: 'already-voted' });
      expect(getRecord(theirs.api, 'replay')).to.deep.equal(theirs);
      expect(text(message(el))).to.contain('Ihre Wahl: Antwort B');
      expect(el.shadowRoot!.activeElement === message(el), 'focus on the message').to.equal(true);
    });

    it('waits while another tab holds the record’s Web Lock, then does not send what that tab sent', async () => {
      const base = apiBase(main.api)!;
      const id = `${base}|replay`;
      const pending = { api: base, poll: 'replay', voter: 'Tt0123456789abcdefghijAB' + String(Date.now()), key: crypto.randomUUID(), options: ['a'], status: 'pending', tries: 0, next: 0 };
      localStorage.setItem(`wir-vote:${id}`, JSON.stringify(pending));
      // "Another tab" is sending this record right now.
      const release = await holdLockAsOtherTab(id);
      const posts = countPosts();
      try {
        flush(true);
        await aTimeout(300);
        expect(posts.count(), 'no request while the other tab holds the lock').to.equal(0);
        // The other tab got its 201 and wrote the record, then let go of the lock.
        localStorage.setItem(`wir-vote:${id}`, JSON.stringify({ ...pending, status: 'sent' }));
        release();
        await aTimeout(300);
        expect(posts.count(), 'nothing left to send').to.equal(0);
      } finally {
        posts.restore();
      }
      expect(getRecord(base, 'replay')!.status).to.equal('sent');
    });
  });

  describe('never lose a vote', () => {
    it('"Jetzt senden" by keyboard: once the vote is counted, the focus is on the message, not the page', async () => {
      const waiting = pendingRecord('replay', { tries: 3, reason: 'network', next: Date.now() + 600_000 });
      localStorage.setItem(`wir-vote:${waiting.api}|replay`, JSON.stringify(waiting));
      const el = await mount('replay');
      part(el, 'send-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await sent(el);
      expect(!part(el, 'send-button')).to.equal(true);
      expect(el.shadowRoot!.activeElement === message(el), 'focus on the message, not the page').to.equal(true);
    });

    it('keeps a vote while the server is down, says so, and delivers it exactly once when it is back', async function () {
      this.timeout(90_000);
      const el = await mount('queue');
      await resultsShown(el);
      const before = await totals('queue');
      await server('stop', MAIN, { signal: 'SIGKILL' });
      try {
        const posts = countPosts();
        await vote(el, 'c');
        await waitUntil(() => text(message(el)).includes('nicht erreichbar'), 'offline message', { timeout: 8000 });
        posts.restore();
        expect(posts.count()).to.be.at.least(1);
        const m = message(el)!;
        expect(m.dataset.status).to.equal('pending');
        expect(text(m)).to.contain('Ihre Stimme ist in diesem Browser gespeichert.');
        expect(text(m)).to.contain('Ihre Wahl: Antwort C');
        expect(part(el, 'send-button')).to.exist;
        const queued = getRecord(apiBase(main.api)!, 'queue')!;
        expect(queued).to.include({ status: 'pending', reason: 'network' });
        expect(queued.key).to.match(/^[0-9a-f-]{36}$/);
        expect(queued.voter).to.match(/^[\w-]{22}$/);
        // The kept state is accessible in both directions.
        await expect(el).to.be.accessible();
        el.lang = 'ar';
        await waitUntil(() => text(message(el)).includes('محفوظ'), 'Arabic kept message');
        await expect(el).to.be.accessible();
        el.lang = 'de';
        // A reload while offline: the vote is still there, shown the same way.
        el.remove();
        clearFeedCache();
        const again = await mount('queue');
        await waitUntil(() => text(message(again)).includes('gespeichert'), 'kept after reload', { timeout: 8000 });
        const accepted = oneEvent(again, 'wir-vote-accept');
        await server('start', MAIN);
        const noAccept = await Promise.race([accepted.then(() => 'fired'), aTimeout(50).then(() => 'none')]);
        // Events belong to the element that submitted; this one only shows the delivery.
        expect(noAccept).to.equal('none');
        window.dispatchEvent(new Event('online'));
        await sent(again);
        expect(text(message(again))).to.contain('Vielen Dank! Ihre Stimme wurde gezählt.');
        // Delivered after the wait, it is announced in the live region (the focus stays put).
        expect(text($(again, '[role="status"].visually-hidden'))).to.contain('Ihre Stimme wurde gezählt.');
        const after = await totals('queue');
        expect(after.total).to.equal(before.total + 1);
        expect(after.counts.c).to.equal(before.counts.c + 1);
        // One more reload and one more nudge: still exactly once.
        again.remove();
        clearFeedCache();
        const third = await mount('queue');
        window.dispatchEvent(new Event('online'));
        await aTimeout(500);
        expect(text(message(third))).to.contain('gezählt');
        expect(await totals('queue')).to.deep.equal(after);
      } finally {
        await server('start', MAIN);
      }
    });

    it('a retry after a server crash mid-way is not counted twice (SIGKILL, restart, same key)', async function () {
      this.timeout(60_000);
      const el = await mount('queue');
      await resultsShown(el);
      await vote(el, 'a');
      await sent(el);
      const after = await totals('queue');
      await server('restart', MAIN);
      const base = apiBase(main.api)!;
      const counted = getRecord(base, 'queue')!;
      localStorage.setItem(`wir-vote:${base}|queue`, JSON.stringify({ ...counted, status: 'pending', reason: 'network', next: 0 }));
      el.remove();
      clearFeedCache();
      const again = await mount('queue');
      await sent(again);
      expect(getRecord(base, 'queue')!.reason).to.equal('replayed');
      expect(await totals('queue')).to.deep.equal(after);
    });
  });

  describe('storage full, blocked or broken: sent from memory, and the reader is told', () => {
    afterEach(() => forgetUnstored());

    it('full storage (writes refused with QuotaExceededError): sends at once, says so politely, confirms, counts once', async function () {
      this.timeout(30_000);
      const el = await mount('single');
      await resultsShown(el);
      const before = await totals('single');
      const base = apiBase(main.api)!;
      // The answer waits until the "sending" state has been checked, so nothing races it.
      const real = globalThis.fetch;
      let posts = 0;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.method !== 'POST') return real(input, init);
        posts++;
        const response = await real(input, init);
        await held;
        return response;
      };
      const unfill = fillStorage();
      try {
        const accepted = oneEvent(el, 'wir-vote-accept') as Promise<WirVoteAcceptEvent>;
        await vote(el, 'b');
        const m = message(el)!;
        expect(m.dataset.status).to.equal('pending');
        expect(el.shadowRoot!.activeElement).to.equal(m);
        expect(text(m.querySelector('.message-title'))).to.equal(NOT_STORED);
        expect(text(m)).to.contain(KEEP_OPEN);
        expect(text(m)).to.contain('Ihre Stimme wird gesendet …');
        expect(text(m)).to.contain('Ihre Wahl: Antwort B');
        await waitUntil(() => posts === 1, 'sent at once');
        // The vote lives in this page only, with its key and this page's voter token.
        expect(localStorage.getItem(`wir-vote:${base}|single`)).to.equal(null);
        expect(stored(base, 'single')).to.equal(false);
        expect(getRecord(base, 'single')).to.include({ status: 'pending' });
        expect(getRecord(base, 'single')!.key).to.match(/^[0-9a-f-]{36}$/);
        await expect(el).to.be.accessible();
        release();
        expect((await accepted).detail).to.deep.equal({ poll: 'single', options: ['b'], replayed: false });
        await sent(el);
        expect(text(message(el))).to.contain('Vielen Dank! Ihre Stimme wurde gezählt.');
        expect(text(message(el))).not.to.contain('nicht gespeichert');
        await expect(el).to.be.accessible();
      } finally {
        unfill();
        release();
        globalThis.fetch = real;
      }
      expect(posts).to.equal(1);
      const after = await totals('single');
      expect(after.total).to.equal(before.total + 1);
      expect(after.counts.b).to.equal(before.counts.b + 1);
    });

    it('storage that throws on every read: the widget renders, and a vote is still sent and confirmed', async () => {
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = () => {
        throw new DOMException('The file is corrupted.', 'UnknownError');
      };
      try {
        const el = await mount('single');
        expect(part(el, 'error')).to.equal(null);
        expect(part(el, 'form')).to.exist;
        await resultsShown(el);
        await vote(el, 'c');
        // Written but not readable back: kept in memory, and said so.
        expect(text(message(el))).to.contain(NOT_STORED);
        await sent(el);
        expect(text(message(el))).to.contain('Vielen Dank! Ihre Stimme wurde gezählt.');
      } finally {
        Storage.prototype.getItem = getItem;
      }
    });

    it('blocked storage and the server down: the vote waits in memory, the automatic retry delivers it once with the same key', async function () {
      this.timeout(90_000);
      const unblock = blockStorage();
      try {
        const el = await mount('queue');
        await resultsShown(el);
        const before = await totals('queue');
        await server('stop', MAIN, { signal: 'SIGKILL' });
        const base = apiBase(main.api)!;
        await vote(el, 'a');
        await waitUntil(() => text(message(el)).includes('nicht erreichbar'), 'offline message', { timeout: 8000 });
        const m = message(el)!;
        expect(text(m.querySelector('.message-title'))).to.equal(NOT_STORED);
        expect(text(m)).to.contain(KEEP_OPEN);
        // Nothing that promises a later visit: this page is the only copy.
        expect(text(m)).not.to.contain('Ihre Stimme ist in diesem Browser gespeichert.');
        expect(text(m)).not.to.contain('erneut öffnen');
        expect(part(el, 'send-button')).to.exist;
        const queued = getRecord(base, 'queue')!;
        expect(queued).to.include({ status: 'pending', reason: 'network' });
        await expect(el).to.be.accessible();
        el.lang = 'ar';
        await waitUntil(() => part(el, 'base')?.getAttribute('dir') === 'rtl', 'Arabic');
        await expect(el).to.be.accessible();
        el.lang = 'de';
        await server('start', MAIN);
        // No online event, no button: the backoff timer of the in-memory queue sends it.
        await waitUntil(() => $(el, '[part~="message"][data-status="sent"]'), 'delivered by the retry', { timeout: 70_000, interval: 200 });
        expect(getRecord(base, 'queue')).to.include({ status: 'sent', key: queued.key, voter: queued.voter });
        expect(getRecord(base, 'queue')!.tries).to.be.at.least(1);
        const after = await totals('queue');
        expect(after.total).to.equal(before.total + 1);
        expect(after.counts.a).to.equal(before.counts.a + 1);
      } finally {
        unblock();
        await server('start', MAIN);
      }
    });
  });

  describe('rejections (the real server refuses)', () => {
    const cases = [
      { variant: 'closed', choose: ['a'], reason: 'poll-closed', text: 'Die Abstimmung ist bereits beendet.', formAgain: false },
      { variant: 'not-open', choose: ['a'], reason: 'poll-not-open', text: 'Die Abstimmung hat noch nicht begonnen.', formAgain: false },
      { variant: 'fewer', choose: ['a', 'b'], reason: 'too-many-options', text: 'Es waren mehr Antworten gewählt als erlaubt.', formAgain: true },
      { variant: 'no-d', choose: ['d'], reason: 'unknown-option', text: 'Eine gewählte Antwort gibt es bei dieser Abstimmung nicht.', formAgain: true },
      { variant: 'gone', choose: ['a'], reason: 'unknown-poll', text: 'Der Abstimmungsserver kennt diese Abstimmung nicht.', formAgain: false },
    ];

    afterEach(async () => {
      await server('variant', MAIN, { variant: 'base' });
    });

    for (const c of cases) {
      it(`${c.reason}: says why in the reader's language and keeps the focus on the message`, async function () {
        this.timeout(20_000);
        await server('variant', MAIN, { variant: 'base' });
        const el = await mount('switch');
        await resultsShown(el);
        // The city changes the poll while the reader is choosing.
        await server('variant', MAIN, { variant: c.variant });
        const rejected = oneEvent(el, 'wir-vote-reject') as Promise<WirVoteRejectEvent>;
        await vote(el, ...c.choose);
        expect((await rejected).detail).to.deep.equal({ poll: 'switch', reason: c.reason });
        await waitUntil(() => $(el, '[part~="message"][data-status="rejected"]'), 'rejected message');
        const m = message(el)!;
        expect(text(m)).to.contain('Ihre Stimme wurde nicht gezählt.');
        expect(text(m)).to.contain(c.text);
        expect(m.dataset.status).to.equal('rejected');
        expect(el.shadowRoot!.activeElement).to.equal(m);
        // Where the message stays (no form to correct), the focus does not move, so the live
        // region speaks the refusal; a new message element taking the focus is read out instead.
        if (!c.formAgain) expect(text(live(el))).to.contain(c.text);
        expect(!!part(el, 'form')).to.equal(c.formAgain);
        if (c.formAgain) {
          // The form comes back with the refused choice, ready to correct.
          expect($$<HTMLInputElement>(el, 'input:checked').map((i) => i.value)).to.deep.equal(c.choose);
        }
        expect(getRecord(apiBase(main.api)!, 'switch')).to.include({ status: 'rejected', reason: c.reason });
        await expect(el).to.be.accessible();
        el.lang = 'ar';
        await waitUntil(() => text(message(el)).includes('لم يُحتسب صوتكم'), 'Arabic reason');
        await expect(el).to.be.accessible();
      });
    }

    it('a corrected vote after a refusal is a new vote with a new key and counts', async function () {
      this.timeout(20_000);
      await server('variant', MAIN, { variant: 'base' });
      const el = await mount('switch');
      await server('variant', MAIN, { variant: 'fewer' });
      await vote(el, 'a', 'b');
      await waitUntil(() => $(el, '[part~="message"][data-status="rejected"]'), 'rejected');
      const refused = getRecord(apiBase(main.api)!, 'switch')!;
      input(el, 'b').click();
      part(el, 'submit-button')!.click();
      await sent(el);
      const counted = getRecord(apiBase(main.api)!, 'switch')!;
      expect(counted.key).not.to.equal(refused.key);
      expect(counted.options).to.deep.equal(['a']);
    });

    it('another tab already voted with this browser’s token: 409 becomes "already voted"', async () => {
      const el = await mount('hidden');
      // This browser's token, as the outbox stores it per API origin.
      input(el, 'a').click();
      const token = voterToken(apiBase(main.api)!);
      const elsewhere = await fetch(`${main.api}/polls/hidden/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ options: ['b'], voter: token, idempotencyKey: crypto.randomUUID() }),
      });
      expect(elsewhere.status).to.equal(201);
      const accepted = oneEvent(el, 'wir-vote-accept') as Promise<WirVoteAcceptEvent>;
      part(el, 'submit-button')!.click();
      expect((await accepted).detail.replayed).to.equal(true);
      await sent(el);
      expect(text(message(el))).to.contain('Aus diesem Browser wurde bei dieser Abstimmung schon eine Stimme gezählt.');
      // Which answer counted is unknown here, so none is claimed as "your choice".
      expect(text(message(el))).not.to.contain('Ihre Wahl');
    });
  });

  describe('proof of work and rate limit (a server with POW=on, 2 writes a minute)', () => {
    let strict: ServerInfo;
    before(async function () {
      this.timeout(120_000);
      strict = await server('start', STRICT, { pow: 'on', votesPerMinute: '2' });
    });
    after(async function () {
      this.timeout(30_000);
      await server('stop', STRICT, { signal: 'SIGTERM' });
    });

    it('solves the challenge in the browser and the vote counts', async function () {
      this.timeout(30_000);
      const el = await mount('single', { src: strict.feed });
      await resultsShown(el);
      const before = await totals('single', STRICT);
      await vote(el, 'a');
      await sent(el);
      expect((await totals('single', STRICT)).total).to.equal(before.total + 1);
    });

    it('is told to wait (429): keeps the vote and says when it will be sent', async function () {
      this.timeout(30_000);
      const el = await mount('single', { src: strict.feed });
      await resultsShown(el);
      // Use up this network's budget of writes.
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${strict.api}/challenge`, { credentials: 'omit' });
        if (response.status === 429) break;
      }
      await vote(el, 'b');
      await waitUntil(() => text(message(el)).includes('sehr viele Stimmen'), 'rate-limit message', { timeout: 8000 });
      const queued = getRecord(apiBase(strict.api)!, 'single')!;
      expect(queued).to.include({ status: 'pending', reason: 'rate-limited' });
      expect(queued.next - Date.now()).to.be.greaterThan(1000);
      const at = new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit' }).format(new Date(queued.next));
      expect(text(message(el))).to.contain(`Sie wird um ${at} automatisch gesendet.`);
      await expect(el).to.be.accessible();
    });

    it('keeps the proof for its retries: one challenge for several tries, no percentages and no repeats in the live region', async function () {
      this.timeout(90_000);
      // A server of its own: the retries here must not meet the rate limit of the strict one.
      const pow = await server('start', POW, { pow: 'on' });
      try {
        const el = await mount('single', { src: pow.feed });
        await resultsShown(el);
        const base = apiBase(pow.api)!;
        const real = globalThis.fetch;
        let challenges = 0;
        let failed = 0;
        // The vote request fails twice (as in an outage of the vote route); challenges still work.
        globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          if (String(input).includes('/challenge')) challenges++;
          if (init?.method === 'POST' && failed < 2) {
            failed++;
            return Promise.reject(new TypeError('Failed to fetch'));
          }
          return real(input, init);
        };
        const spoken: string[] = [];
        const observer = new MutationObserver(() => spoken.push(text(live(el))));
        observer.observe(live(el)!, { childList: true, characterData: true, subtree: true });
        try {
          await vote(el, 'a');
          await waitUntil(() => getRecord(base, 'single')?.reason === 'network', 'first try failed', { timeout: 20_000 });
          expect(getRecord(base, 'single')!.proof, 'the proof is stored with the vote').to.exist;
          await waitUntil(() => $(el, '[part~="message"][data-status="sent"]'), 'delivered by a retry', { timeout: 20_000 });
        } finally {
          globalThis.fetch = real;
          observer.disconnect();
        }
        expect(failed).to.equal(2);
        expect(challenges, 'one challenge solved for three tries').to.equal(1);
        expect(spoken.filter((s) => s.includes('%'))).to.deep.equal([]);
        expect(spoken.filter((s) => s.includes('gespeichert')).length, 'the kept vote is announced once').to.equal(1);
        expect(spoken.at(-1)).to.contain('Ihre Stimme wurde gezählt.');
      } finally {
        await server('stop', POW, { signal: 'SIGTERM' });
      }
    });

    it('solveChallenge finds the number with crypto.subtle and reports progress', async () => {
      const salt = `0123abcd?expires=${Math.floor(Date.now() / 1000) + 600}`;
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}1733`));
      const challenge = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      const progress: number[] = [];
      const proof = await solveChallenge({ algorithm: 'SHA-256', challenge, maxnumber: 5000, salt, signature: 'f'.repeat(64) }, (share) => progress.push(share));
      expect(proof).to.deep.equal({ algorithm: 'SHA-256', challenge, number: 1733, salt, signature: 'f'.repeat(64) });
      expect(progress.length).to.be.greaterThan(3);
      expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
    });
  });

  describe('states of the feed and the configuration', () => {
    it('names a poll id the feed does not have', async () => {
      const el = await mount('nope');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.equal('Die Abstimmung „nope“ gibt es in den Strategie-Daten nicht.');
      await expect(el).to.be.accessible();
    });

    it('says when no poll attribute is given', async () => {
      const el = await mount(undefined);
      expect(text(part(el, 'error'))).to.contain('Attribut „poll“');
    });

    it('shows the feed’s error with a retry button', async () => {
      const el = await mount('single', { src: '/__test/feed/status/404?voting-box' });
      expect(text(part(el, 'error'))).to.contain('404');
      expect(part(el, 'retry-button')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('reserves its height while the feed loads', async () => {
      const el = await fixture<Box>(html`<wir-voting-box src="/__test/feed/slow?ms=2000&key=voting-box" poll="single"></wir-voting-box>`);
      await el.updateComplete;
      const loading = part(el, 'loading')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(loading.getBoundingClientRect().height).to.be.greaterThan(200);
      await expect(el).to.be.accessible();
    });

    it('accepts only absolute http(s) vote API addresses', () => {
      expect(apiBase('https://votes.example/v1/')).to.equal('https://votes.example/v1');
      expect(apiBase(' http://127.0.0.1:8787/v1')).to.equal('http://127.0.0.1:8787/v1');
      for (const bad of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/plain,x', 'mailto:a@b.c', '/v1', '//evil.example/v1', '', undefined]) {
        expect(apiBase(bad), String(bad)).to.equal(undefined);
      }
    });

    it('renders feed text as text: markup, scripts and bidi tricks stay inert', async () => {
      const el = await mount('xss');
      const scope = globalThis as { __wirVoteXss?: unknown };
      expect(scope.__wirVoteXss).to.equal(undefined);
      expect($(el, 'img, script, b, svg, a')).to.equal(null);
      expect(text($(el, 'legend'))).to.contain('<img src=x onerror=');
      expect(text(part(el, 'description'))).to.contain('<script>');
      await vote(el, 'a');
      await sent(el);
      await resultsShown(el);
      expect($(el, '.results svg, .results a')).to.equal(null);
      expect(scope.__wirVoteXss).to.equal(undefined);
    });
  });

  describe('accessibility (axe) in every state, LTR and RTL', () => {
    for (const lang of ['de', 'ar'] as const) {
      it(`open single and multiple choice forms (${lang})`, async () => {
        for (const poll of ['single', 'multi']) {
          const el = await mount(poll, { lang });
          await el.updateComplete;
          expect(getComputedStyle(part(el, 'base')!).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
          await expect(el).to.be.accessible();
        }
      });

      it(`counted with results, results hidden, closed, not yet open (${lang})`, async () => {
        const counted = await mount('single', { lang });
        await vote(counted, 'a');
        await sent(counted);
        await resultsShown(counted);
        await expect(counted).to.be.accessible();
        const hidden = await mount('hidden', { lang });
        await waitUntil(() => part(hidden, 'results-note'), 'note');
        await expect(hidden).to.be.accessible();
        const closed = await mount('past', { lang });
        await resultsShown(closed);
        await expect(closed).to.be.accessible();
        const future = await mount('future', { lang });
        await resultsShown(future);
        await expect(future).to.be.accessible();
      });

      it(`form feedback: nothing chosen, too many (${lang})`, async () => {
        const el = await mount('multi', { lang });
        part(el, 'submit-button')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        input(el, 'w').click();
        input(el, 'x').click();
        input(el, 'y').click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    }

    it('dark scheme and forced colours keep the results readable', async () => {
      const el = await fixture<Box>(html`<div style="background:#101418;padding:1rem"><wir-voting-box src=${main.feed} poll="past" scheme="dark"></wir-voting-box></div>`);
      const box = el.querySelector('wir-voting-box')!;
      await waitUntil(() => box.shadowRoot?.querySelector('[part~="results"]'), 'results', { timeout: 8000 });
      await expect(el).to.be.accessible();
    });
  });
});
