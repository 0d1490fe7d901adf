import { aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { clearFeedCache } from '@wir/feed';
import type { Feed, FeedResult } from '@wir/feed';
import '../src/wir-guideline-carousel.js';
import { WirGuidelineCarousel, WirSlideChangeEvent } from '../src/index.js';
import type { AutoplayClock } from '../src/index.js';
import { captureAlerts, mount as mountWidget, settled as settledWidget } from '../../core/test/support/widget-fixture.js';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

// Test pages may run in a background tab while another file runs (concurrency 2): such a page
// gets no animation frames, media-change events or real mouse hover. So these tests never wait
// for a frame (fixtureSync for plain wrappers), hover with dispatched pointer events, and let a
// carousel re-read a media query when the page cannot deliver the change event.
const FIXTURES = '/packages/guideline-carousel/test/fixtures/';
const FEED = `${FIXTURES}guidelines.json`;

type Carousel = WirGuidelineCarousel;
const $ = <T extends Element = HTMLElement>(el: Carousel, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const $$ = (el: Carousel, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const part = (el: Carousel, name: string) => $(el, `[part~="${name}"]`);
const activeSlide = (el: Carousel) => $(el, '.slide[data-active]')!;
const activeTitle = (el: Carousel) => activeSlide(el).querySelector('.slide-title')!.textContent!.trim();
const tabs = (el: Carousel) => $$(el, '[role="tab"]');

const settled = (el: Carousel, state?: string) => settledWidget(el, state);
const mount = (template: ReturnType<typeof html>, state?: string) => mountWidget<Carousel>(template, state);

/** A clock the test moves by hand, so autoplay timing is exact and fast. */
class ManualClock implements AutoplayClock {
  private now = 0;
  private nextId = 1;
  readonly timers = new Map<number, { due: number; callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { due: this.now + ms, callback, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number[] {
    return [...this.timers.values()].map((t) => t.ms);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (!next || next[1].due > end) break;
      this.timers.delete(next[0]);
      this.now = next[1].due;
      next[1].callback();
    }
    this.now = end;
  }
}

async function withAutoplay(el: Carousel, clock = new ManualClock()): Promise<ManualClock> {
  el.autoplayClock = clock;
  el.autoplay = true;
  await el.updateComplete;
  return clock;
}

function recordSlideChanges(el: Carousel): WirSlideChangeEvent[] {
  const events: WirSlideChangeEvent[] = [];
  el.addEventListener('wir-slide-change', (e) => events.push(e));
  return events;
}

describe('<wir-guideline-carousel>', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  describe('definition and structure', () => {
    it('is defined', () => {
      expect(customElements.get('wir-guideline-carousel')).to.equal(WirGuidelineCarousel);
      expect(document.createElement('wir-guideline-carousel')).to.be.instanceOf(WirGuidelineCarousel);
    });

    it('renders an APG carousel: labelled region, tabbed picker, slides labelled "n von m"', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const base = part(el, 'base')!;
      expect(base.tagName).to.equal('SECTION');
      expect(base.getAttribute('aria-roledescription')).to.equal('Karussell');
      expect($(el, `#${base.getAttribute('aria-labelledby')}`)!.textContent!.trim()).to.equal('Leitlinien');
      expect(base.querySelector('.strategy')!.textContent).to.equal('WIR sind Test');

      const slides = $$(el, '[part~="slide"]');
      expect(slides).to.have.length(7);
      expect(slides[2].getAttribute('role')).to.equal('tabpanel');
      expect(slides[2].getAttribute('aria-roledescription')).to.equal('Folie');
      expect(slides[2].getAttribute('aria-label')).to.equal('3 von 7');
      expect(slides.filter((s) => s.hasAttribute('data-active'))).to.have.length(1);
      expect(slides[1].inert).to.equal(true);

      const list = part(el, 'picker')!;
      expect(list.getAttribute('role')).to.equal('tablist');
      expect(tabs(el)).to.have.length(7);
      expect(tabs(el)[0].getAttribute('aria-selected')).to.equal('true');
      expect(tabs(el)[0].getAttribute('aria-controls')).to.equal(slides[0].id);
      expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1, -1]);
      expect(tabs(el)[3].textContent!.replace(/\s+/g, ' ').trim()).to.equal('Leitlinie 4 4');

      const heading = activeSlide(el).querySelector('h3')!;
      expect(heading.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Leitlinie 1 Vielfalt ist Normalität');
      expect(activeSlide(el).querySelector('.slide-text')!.textContent).to.equal('Text der Leitlinie 1.');
      expect(part(el, 'slides')!.getAttribute('aria-live')).to.equal('polite');
      expect(part(el, 'rotation-button')).to.equal(null);
      expect(part(el, 'status')!.textContent!.trim()).to.equal('1 von 7');
    });

    it('shows the image with its alt text, resolved against the feed URL', async () => {
      const el = await mount(html`<wir-guideline-carousel lang="en" src=${FEED}></wir-guideline-carousel>`);
      const img = activeSlide(el).querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal('People talking');
      expect(img.src).to.equal(new URL(`${FIXTURES}leitlinie.svg`, location.href).href);
    });

    it('honours heading and heading-level', async () => {
      const el = await mount(html`<wir-guideline-carousel heading="Unsere Leitsätze" heading-level="3" src=${FEED}></wir-guideline-carousel>`);
      expect($(el, 'h3#heading')!.textContent).to.equal('Unsere Leitsätze');
      expect(activeSlide(el).querySelector('h4')).to.exist;
      el.headingLevel = 6;
      await el.updateComplete;
      expect($(el, 'h6#heading')).to.exist;
      expect(activeSlide(el).querySelector('h6')).to.exist;
      el.setAttribute('heading-level', 'x');
      await el.updateComplete;
      expect($(el, 'h2#heading')).to.exist;
    });

    it('marks feed text in a fallback language with its own lang and dir', async () => {
      const el = await mount(html`<wir-guideline-carousel lang="tr" src=${FEED}></wir-guideline-carousel>`);
      expect(activeTitle(el)).to.equal('Çeşitlilik olağandır');
      // Turkish text is missing: German, marked as such.
      const text = activeSlide(el).querySelector('.slide-text span')!;
      expect(text.getAttribute('lang')).to.equal('de');
      expect(text.getAttribute('dir')).to.equal('ltr');
    });
  });

  describe('previous / next and events', () => {
    it('moves with the buttons, wraps around, and fires wir-slide-change on click', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const events = recordSlideChanges(el);
      part(el, 'next-button')!.click();
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
      expect(activeTitle(el)).to.equal('Teilhabe für alle');
      expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
      expect(events).to.have.length(1);
      expect(events[0]).to.be.instanceOf(WirSlideChangeEvent);
      expect(events[0].bubbles && events[0].composed).to.equal(true);
      expect(events[0].detail).to.deep.equal({ index: 1, id: 'leitlinie-2', number: 2, cause: 'user' });

      part(el, 'previous-button')!.click();
      part(el, 'previous-button')!.click();
      await el.updateComplete;
      expect(el.currentIndex).to.equal(6);
      expect(events.map((e) => e.detail.index)).to.deep.equal([1, 0, 6]);
      part(el, 'next-button')!.click();
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
    });

    it('selects a slide by clicking its tab', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const event = oneEvent(el, 'wir-slide-change');
      tabs(el)[4].click();
      expect((await event).detail.id).to.equal('leitlinie-5');
      await el.updateComplete;
      expect(activeTitle(el)).to.equal('Bildung öffnet Türen');
    });
  });

  describe('start deep link', () => {
    it('starts at a guideline given by id or by number, without an event', async () => {
      const byId = await mount(html`<wir-guideline-carousel start="leitlinie-3" src=${FEED}></wir-guideline-carousel>`);
      expect(byId.currentIndex).to.equal(2);
      expect(tabs(byId)[2].getAttribute('aria-selected')).to.equal('true');

      const byNumber = await mount(html`<wir-guideline-carousel start="5" src=${FEED}></wir-guideline-carousel>`);
      expect(byNumber.currentIndex).to.equal(4);
    });

    it('ignores an unknown start and shows the first slide', async () => {
      for (const start of ['leitlinie-99', '0', '99', 'javascript:alert(1)', '']) {
        const el = await mount(html`<wir-guideline-carousel start=${start} src=${FEED}></wir-guideline-carousel>`);
        expect(el.currentIndex, start).to.equal(0);
      }
    });

    it('moves when start is set from outside, and fires no event for it', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const events = recordSlideChanges(el);
      el.start = 'leitlinie-6';
      await el.updateComplete;
      expect(el.currentIndex).to.equal(5);
      el.setAttribute('start', '2');
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
      el.autoplay = true;
      el.interval = 5;
      await el.updateComplete;
      expect(events).to.have.length(0);
    });
  });

  describe('keyboard', () => {
    it('operates the tabbed picker with arrow keys, Home and End (LTR)', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const events = recordSlideChanges(el);
      tabs(el)[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
      expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[1]);
      expect(tabs(el)[1].tabIndex).to.equal(0);
      expect(tabs(el)[0].tabIndex).to.equal(-1);

      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(6);
      expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[6]);

      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);

      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(6);

      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
      expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[0]);
      expect(events.map((e) => e.detail.cause)).to.deep.equal(['user', 'user', 'user', 'user', 'user']);
    });

    it('mirrors Left/Right in RTL', async () => {
      const el = await mount(html`<wir-guideline-carousel lang="ar" src=${FEED}></wir-guideline-carousel>`);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(part(el, 'base')!).direction).to.equal('rtl');
      tabs(el)[0].focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(6);
    });

    it('activates previous/next with Enter and Space; Tab order is rotation, previous, next, picker', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      await withAutoplay(el);
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? 'outside');
      }
      expect(order).to.deep.equal(['rotation-button', 'previous-button', 'next-button', 'picker-button']);
      part(el, 'next-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.currentIndex).to.equal(2);
      before.remove();
    });
  });

  describe('autoplay', () => {
    it('is off by default and has no rotation control', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = new ManualClock();
      el.autoplayClock = clock;
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([]);
      expect(part(el, 'rotation-button')).to.equal(null);
    });

    it('rotates every interval, fires rotation events, keeps the live region off while rotating', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED} interval="5"></wir-guideline-carousel>`);
      const events = recordSlideChanges(el);
      const clock = await withAutoplay(el);
      expect(clock.pending).to.deep.equal([5000]);
      expect(part(el, 'slides')!.getAttribute('aria-live')).to.equal('off');
      const rotation = part(el, 'rotation-button')!;
      expect(rotation.getAttribute('aria-label')).to.equal('Automatischen Wechsel anhalten');

      clock.advance(4999);
      expect(el.currentIndex).to.equal(0);
      clock.advance(1);
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
      clock.advance(5000 * 6);
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
      expect(events).to.have.length(7);
      expect(events.every((e) => e.detail.cause === 'rotation')).to.equal(true);
    });

    it('never goes faster than every 4 seconds', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED} interval="1"></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      expect(clock.pending).to.deep.equal([4000]);
    });

    it('stops for good with the rotation control and starts again with it', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      part(el, 'rotation-button')!.click();
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([]);
      expect(part(el, 'rotation-button')!.getAttribute('aria-label')).to.equal('Automatischen Wechsel starten');
      expect(part(el, 'slides')!.getAttribute('aria-live')).to.equal('polite');
      // Hover and focus coming and going must not restart a stopped carousel.
      part(el, 'next-button')!.focus();
      part(el, 'next-button')!.blur();
      clock.advance(60_000);
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);

      part(el, 'rotation-button')!.click();
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([8000]);
      expect(part(el, 'rotation-button')!.getAttribute('aria-label')).to.equal('Automatischen Wechsel anhalten');
    });

    it('pauses while the mouse is over it and resumes when it leaves', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      const base = part(el, 'base')!;
      // A touch "enter" is not hover: it must not pause.
      base.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'touch' }));
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([8000]);

      base.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([]);
      expect(part(el, 'slides')!.getAttribute('aria-live')).to.equal('polite');
      clock.advance(20_000);
      expect(el.currentIndex).to.equal(0);

      base.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([8000]);
      expect(part(el, 'slides')!.getAttribute('aria-live')).to.equal('off');
    });

    it('stops for good when keyboard focus comes in, until the rotation control starts it again (APG)', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      const before = document.createElement('button');
      before.textContent = 'vorher';
      el.before(before);
      try {
        before.focus();
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement, 'focus went into the carousel').to.not.equal(null);
        expect(clock.pending).to.deep.equal([]);
        // The control says what it will do: rotation is off, not paused.
        expect(part(el, 'rotation-button')!.getAttribute('aria-label')).to.equal('Automatischen Wechsel starten');
        // Leaving does not bring it back.
        before.focus();
        await el.updateComplete;
        clock.advance(60_000);
        expect(clock.pending).to.deep.equal([]);
        expect(el.currentIndex).to.equal(0);
        // The rotation control, reached by keyboard, starts it again.
        part(el, 'rotation-button')!.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(part(el, 'rotation-button')!.getAttribute('aria-label')).to.equal('Automatischen Wechsel anhalten');
        before.focus();
        await el.updateComplete;
        expect(clock.pending).to.deep.equal([8000]);
      } finally {
        before.remove();
      }
    });

    it('only pauses while focus from a click is inside, and resumes when focus and pointer leave', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      const tab = tabs(el)[1];
      const box = tab.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(tab);
      expect(tab.matches(':focus-visible'), 'a click gives no focus ring').to.equal(false);
      expect(clock.pending).to.deep.equal([]);
      expect(part(el, 'rotation-button')!.getAttribute('aria-label')).to.equal('Automatischen Wechsel anhalten');
      await sendMouse({ type: 'move', position: [0, 0] });
      tab.blur();
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([8000]);
    });

    it('never rotates under prefers-reduced-motion, re-evaluated when it changes', async () => {
      const query = matchMedia('(prefers-reduced-motion: reduce)');
      // A visible page delivers the change event; a background one does not, so there the test
      // asks for a render, which re-reads the query.
      const reevaluated = async (done: () => boolean, el: Carousel) =>
        waitUntil(() => {
          if (document.visibilityState !== 'visible') el.requestUpdate();
          return done();
        }, 'the carousel did not follow the reduced-motion setting');

      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      expect(clock.pending).to.deep.equal([]);
      expect(part(el, 'rotation-button')).to.equal(null);

      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(query.matches).to.equal(false);
      await reevaluated(() => !!part(el, 'rotation-button'), el);
      expect(clock.pending).to.deep.equal([8000]);

      await emulateMedia({ reducedMotion: 'reduce' });
      await reevaluated(() => !part(el, 'rotation-button'), el);
      expect(clock.pending).to.deep.equal([]);
      expect(part(el, 'slides')!.getAttribute('aria-live')).to.equal('polite');
      // Even a timer that was already due does not move the slide any more.
      clock.advance(60_000);
      expect(el.currentIndex).to.equal(0);
    });

    it('leaves no timer behind once removed, even with an update still pending', async () => {
      // An update that runs after removal (a property set just before it) must not start a timer.
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      el.start = '3';
      el.remove();
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([]);

      // Nor may a rotation step whose wir-slide-change listener removes the carousel.
      const other = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const otherClock = await withAutoplay(other);
      other.addEventListener('wir-slide-change', () => other.remove());
      otherClock.advance(8000);
      await other.updateComplete;
      expect(otherClock.pending).to.deep.equal([]);
    });

    it('keeps rotating when moved to another place in the page', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      const wrapper = document.createElement('div');
      el.after(wrapper);
      wrapper.append(el);
      await el.updateComplete;
      expect(part(el, 'rotation-button')!.getAttribute('aria-label')).to.equal('Automatischen Wechsel anhalten');
      expect(clock.pending).to.deep.equal([8000]);
      wrapper.remove();
    });

    it('rotates again when put back after being removed while hovered', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock = await withAutoplay(el);
      part(el, 'base')!.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([]);
      // Removed under the pointer: no pointerleave ever comes.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(clock.pending).to.deep.equal([8000]);
    });

    it('rotates with the real timer too', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const clock: AutoplayClock = {
        // Real setTimeout, 1/100 of the time: proves the default wiring without a long test.
        setTimeout: (callback, ms) => setTimeout(callback, ms / 100),
        clearTimeout: (handle) => clearTimeout(handle as number),
      };
      el.autoplayClock = clock;
      el.autoplay = true;
      const event = await oneEvent(el, 'wir-slide-change');
      expect(event.detail).to.include({ index: 1, cause: 'rotation' });
    });
  });

  describe('swipe', () => {
    function swipe(el: Carousel, from: number, to: number, pointerType = 'touch', dy = 0): void {
      const target = activeSlide(el);
      const box = target.getBoundingClientRect();
      const y = box.top + 20;
      const init = { bubbles: true, composed: true, pointerId: 7, pointerType, isPrimary: true };
      target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: box.left + from, clientY: y }));
      target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: box.left + (from + to) / 2, clientY: y + dy / 2 }));
      target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: box.left + to, clientY: y + dy }));
    }

    it('goes to the next slide on a swipe to the left and back on a swipe to the right', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const events = recordSlideChanges(el);
      swipe(el, 200, 80);
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
      swipe(el, 80, 200);
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
      expect(events.map((e) => e.detail.cause)).to.deep.equal(['user', 'user']);
      expect(getComputedStyle(part(el, 'slides')!).touchAction).to.equal('pan-y');
    });

    it('ignores short moves, vertical moves and mouse drags', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      swipe(el, 200, 180);
      swipe(el, 200, 120, 'touch', 200);
      swipe(el, 200, 40, 'mouse');
      await el.updateComplete;
      expect(el.currentIndex).to.equal(0);
    });

    it('mirrors swipes in RTL', async () => {
      const el = await mount(html`<wir-guideline-carousel lang="ar" src=${FEED}></wir-guideline-carousel>`);
      swipe(el, 80, 200);
      await el.updateComplete;
      expect(el.currentIndex).to.equal(1);
    });
  });

  describe('language', () => {
    it('re-renders its UI strings when lang changes', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      expect(part(el, 'next-button')!.getAttribute('aria-label')).to.equal('Nächste Leitlinie');
      el.setAttribute('lang', 'tr');
      await waitUntil(() => part(el, 'next-button')!.getAttribute('aria-label') === 'Sonraki ilke');
      expect(activeSlide(el).getAttribute('aria-label')).to.equal('7 içinden 1');
      expect(activeTitle(el)).to.equal('Çeşitlilik olağandır');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('tr');

      el.setAttribute('lang', 'ar');
      await waitUntil(() => part(el, 'next-button')!.getAttribute('aria-label') === 'المبدأ التالي');
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(activeSlide(el).getAttribute('aria-label')).to.equal('1 من 7');

      el.setAttribute('lang', 'uk');
      await waitUntil(() => part(el, 'next-button')!.getAttribute('aria-label') === 'Наступний принцип');
      el.setAttribute('lang', 'ru');
      await waitUntil(() => part(el, 'next-button')!.getAttribute('aria-label') === 'Следующий принцип');
      el.setAttribute('lang', 'en');
      await waitUntil(() => part(el, 'next-button')!.getAttribute('aria-label') === 'Next guideline');
      expect(part(el, 'base')!.getAttribute('aria-roledescription')).to.equal('carousel');
    });

    it('shows two languages side by side', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div>
        <wir-guideline-carousel lang="tr" src=${FEED}></wir-guideline-carousel>
        <wir-guideline-carousel lang="ar" src=${FEED}></wir-guideline-carousel>
      </div>`);
      const [tr, ar] = [...wrapper.querySelectorAll('wir-guideline-carousel')];
      await Promise.all([settled(tr), settled(ar)]);
      expect(part(tr, 'previous-button')!.getAttribute('aria-label')).to.equal('Önceki ilke');
      expect(part(ar, 'previous-button')!.getAttribute('aria-label')).to.equal('المبدأ السابق');
      expect(part(tr, 'picker')!.getAttribute('aria-label')).to.equal('İlke seçin');
      expect(part(ar, 'picker')!.getAttribute('aria-label')).to.equal('اختر مبدأً');
    });
  });

  describe('states', () => {
    beforeEach(() => clearFeedCache());

    it('reserves its space while loading', async () => {
      const el = await fixture<Carousel>(
        html`<wir-guideline-carousel src="/__test/feed/slow?ms=1500&key=carousel-${Date.now()}"></wir-guideline-carousel>`,
      );
      const loading = part(el, 'loading')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(loading.getBoundingClientRect().height).to.be.at.least(18 * 16 - 1);
    });

    it('shows a localized error for a failing feed, and retry loads it', async () => {
      const key = `carousel-retry-${Date.now()}`;
      await fetch(`/__test/feed/switch?key=${key}&mode=fail`);
      const el = await mount(html`<wir-guideline-carousel lang="en" src="/__test/feed/switchable?key=${key}"></wir-guideline-carousel>`, 'error');
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('The content could not be loaded.');
      expect(alert.textContent).to.contain('error code 503');

      await fetch(`/__test/feed/switch?key=${key}&mode=ok`);
      const loaded = oneEvent(el, 'wir-feed-load');
      part(el, 'retry-button')!.click();
      await loaded;
      // The test route serves the minimal feed, which has no guidelines.
      await settled(el, 'empty');
      expect(part(el, 'empty')!.textContent).to.contain('No guidelines have been published yet.');
    });

    it('keeps keyboard focus through a retry: on the new retry button, then on the content', async () => {
      const key = `carousel-focus-${Date.now()}`;
      await fetch(`/__test/feed/switch?key=${key}&mode=fail`);
      const el = await mount(html`<wir-guideline-carousel src="/__test/feed/switchable?key=${key}"></wir-guideline-carousel>`, 'error');
      part(el, 'retry-button')!.focus();
      const failed = oneEvent(el, 'wir-feed-error');
      await sendKeys({ press: 'Enter' });
      await failed;
      expect(el.shadowRoot!.activeElement === part(el, 'retry-button'), 'focus on the new retry button').to.equal(true);

      await fetch(`/__test/feed/switch?key=${key}&mode=ok`);
      const loaded = oneEvent(el, 'wir-feed-load');
      await sendKeys({ press: 'Enter' });
      await loaded;
      // The minimal feed has no guidelines: the content is the empty message, focusable by script.
      const start = el.shadowRoot!.activeElement;
      expect(!!start?.contains(part(el, 'empty')), 'focus on the content').to.equal(true);
      expect(start!.getAttribute('tabindex')).to.equal('-1');
    });

    it('shows the 404 of a missing feed, and retry after fixing src shows the carousel', async () => {
      const el = await mount(html`<wir-guideline-carousel src="${FIXTURES}missing.json"></wir-guideline-carousel>`, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Fehlercode 404');
      el.src = FEED;
      await settled(el, 'base');
      expect(tabs(el)).to.have.length(7);
    });

    it('shows a message when no feed is configured', async () => {
      const el = await mount(html`<wir-guideline-carousel></wir-guideline-carousel>`, 'empty');
      expect(part(el, 'empty')!.textContent).to.contain('keine Datenquelle');
    });

    it('has no picker or buttons with a single guideline', async () => {
      const el = await mount(html`<wir-guideline-carousel autoplay src="${FIXTURES}one.json"></wir-guideline-carousel>`);
      expect(part(el, 'controls')).to.equal(null);
      expect(part(el, 'rotation-button')).to.equal(null);
      expect(activeSlide(el).getAttribute('aria-label')).to.equal('1 von 1');
      expect(activeTitle(el)).to.equal('Teilhabe für alle');
    });
  });

  describe('safety', () => {
    const alerts = captureAlerts();

    it('renders markup in feed text as inert text', async () => {
      const el = await mount(html`<wir-guideline-carousel src="${FIXTURES}hostile.json"></wir-guideline-carousel>`);
      expect(activeTitle(el)).to.equal('<img src=x onerror=alert(1)>');
      expect(activeSlide(el).querySelector('.slide-text')!.textContent).to.equal('<script>alert(2)</script><b>fett</b>');
      part(el, 'next-button')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('img, script, b, svg:not(.icon)')).to.have.length(0);
      await aTimeout(100);
      expect(alerts.calls).to.deep.equal([]);
    });

    it('never uses a javascript: image: the feed is rejected, and the renderer drops it too', async () => {
      const el = await mount(html`<wir-guideline-carousel src="${FIXTURES}javascript-image.json"></wir-guideline-carousel>`, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('$.guidelines[0].image.src');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);

      // Defence in depth: even a feed object that skipped validation cannot get one in.
      const ok = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const controller = (ok as unknown as { feed: { result: FeedResult } }).feed;
      const feed: Feed = structuredClone(controller.result.feed);
      for (const [i, src] of [' JaVaScRiPt:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'java\tscript:alert(1)'].entries()) {
        feed.guidelines[i].image = { src, alt: 'x' };
      }
      controller.result = { ...controller.result, feed };
      ok.requestUpdate();
      await ok.updateComplete;
      expect(ok.shadowRoot!.querySelectorAll('img')).to.have.length(0);
      expect(ok.shadowRoot!.innerHTML).not.to.match(/javascript|data:image/i);
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('fits 320 px without horizontal overflow, even with long words', async () => {
      await setViewport({ width: 320, height: 640 });
      for (const file of ['guidelines.json', 'long.json']) {
        const el = await mount(html`<wir-guideline-carousel src="${FIXTURES}${file}"></wir-guideline-carousel>`);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        const base = part(el, 'base')!;
        expect(base.scrollWidth, file).to.be.at.most(base.clientWidth + 1);
        for (const node of $$(el, '.controls, .picker, .slide, .slide-text, .slide-heading')) {
          expect(node.getBoundingClientRect().right, `${file} ${node.className}`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      }
    });

    it('puts the image beside the text in a wide banner', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      const slide = activeSlide(el);
      expect(getComputedStyle(slide).display).to.equal('grid');
      const img = slide.querySelector('img')!.getBoundingClientRect();
      const body = slide.querySelector('.slide-body')!.getBoundingClientRect();
      expect(img.right).to.be.at.most(body.left);
    });

    it('keeps the slide area as tall as the tallest slide', async () => {
      const el = await mount(html`<wir-guideline-carousel src="${FIXTURES}long.json"></wir-guideline-carousel>`);
      const height = part(el, 'slides')!.getBoundingClientRect().height;
      part(el, 'next-button')!.click();
      await el.updateComplete;
      expect(part(el, 'slides')!.getBoundingClientRect().height).to.equal(height);
    });

    it('draws a visible focus ring of at least 2px', async () => {
      const el = await mount(html`<wir-guideline-carousel src=${FEED}></wir-guideline-carousel>`);
      tabs(el)[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      const style = getComputedStyle(tabs(el)[1]);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('accessibility (axe)', () => {
    const variants: Array<[string, string | undefined, string?]> = [
      ['carousel', 'guidelines.json'],
      ['one slide', 'one.json'],
      ['long text', 'long.json'],
      ['empty', 'empty.json', 'empty'],
      ['error', 'missing.json', 'error'],
      ['no source', undefined, 'empty'],
    ];
    for (const lang of ['de', 'ar']) {
      for (const [name, file, state] of variants) {
        it(`passes in state "${name}" (${lang})`, async () => {
          const src = file ? `${FIXTURES}${file}` : undefined;
          const el = await mount(html`<wir-guideline-carousel lang=${lang} src=${src ?? ''}></wir-guideline-carousel>`, state);
          await expect(el).to.be.accessible();
        });
      }

      it(`passes while loading (${lang})`, async () => {
        const el = await fixture<Carousel>(
          html`<wir-guideline-carousel lang=${lang} src="/__test/feed/slow?ms=2000&key=axe-${lang}-${Date.now()}"></wir-guideline-carousel>`,
        );
        expect(part(el, 'loading')).to.exist;
        await expect(el).to.be.accessible();
      });

      it(`passes with autoplay, stopped, and in the dark scheme (${lang})`, async () => {
        const el = await mount(html`<wir-guideline-carousel lang=${lang} src=${FEED}></wir-guideline-carousel>`);
        await withAutoplay(el);
        await expect(el).to.be.accessible();
        part(el, 'rotation-button')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        el.setAttribute('scheme', 'dark');
        await expect(el).to.be.accessible();
      });
    }
  });
});
