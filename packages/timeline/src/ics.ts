/**
 * iCalendar (RFC 5545) for timeline entries, generated in the browser: all-day events only,
 * because the feed knows days, not times.
 *
 * The rules relied on, each covered by the tests:
 * - §3.1 content lines end in CRLF and are folded so that no line is longer than 75 octets
 *   (excluding the CRLF); a continuation line starts with one space. Octets are counted in
 *   UTF-8 and a fold never splits a character's bytes (RFC 5545 §3.1 "SHOULD NOT split a
 *   multi-octet sequence").
 * - §3.3.11 TEXT escapes backslash, semicolon and comma with a backslash and writes line breaks
 *   as `\n`; other control characters are not allowed in TEXT and are dropped.
 * - §3.6 / §3.7 a VCALENDAR carries PRODID and VERSION:2.0 (CALSCALE:GREGORIAN and
 *   METHOD:PUBLISH are given explicitly); each VEVENT has UID and DTSTAMP (UTC, form 2).
 * - §3.3.4 / §3.8.2.4 / §3.8.2.2 an all-day event is `DTSTART;VALUE=DATE:YYYYMMDD` and its
 *   `DTEND;VALUE=DATE` is exclusive: the day after the last day.
 * - §3.2.10 SUMMARY and DESCRIPTION may carry a LANGUAGE parameter.
 */

/** One all-day event. Dates are `YYYY-MM-DD`; `lastDay` is inclusive (the day the event ends). */
export interface CalendarEvent {
  /** Globally unique and stable across downloads, so calendars update instead of duplicating. */
  uid: string;
  firstDay: string;
  lastDay?: string;
  summary: string;
  description?: string;
  url?: string;
  /** BCP 47 tag of summary and description. */
  language?: string;
}

export interface CalendarOptions {
  /** Time of generation for DTSTAMP; defaults to now. */
  now?: Date;
  /** PRODID value (ISO 9070 formal public identifier style). */
  productId?: string;
}

export const DEFAULT_PRODUCT_ID = '-//WIR Widgets//wir-timeline 0.1//EN';
const CRLF = '\r\n';
const MAX_OCTETS = 75;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // Control characters other than tab and line feed are not allowed in TEXT.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** Parameter values with `:`, `;` or `,` must be quoted, and may not contain quotes or controls. */
function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets each, counting UTF-8 bytes;
 * continuation lines start with a space, which counts toward their 75. Splits only between
 * whole code points.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** `YYYYMMDD` for a DATE value, or throws for anything but a real `YYYY-MM-DD`. */
function dateValue(value: string): string {
  const match = DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new RangeError(`Not a calendar date: ${value}`);
  }
  return `${match[1]}${match[2]}${match[3]}`;
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** DATE-TIME in UTC, form #2 (`19980119T070000Z`). */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function textProperty(name: string, value: string, language?: string): string {
  const params = language ? `;LANGUAGE=${paramValue(language)}` : '';
  return `${name}${params}:${escapeText(value)}`;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const first = dateValue(event.firstDay);
  const last = event.lastDay ?? event.firstDay;
  dateValue(last);
  if (last < event.firstDay) throw new RangeError(`The event ends (${last}) before it starts (${event.firstDay}).`);
  const lines = [
    'BEGIN:VEVENT',
    // UID is TEXT-typed too, so it is escaped like one.
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${first}`,
    `DTEND;VALUE=DATE:${dateValue(nextDay(last))}`,
    textProperty('SUMMARY', event.summary, event.language),
  ];
  if (event.description) lines.push(textProperty('DESCRIPTION', event.description, event.language));
  // URL is a URI value, not TEXT: no escaping, but it must not break the line.
  if (event.url) lines.push(`URL;VALUE=URI:${event.url.replace(/[\r\n]/g, '')}`);
  // An all-day entry on a public timeline should not mark the reader as busy.
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** A complete VCALENDAR document with CRLF line endings (ending in CRLF). */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions = {}): string {
  const stamp = utcStamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.productId ?? DEFAULT_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A stable UID: the entry id and the strategy id make it unique within the publisher, the
 * domain (the publisher's host) makes it globally unique. Non-ASCII or odd characters in the
 * domain are dropped so the UID stays plain ASCII.
 */
export function eventUid(entryId: string, strategyId: string, domain: string | undefined): string {
  const host = (domain ?? '').toLowerCase().replace(/[^a-z0-9.-]/g, '') || 'wir-widgets.invalid';
  return `${entryId}.${strategyId}@${host}`;
}

/** A file name for a download: ASCII letters, digits and hyphens only, then `.ics`. */
export function calendarFileName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'termin'}.ics`;
}
