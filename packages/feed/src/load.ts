import type { Spec } from './internal/spec.js';
import { validatePart } from './internal/validate-part.js';
import type { FeedProblem } from './problems.js';
import type { Feed } from './schema.js';

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
  /** Language tags of the texts in the part of the feed that was checked, in lower case. */
  languages: Set<string>;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const STORAGE_PREFIX = 'wir-feed:last-good:';

/** A parsed feed, not yet checked: each caller checks the part it reads (see loadFeedPart). */
interface Good {
  data: unknown;
  loadedAt: Date;
}

interface Loaded extends Good {
  url: string;
  stale: boolean;
  staleReason?: FeedError;
  /** Keeps a fresh copy as the last good one; set until the first part of it checks. */
  keep?: () => void;
  /** Per spec: the checked result, so widgets sharing a part check it once per copy. */
  parts?: Map<Spec, FeedResult | FeedError>;
}

interface Flight {
  promise: Promise<Loaded>;
  controller: AbortController;
  waiters: number;
}

const flights = new Map<string, Flight>();
const settled = new Map<string, Loaded>();
const lastGood = new Map<string, Good>();
// Bumped by clearFeedCache so that requests started before it cannot refill the cleared cache.
let generation = 0;

const ignore = (): void => {};
/** Stops a body nobody will read, so the connection is freed. */
const discard = (response: Response): unknown => response.body?.cancel().catch(ignore);
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MiB`;
const aborted = (url: string): FeedError => new FeedError('aborted', `Loading the feed from ${url} was aborted.`, url);
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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
    localStorage.setItem(STORAGE_PREFIX + url, JSON.stringify({ loadedAt: good.loadedAt.toISOString(), feed: good.data }));
  } catch {
    // Storage may be blocked (sandboxed iframe, privacy settings) or full: the memory copy still works.
  }
}

function restore(url: string): Good | undefined {
  try {
    // The stored copy may come from an older release or be tampered with: the caller checks
    // it like a fresh one, and a loadedAt that is no date means no copy.
    const saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + url)!);
    const loadedAt = new Date(saved.loadedAt);
    if (saved.feed && loadedAt.getTime()) return { data: saved.feed, loadedAt };
  } catch {
    // Blocked storage, no entry (null has no loadedAt) or a corrupt one: behave as if there were no copy.
  }
  return undefined;
}

/** "The feed at … is not valid JSON (line 3, column 5): …"; also for the CLI's files. */
export function notJsonMessage(url: string, text: string, error: unknown): string {
  const reason = reasonOf(error).replace(/\.$/, '');
  const position = /position (\d+)/.exec(reason);
  let where = '';
  if (position && !/line \d+/.test(reason)) {
    const before = text.slice(0, +position[1]).split('\n');
    where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
  }
  const hint = text.trimStart().startsWith('<') ? ' It looks like HTML or XML.' : '';
  return `The feed at ${url} is ${text.trim() ? `not valid JSON${where}: ${reason}.${hint}` : 'empty.'}`;
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = (size: number, more = ''): FeedError =>
    new FeedError('too-large', `The feed at ${url} is larger than the limit of ${mib(maxBytes)} (${more}${mib(size)}).`, url, {
      status: response.status,
    });
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    discard(response);
    throw tooLarge(declared);
  }
  if (!response.body) {
    const text = await response.text();
    if (text.length > maxBytes) throw tooLarge(text.length);
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
      throw tooLarge(received, 'received more than ');
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function fetchFeed(url: string, options: LoadFeedOptions, signal: AbortSignal): Promise<unknown> {
  const fail = (kind: FeedErrorKind, message: string, extra?: { status?: number; cause?: unknown }): FeedError =>
    new FeedError(kind, message, url, extra);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      signal,
      headers: { accept: 'application/json' },
      cache: options.reload ? 'no-cache' : 'default',
    });
  } catch (cause) {
    throw signal.aborted ? aborted(url) : fail('network', `The network request for the feed at ${url} failed (${reasonOf(cause)}).`, { cause });
  }
  // A custom fetch (options.fetch, or a page's shim) may hand back anything.
  if (!response?.headers) throw fail('network', `The fetch for the feed at ${url} returned no response.`);
  const { status } = response;
  if (!response.ok) {
    discard(response);
    throw fail('http', `The server answered ${status}${response.statusText ? ' ' + response.statusText : ''} for the feed at ${url}.`, { status });
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type != 'application/json' && !type.endsWith('+json')) {
    discard(response);
    throw fail(
      'content-type',
      /html/.test(type)
        ? `Expected JSON from ${url}, but an HTML page was received (Content-Type ${type}): a wrong address, or a server error page.`
        : `Expected JSON from ${url}, but the Content-Type is ${type || '(none)'}; a feed must be served as application/json.`,
      { status },
    );
  }
  let text: string;
  try {
    text = await readBody(response, url, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (cause) {
    throw signal.aborted
      ? aborted(url)
      : cause instanceof FeedError
        ? cause
        : fail('network', `The connection broke while loading the feed from ${url}.`, { status, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw fail('not-json', notJsonMessage(url, text, cause), { status, cause });
  }
}

/** The part `spec` of a loaded copy, checked once per copy and spec. */
function checkPart(loaded: Loaded, spec: Spec): FeedResult | FeedError {
  const { url, stale, staleReason, loadedAt } = loaded;
  const checked = validatePart(spec, loaded.data);
  if (checked.ok) return { feed: checked.feed, url, stale, staleReason, loadedAt, languages: checked.languages };
  // A last-good copy that does not fit is no copy: report what went wrong with the network.
  if (staleReason) return staleReason;
  const { problems } = checked;
  const [first] = problems;
  return first.code == 'unsupported-version'
    ? new FeedError('unsupported-version', `${first.message} (${url})`, url, { problems })
    : new FeedError(
        'invalid',
        `The feed at ${url} has ${problems.length} problem${problems.length > 1 ? 's' : ''}. First: ${first.path}: ${first.message}`,
        url,
        { problems },
      );
}

function part(loaded: Loaded, spec: Spec): FeedResult {
  const parts = (loaded.parts ??= new Map());
  let result = parts.get(spec);
  if (!result) parts.set(spec, (result = checkPart(loaded, spec)));
  if (result instanceof FeedError) throw result;
  loaded.keep?.();
  loaded.keep = undefined;
  return result;
}

function start(url: string, options: LoadFeedOptions): Flight {
  const controller = new AbortController();
  const gen = generation;
  const current = (): boolean => gen == generation;
  const flight: Flight = { controller, waiters: 0, promise: undefined! };
  flight.promise = fetchFeed(url, options, controller.signal)
    .then(
      (data): Loaded => {
        const good = { data, loadedAt: new Date() };
        // Kept as the fallback only once a widget's part of it checks: a broken publication
        // must not replace the copy readers fall back to.
        const keep = (): void => {
          if (current()) lastGood.set(url, good);
          store(url, good);
        };
        return { ...good, url, stale: false, keep };
      },
      (reason: unknown): Loaded => {
        const error =
          reason instanceof FeedError
            ? reason
            : new FeedError('network', `Could not load the feed from ${url}: ${reason}`, url, { cause: reason });
        const good = (error.kind == 'network' || error.kind == 'http') && (lastGood.get(url) ?? restore(url));
        if (!good) throw error;
        return { ...good, url, stale: true, staleReason: error };
      },
    )
    .then((loaded) => {
      if (current()) settled.set(url, loaded);
      return loaded;
    })
    .finally(() => {
      if (flights.get(url) == flight) flights.delete(url);
    });
  // When every waiter aborted nobody listens any more; that rejection is expected.
  flight.promise.catch(ignore);
  flights.set(url, flight);
  return flight;
}

function join(url: string, flight: Flight, spec: Spec, signal: AbortSignal | undefined): Promise<FeedResult> {
  flight.waiters++;
  const checked = flight.promise.then((loaded) => part(loaded, spec));
  if (!signal) return checked;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(aborted(url));
      if (--flight.waiters <= 0) {
        if (flights.get(url) == flight) flights.delete(url);
        flight.controller.abort();
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    // The listener goes before this caller hears the answer, so a later abort changes nothing.
    checked.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}

/**
 * Loads and caches a feed once per page and checks the part of it that `spec` describes (a
 * widget's slice, or the whole feed): callers asking for the same absolute URL share one request
 * while it is in flight and then the same copy until `reload` is asked for; each part is checked
 * once per copy. On a network or HTTP failure it falls back to the last copy that loaded (memory,
 * then localStorage) if that copy's part checks, and resolves with `stale: true`. Rejects with a
 * FeedError; never throws synchronously.
 */
export function loadFeedPart(spec: Spec, url: string | URL, options: LoadFeedOptions = {}): Promise<FeedResult> {
  try {
    const href = absolute(url);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(aborted(href));
    const done = options.reload ? undefined : settled.get(href);
    if (done) return new Promise((resolve) => resolve(part(done, spec)));
    return join(href, flights.get(href) ?? start(href, options), spec, signal);
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
