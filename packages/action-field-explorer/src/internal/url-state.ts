/**
 * The explorer's state in the page's URL fragment, as one `&`-separated segment per explorer:
 *
 *   #intro&wir-explorer=field:bildung;status:done;q:sprach%20kurs&wir-explorer.jugend=group:ag-jugend
 *
 * - The segment name is `wir-explorer`, or `wir-explorer.<key>` for an explorer with an id, so
 *   two explorers on one page never share state.
 * - Its value is `;`-separated `name:value` pairs; values are percent-encoded
 *   (encodeURIComponent), so `;`, `:`, `&`, `=` and `#` never appear raw inside a value.
 * - Everything else in the fragment (the host page's anchor, a router's path, other explorers)
 *   is kept exactly as it was, in place.
 *
 * Reading is defensive: the fragment is input from anyone who can send a link. Unknown names,
 * repeated names (the first counts), bad percent-encoding, ids that are not feed ids, unknown
 * statuses and overlong values are dropped one by one, never thrown; the caller then also
 * checks the ids against the feed.
 */
import type { MeasureStatus } from '@wir/feed';

export interface UrlState {
  field?: string;
  /** Overview filtered to the fields serving this guideline (ignored with a field). */
  guideline?: string;
  goal?: string;
  measure?: string;
  theme?: string;
  status?: MeasureStatus;
  group?: string;
  /** The search words as typed. */
  q?: string;
}

export const SEGMENT_PREFIX = 'wir-explorer';

/** Names in the order they are written; also the only names read. */
const KEYS = ['field', 'guideline', 'goal', 'measure', 'theme', 'status', 'group', 'q'] as const;
type Key = (typeof KEYS)[number];

const STATUSES: readonly string[] = ['proposed', 'accepted', 'deferred', 'recommendation', 'in-progress', 'done'];
const ID = /^[a-z0-9][a-z0-9-]{0,127}$/;
const INSTANCE_KEY = /^[A-Za-z0-9_-]{1,64}$/;
/** Longest search kept from a URL; longer ones are cut, like a maxlength on the input. */
export const MAX_QUERY_LENGTH = 200;
/** A segment value longer than this is not ours to parse (nothing we write gets near it). */
const MAX_SEGMENT_LENGTH = 4096;

/** Segment name for an explorer: `wir-explorer`, or `wir-explorer.<key>` for a usable key. */
export function segmentName(key?: string): string {
  return key && INSTANCE_KEY.test(key) ? `${SEGMENT_PREFIX}.${key}` : SEGMENT_PREFIX;
}

/** Whether `key` can name an explorer's segment (letters, digits, `_`, `-`; at most 64). */
export function isInstanceKey(key: string): boolean {
  return INSTANCE_KEY.test(key);
}

function parts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

function nameOf(part: string): string {
  const eq = part.indexOf('=');
  return eq < 0 ? part : part.slice(0, eq);
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function clean(key: Key, raw: string): string | undefined {
  const value = decode(raw);
  if (value === undefined) return undefined;
  switch (key) {
    case 'status':
      return STATUSES.includes(value) ? value : undefined;
    case 'q': {
      // Control characters have no business in a search box (and could smuggle line breaks).
      const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
      return text ? text.slice(0, MAX_QUERY_LENGTH) : undefined;
    }
    default:
      return ID.test(value) ? value : undefined;
  }
}

/** Parses one segment value (`field:bildung;q:x`). */
export function decodeState(value: string): UrlState {
  const state: UrlState = {};
  if (value.length > MAX_SEGMENT_LENGTH) return state;
  for (const pair of value.split(';')) {
    const colon = pair.indexOf(':');
    if (colon < 1) continue;
    const key = pair.slice(0, colon) as Key;
    if (!KEYS.includes(key) || state[key] !== undefined) continue;
    const cleaned = clean(key, pair.slice(colon + 1));
    if (cleaned !== undefined) (state as Record<Key, string>)[key] = cleaned;
  }
  return state;
}

/** The segment value for a state; empty when the state is the default. */
export function encodeState(state: UrlState): string {
  const pairs: string[] = [];
  for (const key of KEYS) {
    const value = state[key];
    if (value) pairs.push(`${key}:${encodeURIComponent(value)}`);
  }
  return pairs.join(';');
}

/**
 * The state stored under `name` in `hash` (with or without its leading `#`), or undefined when
 * the fragment has no such segment.
 */
export function readState(hash: string, name: string): UrlState | undefined {
  const part = parts(hash).find((p) => nameOf(p) === name);
  if (part === undefined) return undefined;
  return decodeState(part.slice(name.length + 1));
}

/**
 * `hash` with the segment `name` set to `state` (removed when the state is empty), keeping every
 * other part where it was. Returns the new fragment with its `#`, or '' for an empty fragment.
 */
export function writeState(hash: string, name: string, state: UrlState): string {
  const value = encodeState(state);
  const mine = value ? `${name}=${value}` : undefined;
  const out: string[] = [];
  let placed = false;
  for (const part of parts(hash)) {
    if (nameOf(part) !== name) {
      // Empty parts (a stray `&&`) are dropped; they carry nothing.
      if (part !== '') out.push(part);
      continue;
    }
    if (!placed && mine) out.push(mine);
    placed = true;
  }
  if (!placed && mine) out.push(mine);
  return out.length ? `#${out.join('&')}` : '';
}

/** True when both states would be written the same way. */
export function sameState(a: UrlState | undefined, b: UrlState | undefined): boolean {
  return encodeState(a ?? {}) === encodeState(b ?? {});
}
