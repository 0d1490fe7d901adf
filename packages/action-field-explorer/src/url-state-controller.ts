import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { encodeState, readState, writeState } from './internal/url-state.js';
import type { UrlState } from './internal/url-state.js';

export type { UrlState } from './internal/url-state.js';

/** How a state change reaches the history: a new entry, the current entry, or the current entry after typing pauses. */
export type UrlWriteMode = 'push' | 'replace' | 'typing';

export interface UrlStateOptions {
  /** The explorer's segment name in the fragment (`wir-explorer` or `wir-explorer.<key>`). */
  name: () => string;
  /** The fragment changed under the explorer: back/forward, a link, or the host page's code. */
  onNavigate: (state: UrlState) => void;
  /** Pause after the last keystroke before the search words are written, in ms. */
  typingDelay?: number;
}

/**
 * Mirrors one explorer's state into its own segment of `location.hash` and back.
 *
 * Navigation (another field, a filter) adds a history entry with `pushState`, so Back returns to
 * the previous view; typing and opening a measure's details only replace the current entry, and
 * typing is written once the reader pauses (browsers throttle rapid history calls). Writes are
 * made when the page is next idle (within 100 ms), after the new view has been drawn. Writes via
 * the History API fire neither `popstate` nor `hashchange`, so only changes made by someone else
 * (Back/Forward, a link, the host page) come back through `onNavigate`.
 */
export class UrlStateController implements ReactiveController {
  // Writes wait until the browser is idle: a history call costs a few milliseconds (it goes to
  // the browser process), which would otherwise land in the frame that shows the new view.
  /** This explorer's part of the address as last read or written. */
  #known?: string;
  #queue: Array<{ state: UrlState; mode: 'push' | 'replace'; after?: (state: UrlState) => void }> = [];
  #timer?: { kind: 'idle' | 'timeout'; handle: number };

  readonly #options: UrlStateOptions;

  constructor(host: ReactiveControllerHost, options: UrlStateOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onLocationChange);
    window.addEventListener('hashchange', this.#onLocationChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onLocationChange);
    window.removeEventListener('hashchange', this.#onLocationChange);
    // What the reader did last should survive the widget leaving the page.
    this.flush();
  }

  /** The state in the URL now; undefined when the fragment holds nothing for this explorer. */
  read(): UrlState | undefined {
    const state = readState(location.hash, this.#options.name());
    this.#known = encodeState(state ?? {});
    return state;
  }

  /**
   * Reports a change of this explorer's part of the address that its listeners have not seen
   * yet. On Back/Forward a widget group's listener may run first (it was added earlier) and
   * the update it asks for comes before the explorer's own listener; the explorer catches up
   * here, so it still takes the step as Back/Forward rather than as another widget's choice.
   */
  sync(): void {
    if (this.#known !== undefined && this.#known !== encodeState(readState(location.hash, this.#options.name()) ?? {})) this.#onLocationChange();
  }

  /** Absolute URL of this page with `state` in place of the explorer's current segment. */
  href(state: UrlState): string {
    return location.href.split('#')[0] + writeState(location.hash, this.#options.name(), state);
  }

  /**
   * Queues `state` for the URL. A replace folds into the write before it (a pending push then
   * carries the newer state); typing is written once the reader pauses. `after` runs with the
   * state written once its entry is written (the widget group's selection goes into that same
   * entry), and not at all when the reader goes Back or Forward first: the entry it belonged
   * to was left.
   */
  write(state: UrlState, mode: UrlWriteMode, after?: (state: UrlState) => void): void {
    const last = this.#queue[this.#queue.length - 1];
    if (last && mode !== 'push') {
      last.state = state;
      last.after = after ?? last.after;
    } else this.#queue.push({ state, mode: mode === 'push' ? 'push' : 'replace', after });
    this.#schedule(mode === 'typing');
  }

  /** Writes everything queued now. */
  flush(): void {
    const queue = this.#queue;
    this.#cancel();
    for (const { state, mode, after } of queue) {
      this.#commit(state, mode);
      after?.(state);
    }
  }

  #schedule(typing: boolean): void {
    if (!typing && this.#timer?.kind === 'idle') return;
    this.#clearTimer();
    this.#timer = typing
      ? { kind: 'timeout', handle: setTimeout(() => this.flush(), this.#options.typingDelay ?? 400) as unknown as number }
      : typeof requestIdleCallback === 'function'
        ? { kind: 'idle', handle: requestIdleCallback(() => this.flush(), { timeout: 100 }) }
        : { kind: 'timeout', handle: setTimeout(() => this.flush(), 20) as unknown as number };
  }

  #clearTimer(): void {
    if (this.#timer?.kind === 'idle') cancelIdleCallback(this.#timer.handle);
    else if (this.#timer) clearTimeout(this.#timer.handle);
    this.#timer = undefined;
  }

  #cancel(): void {
    this.#clearTimer();
    this.#queue = [];
  }

  #commit(state: UrlState, mode: 'push' | 'replace'): void {
    this.#known = encodeState(state);
    const hash = writeState(location.hash, this.#options.name(), state);
    // location.hash is '' for both "no fragment" and a bare '#'; either way nothing changes.
    if (hash === location.hash) return;
    const url = location.href.split('#')[0] + hash;
    try {
      if (mode === 'push') history.pushState(null, '', url);
      // The host page (a router, say) may keep its own data in history.state: keep it.
      else history.replaceState(history.state, '', url);
    } catch {
      // Sandboxed frames and throttled history calls throw; the widget works without the URL.
    }
  }

  readonly #onLocationChange = (): void => {
    // Pending writes belong to the entry the reader just left: writing them now would
    // overwrite the entry they went to.
    this.#cancel();
    this.#options.onNavigate(this.read() ?? {});
  };
}
