import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells whether an element inside the host scrolls horizontally, and whether it is scrolled to
 * either end. A scroll container must itself be focusable for keyboard users when it can scroll
 * (WCAG 2.1.1), but a tab stop that scrolls nothing is noise — so the host sets `tabindex` and
 * shows its scroll buttons only while the content really overflows.
 */
export class OverflowController implements ReactiveController {
  /** True while the observed element's content is wider than its box. */
  overflowing = false;
  /** Scrolled to the inline start (the left in LTR, the right in RTL). */
  atStart = true;
  /** Scrolled to the inline end. */
  atEnd = true;

  #observed?: HTMLElement;
  // Resizes and scrolls both measure again. One observer for the controller's life: disconnect()
  // leaves it ready to observe again.
  readonly #measure = () => this.#update();
  readonly #observer = new ResizeObserver(this.#measure);
  readonly #host: ReactiveControllerHost;
  readonly #target: () => HTMLElement | null | undefined;

  constructor(host: ReactiveControllerHost, target: () => HTMLElement | null | undefined) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#observe(undefined);
  }

  // Content changes (filters, opened details) change the scroll width without resizing the box,
  // so every render measures again too.
  hostUpdated(): void {
    const element = this.#target() ?? undefined;
    if (element !== this.#observed) this.#observe(element);
    // Measured after the update has finished, so a change asks for a fresh update rather than
    // changing state in the middle of this one.
    void this.#host.updateComplete.then(this.#measure);
  }

  #observe(element: HTMLElement | undefined): void {
    this.#observer.disconnect();
    this.#observed?.removeEventListener('scroll', this.#measure);
    element?.addEventListener('scroll', this.#measure, { passive: true });
    if (element) this.#observer.observe(element);
    this.#observed = element;
  }

  #update(): void {
    const element = this.#observed;
    const overflowing = !!element && element.scrollWidth > element.clientWidth + 1;
    // scrollLeft runs from 0 towards negative values in RTL, so its magnitude is the distance
    // from the inline start in both directions.
    const offset = element ? Math.abs(element.scrollLeft) : 0;
    const atStart = !overflowing || offset < 1;
    const atEnd = !overflowing || offset + element!.clientWidth >= element!.scrollWidth - 1;
    if (overflowing !== this.overflowing || atStart !== this.atStart || atEnd !== this.atEnd) {
      this.overflowing = overflowing;
      this.atStart = atStart;
      this.atEnd = atEnd;
      this.#host.requestUpdate();
    }
  }
}
