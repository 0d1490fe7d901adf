export interface VoteSubmitDetail {
  /** The poll's id from the feed. */
  poll: string;
  /** The chosen option ids, in the poll's order. */
  options: string[];
}

export interface VoteAcceptDetail extends VoteSubmitDetail {
  /** True when the server had already counted this vote (a replay, `200`) or another vote from this browser (`already-voted`). */
  replayed: boolean;
}

export interface VoteRejectDetail {
  poll: string;
  /** The vote API's error code, e.g. `poll-closed`, `unknown-option`. */
  reason: string;
}

/** The reader submitted a vote (before it is sent). Only ever fired by a user action. */
export class WirVoteSubmitEvent extends Event {
  static readonly eventName = 'wir-vote-submit';
  readonly detail: VoteSubmitDetail;

  constructor(detail: VoteSubmitDetail) {
    super(WirVoteSubmitEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The vote API acknowledged the vote submitted in this element — at once or after retries. */
export class WirVoteAcceptEvent extends Event {
  static readonly eventName = 'wir-vote-accept';
  readonly detail: VoteAcceptDetail;

  constructor(detail: VoteAcceptDetail) {
    super(WirVoteAcceptEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The vote API refused the vote submitted in this element for good (a 4xx other than 409/429). */
export class WirVoteRejectEvent extends Event {
  static readonly eventName = 'wir-vote-reject';
  readonly detail: VoteRejectDetail;

  constructor(detail: VoteRejectDetail) {
    super(WirVoteRejectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wir-vote-submit': WirVoteSubmitEvent;
    'wir-vote-accept': WirVoteAcceptEvent;
    'wir-vote-reject': WirVoteRejectEvent;
  }
}
