import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SwipeOptions {
  /** Whether a pointer that went down on this path may start a swipe (the slide area). */
  accepts: (path: EventTarget[]) => boolean;
  /** A horizontal swipe ended; `towards` is the physical direction the finger moved. */
  onSwipe: (towards: 'left' | 'right') => void;
  /** Minimum horizontal travel in CSS pixels. */
  threshold?: number;
}

/**
 * Horizontal swipes on touch screens and pens, from pointer events. The slide area has
 * `touch-action: pan-y`, so vertical scrolling stays with the browser and horizontal moves reach
 * us. Mouse drags are ignored: they select text.
 */
export class SwipeController implements ReactiveController {
  #start?: { id: number; x: number; y: number };

  readonly #onDown = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    if (!this.#options.accepts(event.composedPath())) return;
    this.#start = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };

  readonly #onUp = (event: PointerEvent) => {
    const start = this.#start;
    if (!start || event.pointerId !== start.id) return;
    this.#start = undefined;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    // Mostly sideways, and far enough that a tap or a shaky scroll does not count.
    if (Math.abs(dx) >= (this.#options.threshold ?? 40) && Math.abs(dx) > Math.abs(dy) * 1.5) {
      this.#options.onSwipe(dx < 0 ? 'left' : 'right');
    }
  };

  readonly #onCancel = () => {
    this.#start = undefined;
  };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: SwipeOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SwipeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#onDown);
    this.#host.addEventListener('pointerup', this.#onUp);
    this.#host.addEventListener('pointercancel', this.#onCancel);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onDown);
    this.#host.removeEventListener('pointerup', this.#onUp);
    this.#host.removeEventListener('pointercancel', this.#onCancel);
    this.#start = undefined;
  }
}
