/**
 * The outbox: every vote is written to localStorage BEFORE it is sent, and stays there until the
 * vote API has answered with a final word (where storage fails, in this page's memory instead,
 * and the reader is told). What survives a reload, a crash or a day offline is the exact request
 * — voter token, idempotency key, options, proof — so a retry is the same vote and the server
 * counts it once (`201` the first time, `200` for every replay).
 *
 * One record per poll and API (`wir-vote:<api>|<poll>`) doubles as this browser's memory of
 * having voted: `pending` (in the queue), `sent` (acknowledged) or `rejected` (a definitive 4xx,
 * kept with its reason so the reader sees why).
 *
 * Sending: at once, then with exponential backoff and jitter (1 s doubling to 60 s, never sooner
 * than `Retry-After`), immediately on the `online` event, and on every page load that shows a
 * voting box. Two tabs never send the same record at the same time: each send holds a Web Lock
 * named after the record and re-reads the record inside it. Where Web Locks are missing
 * (insecure contexts, old browsers) both tabs may send — harmless, because the server answers a
 * replayed key with `200` and counts it once.
 */
import { call, pollPath } from './vote-client.js';
import type { Challenge, Proof, VoteBody } from './vote-client.js';

export type VoteStatus = 'pending' | 'sent' | 'rejected';

export interface VoteRecord {
  api: string;
  poll: string;
  voter: string;
  key: string;
  options: string[];
  status: VoteStatus;
  /**
   * pending: why the last try failed (`network`, `rate-limited`, `overloaded`, …), none before
   * the first answer; sent: `replayed` when the server had counted this very vote before (`200`),
   * `already-voted` when another vote from this browser was counted instead; rejected: the
   * server's error code.
   */
  reason?: string;
  /** Failed tries so far (drives the backoff). */
  tries: number;
  /** Earliest time (ms since epoch) of the next try. */
  next: number;
  /** True once the server asked for a proof of work. */
  pow?: boolean;
  proof?: Proof;
  /** Challenges that failed in a row; after three the vote is rejected. */
  powFailures?: number;
}

/** Why a listener is called: the record changed here (`local`) or in another tab. */
export type OutboxListener = (id: string, local: boolean) => void;

const PREFIX = 'wir-vote:';
const TOKEN_PREFIX = 'wir-vote-voter:';
const FIRST_DELAY = 1000;
const MAX_DELAY = 60_000;
/** Answers that mean "not now" rather than "never" (besides every 5xx). */
const RETRYABLE = new Set([0, 408, 425, 429]);

// What this page could not store — storage blocked by a setting, full (QuotaExceededError) or
// broken — lives here for the page's lifetime and wins over the stored copy: the vote is still
// sent and retried, and the widget tells the reader that only an open page can send it.
const memory = new Map<string, string>();
const safely = <T>(task: () => T, fallback: T): T => {
  try {
    return task();
  } catch {
    return fallback;
  }
};
const load = (key: string) => memory.get(key) ?? safely(() => localStorage.getItem(key), null);
const keys = () => new Set([...memory.keys(), ...safely(() => Object.keys(localStorage), [])]);
function save(key: string, value: string): void {
  // Read back, so storage that takes writes but fails reads does not swallow a vote unseen.
  if (safely(() => (localStorage.setItem(key, value), localStorage.getItem(key) === value), false)) memory.delete(key);
  else memory.set(key, value);
}

/** False while the poll's record lives only in this page's memory: closing the page would lose it. */
export const stored = (api: string, poll: string): boolean => !memory.has(PREFIX + recordId(api, poll));

/** For tests: forgets what only this page's memory held. */
export const forgetUnstored = (): void => memory.clear();

/** The record's id (and storage key suffix). */
export const recordId = (api: string, poll: string) => `${api}|${poll}`;

/**
 * This browser's voter token for an API origin: 16 random bytes, base64url (22 characters).
 * One per origin is enough: the server stores only a keyed hash per poll, so two polls cannot be
 * linked through it.
 */
export function voterToken(api: string): string {
  const key = TOKEN_PREFIX + new URL(api).origin;
  let token = load(key);
  if (!token || !/^[\w-]{22,128}$/.test(token)) {
    token = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
      .slice(0, 22)
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    save(key, token);
  }
  return token;
}

export function getRecord(api: string, poll: string): VoteRecord | undefined {
  return read(recordId(api, poll));
}

function read(id: string): VoteRecord | undefined {
  try {
    const record = JSON.parse(load(PREFIX + id) ?? 'null') as VoteRecord | null;
    return record && typeof record.key === 'string' && Array.isArray(record.options) ? record : undefined;
  } catch {
    return undefined;
  }
}

const listeners = new Set<OutboxListener>();
const sending = new Set<string>();
const progress = new Map<string, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

function write(record: VoteRecord): void {
  const id = recordId(record.api, record.poll);
  save(PREFIX + id, JSON.stringify(record));
  notify(id, true);
}

function notify(id: string, local: boolean): void {
  for (const listener of listeners) listener(id, local);
}

/** Share (0–1) of the proof-of-work search done for a record being solved right now. */
export function solving(api: string, poll: string): number | undefined {
  return progress.get(recordId(api, poll));
}

/**
 * Listens to changes of any record and sends what is due — on page load, what an earlier visit
 * left behind. Returns the function that stops listening.
 */
export function subscribe(listener: OutboxListener): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    addEventListener('online', () => flush(true));
    // Another tab wrote a record: show it here too, and plan to send it, should that tab close
    // or crash before it is delivered (the Web Lock keeps this tab waiting while that one sends).
    addEventListener('storage', (event) => {
      if (event.key?.startsWith(PREFIX)) {
        notify(event.key.slice(PREFIX.length), false);
        flush();
      }
    });
  }
  // Every box that appears nudges the queue: what is due goes now, the rest keeps its schedule.
  flush();
  return () => listeners.delete(listener);
}

/**
 * Queues a new vote (new idempotency key) and sends it. A new vote replaces a rejected one only:
 * a vote another tab queued or sent a moment ago stays, and nothing is queued (`undefined`).
 * `pow` says the server already announced that it wants a proof of work.
 */
export function castVote(api: string, poll: string, options: string[], pow?: boolean): VoteRecord | undefined {
  const old = getRecord(api, poll);
  if (old && old.status !== 'rejected') return;
  const record: VoteRecord = { api, poll, voter: voterToken(api), key: uuid(), options, status: 'pending', tries: 0, next: 0, pow };
  write(record);
  flush();
  return record;
}

/** crypto.randomUUID exists only in secure contexts; pages on plain http get a v4 UUID from getRandomValues. */
const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16));

/**
 * Sends every pending vote that is due (all of them with `now`) and plans the next round for the
 * rest. A send in flight is not planned for: it flushes again when it ends.
 */
export function flush(now = false): void {
  const due = Date.now();
  let next = Infinity;
  clearTimeout(timer);
  for (const key of keys()) {
    const id = key.slice(PREFIX.length);
    const record = key.startsWith(PREFIX) ? read(id) : undefined;
    if (record?.status !== 'pending') continue;
    if (now || record.next <= due) void deliver(id, record.tries);
    else next = Math.min(next, record.next);
  }
  if (next < Infinity) timer = setTimeout(flush, Math.min(Math.max(next - due, 50), MAX_DELAY));
}

async function deliver(id: string, tries: number): Promise<void> {
  if (sending.has(id)) return;
  sending.add(id);
  try {
    // Waits while another tab sends this record, then finds it no longer pending (or tried and
    // rescheduled): no duplicate request, and no polling loop while the other tab's request is in
    // flight. (Without Web Locks it just tries.)
    await (navigator.locks?.request(PREFIX + id, () => attempt(id, tries)) ?? attempt(id, tries));
  } catch {
    // Whatever broke (no crypto.subtle on an insecure page), the vote stays queued.
    progress.delete(id);
    const record = read(id);
    if (record?.status === 'pending') retryLater(record, 'error');
  } finally {
    progress.delete(id);
    sending.delete(id);
    flush();
  }
}

/** One try, inside the lock: re-read (another tab may have finished it), prove, post, record. */
async function attempt(id: string, tries: number): Promise<void> {
  let record = read(id);
  if (record?.status !== 'pending' || record.tries !== tries) return;
  const { api, poll } = record;

  if (record.pow && !record.proof) {
    const challenge = await call<Challenge>(api, '/challenge');
    if (challenge.body) {
      const report = (share: number) => {
        progress.set(id, share);
        notify(id, true);
      };
      report(0);
      // The module object rather than a destructured import, which the bundler would rewrite
      // into a longer form.
      const pow = await import('./pow.js');
      const proof = await pow.solveChallenge(challenge.body, report);
      progress.delete(id);
      record = read(id);
      if (record?.status !== 'pending') return;
      // Stored with the vote, so every retry sends it again instead of solving a new challenge.
      if (proof) write((record = { ...record, proof }));
    } else if (challenge.error === 'challenge-disabled') {
      record.pow = false;
    }
    if (!record.proof && record.pow) return retryLater(record, challenge.error ?? 'network', challenge.retryAfter);
  }

  const body: VoteBody = { options: record.options, voter: record.voter, idempotencyKey: record.key, proof: record.proof };
  const { status, error, retryAfter } = await call(api, `${pollPath(poll)}/votes`, body);
  record = read(id) ?? record;
  if (record.status !== 'pending' || record.key !== body.idempotencyKey) return;
  const code = error ?? '';

  if (code.startsWith('challenge-') && (record.powFailures ?? 0) < 2) {
    // Expired (the queue waited too long), spent or newly required: solve a fresh one and send
    // it with the same idempotency key.
    write({ ...record, pow: true, proof: undefined, powFailures: (record.powFailures ?? 0) + 1, next: 0 });
  } else if (RETRYABLE.has(status) || status >= 500) {
    retryLater(record, code || 'network', retryAfter);
  } else {
    // The final word, and the proof is spent: counted (201; 200 when the server had counted this
    // very request before; 409 `already-voted` when another vote with this browser's token
    // counted first, from another tab or an earlier visit), or refused with the server's code.
    write({
      ...record,
      status: status === 200 || status === 201 || code === 'already-voted' ? 'sent' : 'rejected',
      reason: status === 200 ? 'replayed' : error,
      proof: undefined,
    });
  }
}

function retryLater(record: VoteRecord, reason: string, retryAfter = 0): void {
  const tries = record.tries + 1;
  const backoff = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** (tries - 1));
  // "Equal jitter": half fixed, half random, so a crowd of browsers that lost the server at the
  // same moment does not come back at the same moment.
  const delay = Math.max(backoff / 2 + (Math.random() * backoff) / 2, retryAfter * 1000);
  write({ ...record, tries, reason, next: Date.now() + delay });
}
