import type { ReactiveControllerHost } from 'lit';

/** Minimum horizontal travel of a swipe, in CSS pixels. */
const THRESHOLD = 40;

/**
 * Horizontal swipes on touch screens and pens, from pointer events. The slide area has
 * `touch-action: pan-y`, so vertical scrolling stays with the browser and horizontal moves reach
 * us. Mouse drags are ignored: they select text.
 *
 * `accepts` says whether a pointer that went down on this path may start a swipe (the slide
 * area); `onSwipe` hears the physical direction the finger moved.
 */
export function swipeController(
  host: ReactiveControllerHost & HTMLElement,
  accepts: (path: EventTarget[]) => boolean,
  onSwipe: (towards: 'left' | 'right') => void,
): void {
  let start: { id: number; x: number; y: number } | undefined;
  const listeners: Record<string, (event: PointerEvent) => void> = {
    pointerdown(event) {
      if (event.pointerType != 'mouse' && event.isPrimary && accepts(event.composedPath())) {
        start = { id: event.pointerId, x: event.clientX, y: event.clientY };
      }
    },
    pointerup(event) {
      const from = start;
      if (!from || event.pointerId !== from.id) return;
      start = undefined;
      const dx = event.clientX - from.x;
      // Mostly sideways, and far enough that a tap or a shaky scroll does not count.
      if (Math.abs(dx) >= THRESHOLD && Math.abs(dx) > Math.abs(event.clientY - from.y) * 1.5) {
        onSwipe(dx < 0 ? 'left' : 'right');
      }
    },
    pointercancel() {
      start = undefined;
    },
  };
  const listen = (on: boolean): void => {
    for (const type in listeners) host[on ? 'addEventListener' : 'removeEventListener'](type, listeners[type] as EventListener);
  };
  host.addController({
    hostConnected: () => listen(true),
    hostDisconnected() {
      listen(false);
      start = undefined;
    },
  });
}
