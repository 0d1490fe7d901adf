import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The timer the controller uses; tests inject a manual one. */
export interface AutoplayClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: AutoplayClock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type PauseReason = 'hover' | 'focus';

export interface AutoplayOptions {
  /** Advances one slide. */
  onTick: () => void;
  /** Milliseconds between slides. */
  interval: () => number;
  /** Whether the author asked for autoplay at all (`autoplay` attribute). */
  enabled: () => boolean;
  clock: () => AutoplayClock;
}

/**
 * Automatic rotation as the APG carousel pattern asks for it: never under
 * prefers-reduced-motion (re-read when the setting changes), paused while the pointer rests on
 * or focus is inside the carousel, and stopped for good once the user presses "stop".
 */
export class AutoplayController implements ReactiveController {
  /** The user pressed the rotation control to stop; only pressing it again restarts. */
  stoppedByUser = false;

  readonly #pauses = new Set<PauseReason>();
  #timer: unknown;
  #timerClock?: AutoplayClock;
  #media?: MediaQueryList;

  readonly #onMediaChange = () => {
    this.#sync();
    this.#host.requestUpdate();
  };

  readonly #host: ReactiveControllerHost;
  readonly #options: AutoplayOptions;

  constructor(host: ReactiveControllerHost, options: AutoplayOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * The reader asked the system for less motion. Read live rather than cached from the change
   * event: pages in background tabs get no media events, and a missed one must not let a
   * carousel rotate against the reader's setting.
   */
  get reducedMotion(): boolean {
    return this.#media?.matches ?? false;
  }

  /** Rotation is possible here: asked for, and the reader does not prefer reduced motion. */
  get available(): boolean {
    return this.#options.enabled() && !this.reducedMotion;
  }

  /** Rotation is on (the rotation control offers "stop"), though it may be paused right now. */
  get playing(): boolean {
    return this.available && !this.stoppedByUser;
  }

  /** Slides are moving on their own right now (not paused by hover or focus). */
  get rotating(): boolean {
    return this.playing && this.#pauses.size === 0;
  }

  hostConnected(): void {
    if (typeof matchMedia === 'function') {
      this.#media = matchMedia('(prefers-reduced-motion: reduce)');
      this.#media.addEventListener('change', this.#onMediaChange);
    }
    // Moved in the page (removed and put back): pick up where the removal stopped the timer.
    this.#sync();
  }

  hostDisconnected(): void {
    this.#media?.removeEventListener('change', this.#onMediaChange);
    this.#media = undefined;
    this.#clearTimer();
  }

  hostUpdated(): void {
    this.#sync();
  }

  pause(reason: PauseReason): void {
    if (this.#pauses.has(reason)) return;
    this.#pauses.add(reason);
    this.#sync();
    this.#host.requestUpdate();
  }

  resume(reason: PauseReason): void {
    if (!this.#pauses.delete(reason)) return;
    this.#sync();
    this.#host.requestUpdate();
  }

  /** The rotation control: stop for good, or start again. */
  toggle(): void {
    this.stoppedByUser = !this.stoppedByUser;
    this.#sync();
    this.#host.requestUpdate();
  }

  /** A user moved the carousel: give them a full interval before the next automatic step. */
  restart(): void {
    this.#clearTimer();
    this.#sync();
  }

  #sync(): void {
    // Lit still updates a removed element (an update pending at removal, a listener of the
    // rotation's own event removing it): a timer started then would run on for good.
    if (!this.rotating || !(this.#host as unknown as Node).isConnected) {
      this.#clearTimer();
    } else if (this.#timer === undefined) {
      const clock = this.#options.clock();
      this.#timerClock = clock;
      this.#timer = clock.setTimeout(() => {
        this.#timer = undefined;
        if (this.rotating) this.#options.onTick();
        this.#sync();
      }, this.#options.interval());
    }
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#timerClock?.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
