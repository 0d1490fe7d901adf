import type { FeedProblem } from './problems.js';
import type { Feed } from './schema.js';
import { validateFeed } from './validate.js';

export type FeedErrorKind =
  | 'network'
  | 'http'
  | 'content-type'
  | 'not-json'
  | 'too-large'
  | 'invalid'
  | 'unsupported-version'
  | 'aborted';

/** Why a feed could not be loaded; `message` is a plain English sentence naming the URL. */
export class FeedError extends Error {
  kind: FeedErrorKind;
  /** Absolute URL of the feed. */
  url: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Validation problems for kinds 'invalid' and 'unsupported-version'; otherwise empty. */
  problems: FeedProblem[];

  constructor(
    kind: FeedErrorKind,
    message: string,
    url: string,
    extra: { status?: number; problems?: FeedProblem[]; cause?: unknown } = {},
  ) {
    // Error reads only `cause` from its options, and only when the key is present.
    super(message, extra);
    this.name = 'FeedError';
    this.kind = kind;
    this.url = url;
    this.status = extra.status;
    this.problems = extra.problems ?? [];
  }
}

export interface LoadFeedOptions {
  /** Aborts this caller's wait only; the request stops when every waiter aborted. */
  signal?: AbortSignal;
  /** Fetch again even when this page already loaded the feed. */
  reload?: boolean;
  /** Largest accepted body in bytes; default 5 MiB. */
  maxBytes?: number;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface FeedResult {
  feed: Feed;
  /** Absolute URL the feed was requested from. */
  url: string;
  /** True when the feed is a last-good copy because loading failed; `staleReason` says why. */
  stale: boolean;
  staleReason?: FeedError;
  /** When this copy of the feed was fetched. */
  loadedAt: Date;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const STORAGE_PREFIX = 'wir-feed:last-good:';

interface Flight {
  promise: Promise<FeedResult>;
  controller: AbortController;
  waiters: number;
}

interface Good {
  feed: Feed;
  loadedAt: Date;
}

const flights = new Map<string, Flight>();
const settled = new Map<string, FeedResult>();
const lastGood = new Map<string, Good>();
// Bumped by clearFeedCache so that requests started before it cannot refill the cleared cache.
let generation = 0;

const ignore = (): void => {};
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MiB`;
const aborted = (url: string): FeedError => new FeedError('aborted', `Loading the feed from ${url} was aborted.`, url);

function absolute(input: string | URL): string {
  try {
    // An empty src would otherwise resolve to the host page itself.
    if (!(input instanceof URL) && (typeof input != 'string' || !input.trim())) throw new TypeError('no URL');
    const url = new URL(String(input), globalThis.document?.baseURI ?? globalThis.location?.href);
    url.hash = '';
    return url.href;
  } catch (cause) {
    throw new FeedError('network', `${JSON.stringify(String(input))} is not a valid feed URL.`, String(input), {
      cause,
    });
  }
}

function store(url: string, good: Good): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + url, JSON.stringify({ loadedAt: good.loadedAt.toISOString(), feed: good.feed }));
  } catch {
    // Storage may be blocked (sandboxed iframe, privacy settings) or full: the memory copy still works.
  }
}

function restore(url: string): Good | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + url) ?? 'null');
    // The stored copy may come from an older release of this package or be tampered with.
    const checked = validateFeed(saved?.feed);
    if (checked.ok) return { feed: checked.feed, loadedAt: new Date(saved.loadedAt) };
  } catch {
    // Blocked storage or a corrupt entry: behave as if there were no copy.
  }
  return undefined;
}

function notJsonMessage(url: string, text: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  const position = /position (\d+)/.exec(reason);
  let where = '';
  if (position && !/line \d+/.test(reason)) {
    const before = text.slice(0, +position[1]).split('\n');
    where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
  }
  const hint = text.trimStart().startsWith('<') ? ' It looks like HTML or XML.' : '';
  return text.trim()
    ? `The feed at ${url} is not valid JSON${where}: ${reason}.${hint}`
    : `The feed at ${url} is empty.`;
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = (size: string): FeedError =>
    new FeedError('too-large', `The feed at ${url} is larger than the limit of ${mib(maxBytes)} (${size}).`, url, {
      status: response.status,
    });
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    response.body?.cancel().catch(ignore);
    throw tooLarge(mib(declared));
  }
  if (!response.body) {
    const text = await response.text();
    if (text.length > maxBytes) throw tooLarge(mib(text.length));
    return text;
  }
  // Count bytes as they arrive: Content-Length may be absent (chunked) or describe a compressed body.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      reader.cancel().catch(ignore);
      throw tooLarge(`more than ${mib(received)} received`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function fetchFeed(url: string, options: LoadFeedOptions, signal: AbortSignal): Promise<Feed> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      signal,
      headers: { accept: 'application/json' },
      cache: options.reload ? 'no-cache' : 'default',
    });
  } catch (cause) {
    if (signal.aborted) throw aborted(url);
    throw new FeedError(
      'network',
      `Could not load the feed from ${url}: the network request failed (${cause instanceof Error ? cause.message : cause}).`,
      url,
      { cause },
    );
  }
  // A custom fetch (options.fetch, or a page's shim) may hand back anything.
  if (!response?.headers) throw new FeedError('network', `Could not load the feed from ${url}: fetch returned no response.`, url);
  const { status } = response;
  if (!response.ok) {
    response.body?.cancel().catch(ignore);
    throw new FeedError(
      'http',
      `The server answered ${status}${response.statusText ? ' ' + response.statusText : ''} for the feed at ${url}.`,
      url,
      { status },
    );
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type != 'application/json' && !type.endsWith('+json')) {
    response.body?.cancel().catch(ignore);
    throw new FeedError(
      'content-type',
      /html/.test(type)
        ? `Expected JSON from ${url}, but an HTML page was received (Content-Type ${type}). The address may be wrong, or the server sent an error page.`
        : `Expected JSON from ${url}, but the server sent Content-Type ${type || '(none)'}; a feed must be served as application/json.`,
      url,
      { status },
    );
  }
  let text: string;
  try {
    text = await readBody(response, url, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (cause) {
    if (signal.aborted) throw aborted(url);
    if (cause instanceof FeedError) throw cause;
    throw new FeedError('network', `The connection broke while loading the feed from ${url}.`, url, { status, cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new FeedError('not-json', notJsonMessage(url, text, cause), url, { status, cause });
  }
  const checked = validateFeed(data);
  if (checked.ok) return checked.feed;
  const { problems } = checked;
  const [first] = problems;
  if (first.code == 'unsupported-version')
    throw new FeedError('unsupported-version', `${first.message} (${url})`, url, { status, problems });
  throw new FeedError(
    'invalid',
    `The feed at ${url} has ${problems.length} problem${problems.length > 1 ? 's' : ''}. First: ${first.path}: ${first.message}`,
    url,
    { status, problems },
  );
}

function start(url: string, options: LoadFeedOptions): Flight {
  const controller = new AbortController();
  const gen = generation;
  const current = (): boolean => gen == generation;
  const flight: Flight = { controller, waiters: 0, promise: undefined! };
  flight.promise = fetchFeed(url, options, controller.signal)
    .then(
      (feed): FeedResult => {
        const good = { feed, loadedAt: new Date() };
        const result = { ...good, url, stale: false };
        if (current()) {
          settled.set(url, result);
          lastGood.set(url, good);
        }
        store(url, good);
        return result;
      },
      (reason: unknown): FeedResult => {
        const error =
          reason instanceof FeedError
            ? reason
            : new FeedError('network', `Could not load the feed from ${url}: ${reason}`, url, { cause: reason });
        const good = (error.kind == 'network' || error.kind == 'http') && (lastGood.get(url) ?? restore(url));
        if (!good) throw error;
        const result = { ...good, url, stale: true, staleReason: error };
        if (current()) settled.set(url, result);
        return result;
      },
    )
    .finally(() => {
      if (flights.get(url) == flight) flights.delete(url);
    });
  // When every waiter aborted nobody listens any more; that rejection is expected.
  flight.promise.catch(ignore);
  flights.set(url, flight);
  return flight;
}

function join(url: string, flight: Flight, signal: AbortSignal | undefined): Promise<FeedResult> {
  flight.waiters++;
  if (!signal) return flight.promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(aborted(url));
      if (--flight.waiters <= 0) {
        if (flights.get(url) == flight) flights.delete(url);
        flight.controller.abort();
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    flight.promise.then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Loads, checks and caches a feed once per page: callers asking for the same absolute URL share
 * one request while it is in flight and then get the same result until `reload` is asked for.
 * On a network or HTTP failure it falls back to the last good copy (memory, then localStorage)
 * and resolves with `stale: true`. Rejects with a FeedError; never throws synchronously.
 */
export function loadFeed(url: string | URL, options: LoadFeedOptions = {}): Promise<FeedResult> {
  try {
    const href = absolute(url);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(aborted(href));
    const done = options.reload ? undefined : settled.get(href);
    if (done) return Promise.resolve(done);
    return join(href, flights.get(href) ?? start(href, options), signal);
  } catch (error) {
    return Promise.reject(
      error instanceof FeedError ? error : new FeedError('network', String(error), String(url), { cause: error }),
    );
  }
}

/** Forgets what this page loaded (memory only; the localStorage copy stays as a fallback). */
export function clearFeedCache(): void {
  generation++;
  flights.clear();
  settled.clear();
  lastGood.clear();
}
