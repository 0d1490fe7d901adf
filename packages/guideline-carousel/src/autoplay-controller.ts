import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The timer the controller uses; tests inject a manual one. */
export interface AutoplayClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Read at call time, so fake timers installed after this module loaded still apply.
export const realClock: AutoplayClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
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

export interface Autoplay extends ReactiveController {
  /** Rotation is possible here: asked for, and the reader does not prefer reduced motion. */
  readonly available: boolean;
  /** Rotation is on (the rotation control offers "stop"), though it may be paused right now. */
  readonly playing: boolean;
  /** Slides are moving on their own right now (not paused by hover or focus). */
  readonly rotating: boolean;
  pause(reason: PauseReason): void;
  resume(reason: PauseReason): void;
  /** The rotation control: stop for good, or start again. */
  toggle(): void;
  /** A user moved the carousel: give them a full interval before the next automatic step. */
  restart(): void;
}

/**
 * Automatic rotation as the APG carousel pattern asks for it: never under
 * prefers-reduced-motion (re-read when the setting changes), paused while the pointer rests on
 * or focus is inside the carousel, and stopped for good once the user presses "stop".
 *
 * A closure rather than a class with private fields: its state then minifies to one letter a
 * name, in a controller every carousel download carries.
 */
export function autoplayController(host: ReactiveControllerHost & Node, options: AutoplayOptions): Autoplay {
  // The user pressed the rotation control to stop; only pressing it again restarts.
  let stoppedByUser = false;
  const pauses = new Set<PauseReason>();
  let timer: unknown;
  let timerClock: AutoplayClock | undefined;
  let media: MediaQueryList | undefined;

  const clearTimer = (): void => {
    if (timer !== undefined) timerClock?.clearTimeout(timer);
    timer = undefined;
  };

  const sync = (): void => {
    // Lit still updates a removed element (an update pending at removal, a listener of the
    // rotation's own event removing it): a timer started then would run on for good.
    if (!autoplay.rotating || !host.isConnected) {
      clearTimer();
    } else if (timer === undefined) {
      timerClock = options.clock();
      timer = timerClock.setTimeout(() => {
        timer = undefined;
        if (autoplay.rotating) options.onTick();
        sync();
      }, options.interval());
    }
  };

  const update = (): void => {
    sync();
    host.requestUpdate();
  };

  const autoplay: Autoplay = {
    get available() {
      // The reader asked the system for less motion. Read live rather than cached from the
      // change event: pages in background tabs get no media events, and a missed one must not
      // let a carousel rotate against the reader's setting.
      return options.enabled() && !media?.matches;
    },
    get playing() {
      return autoplay.available && !stoppedByUser;
    },
    get rotating() {
      return autoplay.playing && !pauses.size;
    },
    hostConnected() {
      // Absent in some test DOMs (jsdom): then there is no preference to respect.
      media = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
      media?.addEventListener('change', update);
      // Moved in the page (removed and put back): pick up where the removal stopped the timer.
      sync();
    },
    hostDisconnected() {
      media?.removeEventListener('change', update);
      media = undefined;
      // Removed while hovered or focused, it hears no pointerleave or focusout: a pause kept
      // now would stop the rotation for good once it is put back.
      pauses.clear();
      clearTimer();
    },
    hostUpdated: sync,
    pause(reason) {
      if (!pauses.has(reason)) {
        pauses.add(reason);
        update();
      }
    },
    resume(reason) {
      if (pauses.delete(reason)) update();
    },
    toggle() {
      stoppedByUser = !stoppedByUser;
      update();
    },
    restart() {
      clearTimer();
      sync();
    },
  };
  host.addController(autoplay);
  return autoplay;
}
