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

  /** Clears a failed load and asks the server again, bypassing the page's feed cache. */
  readonly retry: () => void;
  readonly hostConnected: () => void;
  readonly hostUpdate: () => void;
  readonly hostDisconnected: () => void;

  /** `part`: the spec of the part of the feed the host reads (see WirElement.feedPart). */
  constructor(host: ReactiveControllerHost & HTMLElement, getUrl: () => string | undefined, part: Spec) {
    // The controller's own state lives in this closure rather than in private fields: every
    // widget's shared chunk carries it, and local names minify to one letter.
    let url: string | undefined;
    let abortController: AbortController | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    // Answers of superseded loads (src changed, element left) are dropped by comparing this.
    let generation = 0;

    const unwatch = (): void => {
      removeEventListener('online', refresh);
      clearTimeout(refreshTimer);
    };

    /*
     * While a last-good copy is shown, ask again when the browser reports the network back and
     * every 30 s. The timers of all widgets fire at the same wall-clock moment, so they share one
     * request. A fresh answer replaces the copy in place: no loading view, the reader keeps their
     * place and focus.
     */
    const watch = (): void => {
      unwatch();
      if (!this.stale) return;
      addEventListener('online', refresh);
      refreshTimer = setTimeout(refresh, 30000 - (Date.now() % 30000));
    };

    // Events go out after the render, so a listener already finds the new content in the DOM.
    // After a retry from inside the widget, focus goes to the error view's one button (retry),
    // else to where the content starts: the first rendered element, made focusable by script
    // (tabIndex is -1 unless it is a tab stop already). Not when focus has moved on meanwhile.
    const settle = (current: number, event: () => Event, refocus?: boolean): void => {
      watch();
      host.requestUpdate();
      void host.updateComplete.then(() => {
        if (current !== generation) return;
        host.dispatchEvent(event());
        if (refocus && document.activeElement === document.body) {
          const target = host.shadowRoot!.querySelector<HTMLElement>(this.error ? 'button' : '*')!;
          target.tabIndex = target.tabIndex;
          target.focus();
        }
      });
    };

    const refresh = (): void => {
      unwatch();
      const current = generation;
      loadFeedPart(part, url!, { reload: true }).then(
        (result) => {
          if (current !== generation) return;
          // Still offline: the same saved copy again, so no new render or load event.
          if (result.stale) return watch();
          this.result = result;
          settle(current, () => new WirFeedLoadEvent(result));
        },
        // A content error now (the server is back with a broken feed) keeps the copy on screen.
        // watch() reads what is shown now: after a newer load it watches only a saved copy (a
        // widget removed meanwhile asks on until the network is back, then stops).
        watch,
      );
    };

    const start = (next: string | undefined, reload: boolean): void => {
      // A retry started from inside the widget (its button) must not leave keyboard focus on
      // <body> once the loading view replaced the button (WCAG 2.4.3); see settle.
      const refocus = reload && host.matches(':focus-within');
      abortController?.abort();
      abortController = undefined;
      unwatch();
      const current = ++generation;
      url = next;
      this.error = undefined;
      this.result = undefined;
      this.state = next ? 'loading' : 'idle';
      host.requestUpdate();
      if (!next) return;

      const signal = (abortController = new AbortController()).signal;
      loadFeedPart(part, next, { signal, reload }).then(
        (result) => {
          if (current !== generation) return;
          this.state = 'ready';
          this.result = result;
          settle(current, () => new WirFeedLoadEvent(result), refocus);
        },
        (reason: unknown) => {
          if (current !== generation) return;
          // loadFeed rejects with FeedError only; it wraps anything else (a hostile fetch shim).
          const error = reason as FeedError;
          if (error.kind === 'aborted') return;
          this.state = 'error';
          this.error = error;
          settle(current, () => new WirFeedErrorEvent(error), refocus);
        },
      );
    };

    const sync = (): void => {
      const next = getUrl();
      if (next !== url) start(next, false);
    };

    this.hostConnected = () => {
      sync();
      // Back on the page with a last-good copy: resume asking for a fresh one.
      if (this.state === 'ready') watch();
    };
    this.hostUpdate = sync;
    this.hostDisconnected = () => {
      unwatch();
      if (this.state === 'loading') {
        abortController?.abort();
        generation++;
        this.state = 'idle';
        url = undefined;
      }
    };
    this.retry = () => {
      if (this.state !== 'loading') start(getUrl(), true);
    };
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
}
