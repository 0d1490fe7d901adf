export interface FieldSelectDetail {
  /** The action field now shown, e.g. "bildung"; null when the reader went back to the overview. */
  id: string | null;
  /** The field's number from the feed; null with the overview. */
  number: number | null;
  /** What moved the explorer: the reader inside the widget (`user`) or the browser's back/forward (`history`). */
  cause: 'user' | 'history';
}

/**
 * The reader opened an action field (or returned to the overview): by a click or key press in
 * the explorer, or with the browser's back/forward buttons. Never fired when the page sets
 * `field`, nor when the explorer restores a deep link on load.
 */
export class WirFieldSelectEvent extends Event {
  static readonly eventName = 'wir-field-select';
  readonly detail: FieldSelectDetail;

  constructor(detail: FieldSelectDetail) {
    super(WirFieldSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wir-field-select': WirFieldSelectEvent;
  }
}
