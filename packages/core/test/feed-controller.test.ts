import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache, feedSchema } from '@wir/feed';
import { WirElement, WirFeedErrorEvent, WirFeedLoadEvent, getDefaultFeedUrl, renderError, renderLoading, setDefaultFeedUrl } from '@wir/core';
import type { FeedController } from '@wir/core';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

// Exposes the protected controller so the tests can watch its state.
class FeedProbe extends WirElement {
  static override feedPart = feedSchema;
  get controller(): FeedController {
    return this.feed;
  }
  override render() {
    return html`<p>${this.feed.state}</p>`;
  }
}
customElements.define('test-feed-probe', FeedProbe);

// Renders like a widget: the shared loading and error states, else a region without tabindex.
class RetryProbe extends WirElement {
  static override feedPart = feedSchema;
  get controller(): FeedController {
    return this.feed;
  }
  override render() {
    const { state, error } = this.feed;
    if (state === 'loading') return renderLoading();
    if (state === 'error') return renderError(error!, () => this.feed.retry());
    return html`<section part="base" aria-label="Inhalt"><p>${state}</p></section>`;
  }
}
customElements.define('test-retry-probe', RetryProbe);

const VALID = '/__test/feed/valid.json';
let unique = 0;
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}core=${Date.now()}-${unique++}`;

describe('FeedController', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => setDefaultFeedUrl(undefined as unknown as string));

  it('is idle without a URL', async () => {
    const el = await fixture<FeedProbe>(html`<test-feed-probe></test-feed-probe>`);
    expect(el.controller.state).to.equal('idle');
    expect(el.controller.feed).to.equal(undefined);
  });

  it('goes loading → ready and fires a bubbling, composed wir-feed-load after rendering', async () => {
    const el = await fixture<FeedProbe>(html`<test-feed-probe src=${fresh(VALID)}></test-feed-probe>`);
    expect(el.controller.state).to.equal('loading');
    expect(el.shadowRoot!.textContent).to.contain('loading');
    const event = await oneEvent(el, 'wir-feed-load');
    expect(event).to.be.instanceOf(WirFeedLoadEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.result.feed.strategy.id).to.equal('wir-test');
    expect(el.controller.state).to.equal('ready');
    expect(el.controller.stale).to.equal(false);
    expect(el.shadowRoot!.textContent).to.contain('ready');
  });

  it('loads the real sample feed of the demo', async () => {
    const el = await fixture<FeedProbe>(html`<test-feed-probe src="/demo/feeds/hannover.json"></test-feed-probe>`);
    await waitUntil(() => el.controller.state !== 'loading', 'feed did not settle', { timeout: 5000 });
    // The sample feed is written by another package; before it lands the request is a 404.
    if (el.controller.state === 'ready') expect(el.controller.feed!.guidelines.length).to.be.greaterThan(0);
    else expect(el.controller.error!.kind).to.equal('http');
  });

  it('uses the page default URL when src is not set', async () => {
    setDefaultFeedUrl(fresh(VALID));
    expect(getDefaultFeedUrl()).to.contain(VALID);
    const el = await fixture<FeedProbe>(html`<test-feed-probe></test-feed-probe>`);
    await oneEvent(el, 'wir-feed-load');
    expect(el.controller.state).to.equal('ready');
  });

  it('goes to error with the FeedError and fires wir-feed-error on a 404', async () => {
    const el = await fixture<FeedProbe>(html`<test-feed-probe src="/__test/feed/does-not-exist.json"></test-feed-probe>`);
    const event = await oneEvent(el, 'wir-feed-error');
    expect(event).to.be.instanceOf(WirFeedErrorEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.error.kind).to.equal('http');
    expect(event.detail.error.status).to.equal(404);
    expect(el.controller.state).to.equal('error');
    expect(el.controller.error?.status).to.equal(404);
  });

  it('retry() clears the error and asks the server again (reload)', async () => {
    const key = `retry-${Date.now()}`;
    await fetch(`/__test/feed/switch?key=${key}&mode=fail`);
    const el = await fixture<FeedProbe>(html`<test-feed-probe src="/__test/feed/switchable?key=${key}"></test-feed-probe>`);
    await oneEvent(el, 'wir-feed-error');
    expect(el.controller.error?.status).to.equal(503);

    await fetch(`/__test/feed/switch?key=${key}&mode=ok`);
    const loaded = oneEvent(el, 'wir-feed-load');
    el.controller.retry();
    expect(el.controller.state).to.equal('loading');
    expect(el.controller.error).to.equal(undefined);
    await loaded;
    expect(el.controller.state).to.equal('ready');
  });

  it('a keyboard retry keeps focus in the widget: on the new retry button, then on the content start', async () => {
    const key = `focus-${Date.now()}`;
    await fetch(`/__test/feed/switch?key=${key}&mode=fail`);
    const el = await fixture<RetryProbe>(html`<test-retry-probe src="/__test/feed/switchable?key=${key}"></test-retry-probe>`);
    await oneEvent(el, 'wir-feed-error');
    const root = el.shadowRoot!;
    const first = root.querySelector<HTMLElement>('[part="retry-button"]')!;
    first.focus();

    // Fails again: the loading view replaced the button, and focus comes back to the new one.
    const failed = oneEvent(el, 'wir-feed-error');
    await sendKeys({ press: 'Enter' });
    await failed;
    const again = root.querySelector('[part="retry-button"]')!;
    expect(again === first, 'a new button').to.equal(false);
    expect(root.activeElement === again, 'focus on the new retry button').to.equal(true);
    expect(document.activeElement === el, 'focus inside the widget').to.equal(true);

    // Succeeds: focus lands on where the content starts, focusable by script only.
    await fetch(`/__test/feed/switch?key=${key}&mode=ok`);
    const loaded = oneEvent(el, 'wir-feed-load');
    await sendKeys({ press: 'Enter' });
    await loaded;
    const base = root.querySelector('[part="base"]')!;
    expect(root.activeElement === base, 'focus on the content start').to.equal(true);
    expect(base.getAttribute('tabindex')).to.equal('-1');
  });

  it('a retry does not take focus when focus was not inside the widget', async () => {
    const key = `nofocus-${Date.now()}`;
    await fetch(`/__test/feed/switch?key=${key}&mode=fail`);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="outside">outside</button>
      <test-retry-probe src="/__test/feed/switchable?key=${key}"></test-retry-probe>
    </div>`);
    const el = wrapper.querySelector<RetryProbe>('test-retry-probe')!;
    const outside = wrapper.querySelector<HTMLElement>('#outside')!;
    if (el.controller.state !== 'error') await oneEvent(el, 'wir-feed-error');
    outside.focus();
    const failed = oneEvent(el, 'wir-feed-error');
    el.shadowRoot!.querySelector<HTMLElement>('[part="retry-button"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await failed;
    expect(document.activeElement === outside, 'focus stays outside').to.equal(true);

    // Focus was inside at the retry but moved on before the answer came: it stays there.
    const failedAgain = oneEvent(el, 'wir-feed-error');
    el.shadowRoot!.querySelector<HTMLElement>('[part="retry-button"]')!.focus();
    el.controller.retry();
    outside.focus();
    await failedAgain;
    expect(document.activeElement === outside, 'focus stays outside').to.equal(true);

    await fetch(`/__test/feed/switch?key=${key}&mode=ok`);
    const loaded = oneEvent(el, 'wir-feed-load');
    el.controller.retry();
    await loaded;
    expect(document.activeElement === outside, 'focus stays outside').to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.hasAttribute('tabindex')).to.equal(false);
  });

  it('reloads when src changes and drops the answer of the old URL', async () => {
    const el = await fixture<FeedProbe>(html`<test-feed-probe src=${fresh('/__test/feed/slow?ms=400')}></test-feed-probe>`);
    expect(el.controller.state).to.equal('loading');
    el.src = fresh(VALID);
    await el.updateComplete;
    const event = await oneEvent(el, 'wir-feed-load');
    expect(event.detail.result.url).to.contain(VALID);
    // Give the slow answer time to arrive; it must not replace the newer result or fire again.
    let extra = 0;
    el.addEventListener('wir-feed-load', () => extra++);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(extra).to.equal(0);
    expect(el.controller.result?.url).to.contain(VALID);

    el.src = '/__test/feed/status/500';
    await el.updateComplete;
    expect(el.controller.state).to.equal('loading');
    await oneEvent(el, 'wir-feed-error');
    expect(el.controller.error?.status).to.equal(500);
  });

  it('aborts its request when removed and loads again when put back', async () => {
    const key = `abort-${Date.now()}`;
    await fetch(`/__test/feed/hits?key=${key}&reset`);
    const el = await fixture<FeedProbe>(html`<test-feed-probe src="/__test/feed/slow?ms=1500&key=${key}"></test-feed-probe>`);
    expect(el.controller.state).to.equal('loading');
    // Remove only once the request has reached the server: aborted while still queued in the
    // browser (busy connections under load), the server would never see it go away.
    await waitUntil(
      async () => (await (await fetch(`/__test/feed/hits?key=${key}`)).json()).slow === 1,
      'the request did not reach the server',
      { timeout: 3000 },
    );
    expect(el.controller.state).to.equal('loading');
    let events = 0;
    el.addEventListener('wir-feed-load', () => events++);
    el.addEventListener('wir-feed-error', () => events++);
    const parent = el.parentNode!;
    el.remove();
    expect(el.controller.state).to.equal('idle');
    await waitUntil(
      async () => (await (await fetch(`/__test/feed/hits?key=${key}`)).json()).closedEarly === 1,
      'the server did not see the request go away',
      { timeout: 5000 },
    );
    expect(events).to.equal(0);

    parent.appendChild(el);
    expect(el.controller.state).to.equal('loading');
    await oneEvent(el, 'wir-feed-load');
    expect(el.controller.state).to.equal('ready');
  });
});
