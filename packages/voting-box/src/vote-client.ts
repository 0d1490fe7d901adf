/**
 * The vote API as the widget uses it (contract: docs/vote-api.md, packages/vote-server/openapi.yaml).
 *
 * Every request goes only to the poll's own `api` base, carries no credentials and no referrer,
 * and bypasses the HTTP cache: ETags are handled here so that a `304` reaches the code instead of
 * being turned into a cached `200` by the browser.
 */
import { safeHref } from '@wir/core';

export type PollState = 'not-open' | 'open' | 'closed';

export interface PollResults {
  /** Votes per option id (every option, zeros included). */
  counts: Record<string, number>;
  /** Ballots cast; in a multiple-choice poll the counts may add up to more. */
  total: number;
}

/** The part of `GET /v1/polls/{poll}` the widget reads. */
export interface ServerPoll {
  state: PollState;
  challengeRequired: boolean;
  voted: boolean | null;
  results: PollResults | null;
  /** Seconds the server asks the widget to wait before the next request. */
  refreshAfter: number;
}

export interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export interface Proof {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/** One answer: `status` 0 means none arrived (offline, DNS, CORS, timeout). */
export interface ApiAnswer<T> {
  status: number;
  body?: T;
  /** The server's machine-readable `error` code, or `network`. */
  error?: string;
  /** Seconds the server asks to wait (`Retry-After`); 0 or less when it does not say in seconds. */
  retryAfter?: number;
  etag?: string | null;
}

/** Seconds before a request counts as failed; the server's own request timeout is 15 s too. */
const TIMEOUT_MS = 15_000;

/**
 * The poll's API base without a trailing slash — only an absolute http(s) URL passes, so a feed
 * cannot point the widget at `javascript:`, `data:` or a path on the partner's own site.
 */
export function apiBase(api: string | undefined): string | undefined {
  const href = safeHref(api);
  return href && /^https?:\/\//i.test(href) ? href.replace(/\/+$/, '') : undefined;
}

/**
 * One request to `base` + `path`. A body makes it a JSON POST; `voter` and `etag` become the
 * `Wir-Voter` and `If-None-Match` headers of a GET.
 */
export async function call<T>(base: string, path: string, body?: object, voter?: string, etag?: string | null): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = body ? { 'Content-Type': 'application/json' } : {};
  if (voter) headers['Wir-Voter'] = voter;
  if (etag) headers['If-None-Match'] = etag;
  try {
    // Cross-origin requests are CORS requests by default (mode 'cors').
    const response = await fetch(base + path, {
      method: body ? 'POST' : 'GET',
      headers,
      body: body && JSON.stringify(body),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const { status, headers: answer } = response;
    const result: ApiAnswer<T> = { status, etag: answer.get('ETag'), retryAfter: Number(answer.get('Retry-After')) || 0 };
    if (status === 304) return result;
    const json = await response.json().catch(() => undefined);
    if (response.ok) result.body = json as T;
    else result.error = typeof json?.error === 'string' ? json.error : `http-${status}`;
    return result;
  } catch {
    return { status: 0, error: 'network' };
  }
}

/** `/polls/{poll}` below the API base. */
export const pollPath = (poll: string) => `/polls/${encodeURIComponent(poll)}`;

export interface VoteBody {
  options: string[];
  voter: string;
  idempotencyKey: string;
  proof?: Proof;
}
