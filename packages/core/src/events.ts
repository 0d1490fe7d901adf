import type { FeedError, FeedResult } from '@wir/feed';

/** The feed arrived and passed validation (also fired for a stale last-good copy). */
export class WirFeedLoadEvent extends Event {
  static readonly eventName = 'wir-feed-load';
  readonly detail: { result: FeedResult };

  constructor(result: FeedResult) {
    super(WirFeedLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = { result };
  }
}

/** The feed could not be loaded or is invalid; the widget shows its error state. */
export class WirFeedErrorEvent extends Event {
  static readonly eventName = 'wir-feed-error';
  readonly detail: { error: FeedError };

  constructor(error: FeedError) {
    super(WirFeedErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = { error };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wir-feed-load': WirFeedLoadEvent;
    'wir-feed-error': WirFeedErrorEvent;
  }
}
