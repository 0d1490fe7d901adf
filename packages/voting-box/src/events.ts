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

/** Bubbling, composed, with a typed `detail`: the shape every public WIR event has. */
abstract class VoteEvent<T> extends Event {
  static readonly eventName: string;
  readonly detail: T;

  // The type is the subclass's `eventName`.
  constructor(detail: T) {
    super((new.target as typeof VoteEvent).eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The reader submitted a vote (before it is sent). Only ever fired by a user action. */
export class WirVoteSubmitEvent extends VoteEvent<VoteSubmitDetail> {
  static override readonly eventName = 'wir-vote-submit';
}

/** The vote API acknowledged the vote submitted in this element — at once or after retries. */
export class WirVoteAcceptEvent extends VoteEvent<VoteAcceptDetail> {
  static override readonly eventName = 'wir-vote-accept';
}

/** The vote API refused the vote submitted in this element for good (a 4xx other than 409/429). */
export class WirVoteRejectEvent extends VoteEvent<VoteRejectDetail> {
  static override readonly eventName = 'wir-vote-reject';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wir-vote-submit': WirVoteSubmitEvent;
    'wir-vote-accept': WirVoteAcceptEvent;
    'wir-vote-reject': WirVoteRejectEvent;
  }
}
