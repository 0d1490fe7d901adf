import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localToday, parseDay } from './dates.js';

/**
 * "Today" for the timeline, as a day number: a fixed date when the host gives one (previews,
 * tests), else the reader's local date — and then the host re-renders just after midnight, so a
 * page left open overnight moves its "now" marker on its own.
 */
export class TodayController implements ReactiveController {
  #timer?: ReturnType<typeof setTimeout>;
  readonly #host: ReactiveControllerHost;
  readonly #fixed: () => string | undefined;
  readonly #clock: () => Date;

  constructor(host: ReactiveControllerHost, fixed: () => string | undefined, clock: () => Date = () => new Date()) {
    this.#host = host;
    this.#fixed = fixed;
    this.#clock = clock;
    host.addController(this);
  }

  /** The day number of today: the fixed date if it is a valid `YYYY-MM-DD`, else the local date. */
  get value(): number {
    return parseDay(this.#fixed()) ?? localToday(this.#clock());
  }

  hostConnected(): void {
    this.#schedule();
  }

  hostUpdated(): void {
    this.#schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (parseDay(this.#fixed()) !== undefined) return;
    const now = this.#clock();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    // Capped so a suspended laptop that wakes days later still refreshes within the hour.
    const wait = Math.min(Math.max(midnight.getTime() - now.getTime(), 1000), 3_600_000);
    this.#timer = setTimeout(() => this.#host.requestUpdate(), wait);
  }
}
