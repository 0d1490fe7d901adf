import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { call, pollPath } from './vote-client.js';
import type { ServerPoll } from './vote-client.js';

export interface PollTarget {
  base: string;
  poll: string;
  /** The voter token, once this browser's vote was acknowledged (unlocks `after-vote` results). */
  voter?: string;
  /** Times (ms) at which the poll changes state by the clock: opens, closes. */
  boundaries: number[];
}

/** Longest wait setTimeout keeps (about 24.8 days); later boundaries are re-planned on the way. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Live poll state and results by polling `GET /v1/polls/{poll}` with `If-None-Match` — the
 * server's choice over server-sent events (docs/vote-api.md): an unchanged poll costs a `304`,
 * and no connection is held per reader. The next request waits the server's `refreshAfter`
 * (10 s while results are visible, longer otherwise); nothing is requested while the page is
 * hidden, and a page that becomes visible again asks at once if a request was due. The host
 * also re-renders when the poll opens or closes by the clock.
 *
 * Updates only re-render: no focus moves and no live region speaks (see the host for the
 * on-request announcement).
 */
export class PollStatusController implements ReactiveController {
  /** The last good answer. */
  data?: ServerPoll;
  /** The last request got no usable answer (the server's error code, or `network`). */
  error?: string;
  /** When the data was last confirmed by the server. */
  checked?: Date;

  #key?: string;
  #etag?: string | null;
  #timer?: ReturnType<typeof setTimeout>;
  #due = false;
  #failures = 0;
  #soon = false;
  readonly #host: ReactiveControllerHost & Element;
  readonly #target: () => PollTarget | undefined;

  constructor(
    host: ReactiveControllerHost & Element,
    target: () => PollTarget | undefined,
  ) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (this.#key) void this.refresh();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
  }

  // Runs before each render: a new poll, API or voter token starts over with a fresh request.
  hostUpdate(): void {
    const target = this.#target();
    const key = target && `${target.base}|${target.poll}|${target.voter ?? ''}`;
    if (key === this.#key) return;
    const samePoll = target && this.#key?.startsWith(`${target.base}|${target.poll}|`);
    this.#key = key;
    this.#etag = undefined;
    this.#failures = 0;
    if (!samePoll) {
      this.data = undefined;
      this.error = undefined;
    }
    // Only the voter changed: a vote was just counted. The server caches totals for a second,
    // so a second look shortly after shows the reader's own vote in the results.
    this.#soon = !!samePoll;
    // Without a target, this only stops the timer.
    void this.refresh();
  }

  /** Asks the server now (also the "update results" button). Resolves when the answer is in. */
  async refresh(): Promise<void> {
    const target = this.#target();
    clearTimeout(this.#timer);
    if (!target) return;
    // A hidden page asks once it is visible again.
    this.#due = document.hidden;
    if (this.#due) return;
    const key = this.#key;
    const answer = await call<ServerPoll>(target.base, pollPath(target.poll), undefined, target.voter, this.#etag);
    // A removed widget plans no further request (it asks again when it is connected again).
    if (key !== this.#key || !this.#host.isConnected) return;
    if (answer.body || answer.status === 304) {
      if (answer.body) {
        this.data = answer.body;
        this.#etag = answer.etag;
      }
      this.error = undefined;
      this.#failures = 0;
      this.checked = new Date();
    } else {
      this.error = answer.error;
      this.#failures++;
    }
    this.#host.requestUpdate();
    this.#plan(target);
  }

  #plan(target: PollTarget): void {
    const now = Date.now();
    const wait = this.error
      ? Math.min(60, 5 * 2 ** (this.#failures - 1)) * 1000
      : this.#soon
        ? 1500
        : Math.max(this.data?.refreshAfter ?? 60, 5) * 1000;
    this.#soon = false;
    const boundary = target.boundaries.filter((t) => t > now).map((t) => t - now + 500);
    this.#timer = setTimeout(() => {
      this.#host.requestUpdate();
      void this.refresh();
    }, Math.min(wait, ...boundary, MAX_TIMEOUT));
  }

  readonly #onVisibility = (): void => {
    if (!document.hidden && this.#due) void this.refresh();
  };
}
