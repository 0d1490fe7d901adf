import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadFeedPart } from '@wir/feed';
import type { Feed, FeedError, FeedResult, Spec } from '@wir/feed';
import { WirFeedErrorEvent, WirFeedLoadEvent } from './events.js';

export type FeedState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads the strategy feed for one element and keeps its state: `idle` (no URL yet), `loading`,
 * `ready` (result set; `stale` when it is a last-good copy) or `error` (error set).
 *
 * The URL is read from the host before every update, so a changed `src` starts a new load in
 * the same update that renders the loading state. Leaving the page aborts only this element's
 * request (others sharing it in @wir/feed keep theirs); coming back loads again.
 */
export class FeedController implements ReactiveController {
  state: FeedState = 'idle';
  result?: FeedResult;
  error?: FeedError;

  #url?: string;
  #abortController?: AbortController;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  // Answers of superseded loads (src changed, element left) are dropped by comparing this.
  #generation = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getUrl: () => string | undefined;
  readonly #part: Spec;

  /** `part`: the spec of the part of the feed the host reads (see WirElement.feedPart). */
  constructor(host: ReactiveControllerHost & HTMLElement, getUrl: () => string | undefined, part: Spec) {
    this.#host = host;
    this.#getUrl = getUrl;
    this.#part = part;
    host.addController(this);
  }

  /** The validated feed once `state` is `ready`. */
  get feed(): Feed | undefined {
    return this.result?.feed;
  }

  /** True when the network failed and the feed shown is the last good copy. */
  get stale(): boolean {
    return this.result?.stale ?? false;
  }

  hostConnected(): void {
    this.#sync();
    // Back on the page with a last-good copy: resume asking for a fresh one.
    if (this.state === 'ready') this.#watch();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unwatch();
    if (this.state === 'loading') {
      this.#abortController?.abort();
      this.#generation++;
      this.state = 'idle';
      this.#url = undefined;
    }
  }

  /** Clears a failed load and asks the server again, bypassing the page's feed cache. */
  retry(): void {
    if (this.state === 'loading') return;
    this.#start(this.#getUrl(), true);
  }

  #sync(): void {
    const url = this.#getUrl();
    if (url !== this.#url) this.#start(url, false);
  }

  /**
   * While a last-good copy is shown, ask again when the browser reports the network back and
   * every 30 s. The timers of all widgets fire at the same wall-clock moment, so they share one
   * request. A fresh answer replaces the copy in place: no loading view, the reader keeps their
   * place and focus.
   */
  #watch(): void {
    this.#unwatch();
    if (!this.stale) return;
    addEventListener('online', this.#refresh);
    this.#refreshTimer = setTimeout(this.#refresh, 30000 - (Date.now() % 30000));
  }

  #unwatch(): void {
    removeEventListener('online', this.#refresh);
    clearTimeout(this.#refreshTimer);
  }

  #refresh = (): void => {
    this.#unwatch();
    const generation = this.#generation;
    loadFeedPart(this.#part, this.#url!, { reload: true }).then(
      (result) => {
        if (generation !== this.#generation) return;
        this.result = result;
        this.#settle(generation, () => new WirFeedLoadEvent(result), false);
      },
      // A content error now (the server is back with a broken feed) keeps the copy on screen.
      () => generation === this.#generation && this.#watch(),
    );
  };

  #start(url: string | undefined, reload: boolean): void {
    // A retry started from inside the widget (its button) must not leave keyboard focus on
    // <body> once the loading view replaced the button (WCAG 2.4.3); see #settle.
    const refocus = reload && this.#host.matches(':focus-within');
    this.#abortController?.abort();
    this.#abortController = undefined;
    this.#unwatch();
    const generation = ++this.#generation;
    this.#url = url;
    this.error = undefined;
    this.result = undefined;
    this.state = url ? 'loading' : 'idle';
    this.#host.requestUpdate();
    if (!url) return;

    const abortController = new AbortController();
    this.#abortController = abortController;
    loadFeedPart(this.#part, url, { signal: abortController.signal, reload }).then(
      (result) => {
        if (generation !== this.#generation) return;
        this.state = 'ready';
        this.result = result;
        this.#settle(generation, () => new WirFeedLoadEvent(result), refocus);
      },
      (reason: unknown) => {
        if (generation !== this.#generation) return;
        // loadFeed rejects with FeedError only; it wraps anything else (a hostile fetch shim).
        const error = reason as FeedError;
        if (error.kind === 'aborted') return;
        this.state = 'error';
        this.error = error;
        this.#settle(generation, () => new WirFeedErrorEvent(error), refocus);
      },
    );
  }

  // Events go out after the render, so a listener already finds the new content in the DOM.
  // After a retry from inside the widget, focus goes to the error view's one button (retry), else
  // to where the content starts: the first rendered element, made focusable by script (tabIndex
  // is -1 unless it is a tab stop already). Not when focus has moved on meanwhile.
  #settle(generation: number, event: () => Event, refocus: boolean): void {
    this.#watch();
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      if (generation !== this.#generation) return;
      this.#host.dispatchEvent(event());
      if (refocus && document.activeElement === document.body) {
        const target = this.#host.shadowRoot!.querySelector<HTMLElement>(this.error ? 'button' : '*')!;
        target.tabIndex = target.tabIndex;
        target.focus();
      }
    });
  }
}
