/**
 * A feed URL that never answers, for the loading state in a static Storybook (which has no server
 * that could hold a request open). The first story that renders with it wraps `fetch` once: that
 * one path gets a promise that stays pending until the request is aborted; every other request
 * goes to the real `fetch` unchanged. Nothing is faked inside the widget — it makes its ordinary
 * request and sees an ordinary slow network.
 */
export const PENDING_FEED_URL = '/__wir-stories__/pending-feed.json';

let installed = false;

function urlOf(input: RequestInfo | URL): URL {
  const raw = input instanceof Request ? input.url : String(input);
  return new URL(raw, globalThis.location?.href);
}

/** Makes requests to PENDING_FEED_URL hang until aborted. Safe to call many times. */
export function installPendingFeedRoute(): void {
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (urlOf(input).pathname !== PENDING_FEED_URL) return realFetch(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise<Response>((_resolve, reject) => {
      const abort = (): void =>
        reject(signal?.reason ?? new DOMException('The request was aborted.', 'AbortError'));
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    });
  };
}
