export interface SlideChangeDetail {
  /** Zero-based position of the slide now shown. */
  index: number;
  /** The guideline's id from the feed, e.g. "leitlinie-3". */
  id: string;
  /** The guideline's number from the feed. */
  number: number;
  /** What moved the carousel: a person (`user`) or automatic rotation (`rotation`). */
  cause: 'user' | 'rotation';
}

/** Another slide is shown because of a user action or auto-rotation (never a property set). */
export class WirSlideChangeEvent extends Event {
  static readonly eventName = 'wir-slide-change';
  readonly detail: SlideChangeDetail;

  constructor(detail: SlideChangeDetail) {
    super(WirSlideChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wir-slide-change': WirSlideChangeEvent;
  }
}
