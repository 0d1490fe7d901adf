import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface AnnounceOptions {
  /** The one polite live region of the host (present in the DOM before anything is announced). */
  region: () => HTMLElement | null | undefined;
  /** Quiet time after the last request before speaking, in ms. */
  delay?: number;
}

/**
 * Speaks short status messages ("12 Maßnahmen gefunden") through a single polite live region,
 * debounced: a reader typing "sprachkurs" hears one result count after they pause, not ten.
 * The message is computed when it is spoken, so it describes the final state.
 */
export class AnnounceController implements ReactiveController {
  #timer?: ReturnType<typeof setTimeout>;
  #message?: () => string;
  #flip = false;

  readonly #options: AnnounceOptions;

  constructor(host: ReactiveControllerHost, options: AnnounceOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  /** Asks to speak `message()` once things have been quiet for the delay. */
  announce(message: () => string): void {
    this.#message = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#options.delay ?? 600);
  }

  /** Speaks a pending message now (e.g. when the reader pressed Enter in the search field). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const message = this.#message;
    this.#message = undefined;
    const region = this.#options.region();
    if (!message || !region) return;
    // Screen readers skip a live region whose text did not change; an invisible no-break space
    // toggled at the end makes a repeated count ("3 Maßnahmen gefunden" twice) heard again.
    this.#flip = !this.#flip;
    region.textContent = message() + (this.#flip ? '\u00a0' : '');
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#message = undefined;
  }
}
