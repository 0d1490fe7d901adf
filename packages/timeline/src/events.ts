import type { TimelineKind } from '@wir/feed';

export interface EntrySelectDetail {
  /** The entry's id from the feed, e.g. "kickoff-phase-2". */
  id: string;
  /** Its kind: `phase`, `milestone` or `event`. */
  kind: TimelineKind;
}

/** The reader selected a timeline entry (opened it by its title); never fired for a property set. */
export class WirEntrySelectEvent extends Event {
  static readonly eventName = 'wir-entry-select';
  readonly detail: EntrySelectDetail;

  constructor(detail: EntrySelectDetail) {
    super(WirEntrySelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wir-entry-select': WirEntrySelectEvent;
  }
}
