/**
 * Dates of timeline entries: parsing the feed's partial dates, ordering, past / current /
 * upcoming, and formatting for the reader's language.
 *
 * No DOM and no Lit here, so the rules are unit-tested in Node. The only outside call is `msg()`
 * for the words around coarse dates ("Ende Juli 2021"); it answers in the locale of the element
 * that is rendering (see @wir/core), and in German anywhere else.
 *
 * Days are counted as whole days since 1970-01-01 ("day numbers"), so no time zone ever moves a
 * date: the feed's dates are calendar dates, and so is "today".
 */
import { msg, str } from '@lit/localize';
import type { TimelineEntry, TimelineKind } from '@wir/feed';

export type DatePrecision = 'year' | 'month' | 'day';
export type Approximate = NonNullable<TimelineEntry['approximate']>;
export type EntryStatus = 'past' | 'current' | 'upcoming';

/** A feed date split into its parts; `month` is 1–12. */
export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/** First and last day (day numbers, both inclusive) an entry covers. */
export interface DaySpan {
  start: number;
  end: number;
}

const MS_PER_DAY = 86_400_000;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Order of kinds on the same start day: the period first, then what happens in it. */
const KIND_ORDER: Record<TimelineKind, number> = { phase: 0, milestone: 1, event: 2 };

/** Which third of a coarse date `approximate` names. */
const THIRDS: Record<Approximate, number> = { start: 0, mid: 1, end: 2 };

/** Day number (days since 1970-01-01) of a calendar date; `month` is 1–12. */
export function dayNumber(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not (and returns the time).
  return Math.floor(new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

/** Splits `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when it is not a real calendar date. */
export function parsePartialDate(value: string): PartialDateParts | undefined {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

/** Day number of a full `YYYY-MM-DD` date (the `today` attribute); undefined for anything else. */
export function parseDay(value: string | null | undefined): number | undefined {
  const parts = value ? parsePartialDate(value.trim()) : undefined;
  return parts?.precision === 'day' ? dayNumber(parts.year, parts.month!, parts.day!) : undefined;
}

/** Today in the reader's own time zone, as a day number. */
export function localToday(now: Date = new Date()): number {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The days a partial date stands for: a year is 1 Jan – 31 Dec, a month its first to last day.
 * `approximate` narrows a coarse date to its first, middle or last third (a year: Jan–Apr,
 * May–Aug, Sep–Dec; a month: days 1–10, 11–20, 21–end), which is what "Ende Juli" promises.
 * A full date stays that one day.
 */
export function daySpan(value: string, approximate?: Approximate): DaySpan | undefined {
  const parts = parsePartialDate(value);
  if (!parts) return undefined;
  const { year, month, day, precision } = parts;
  if (precision === 'day') {
    const only = dayNumber(year, month!, day!);
    return { start: only, end: only };
  }
  const third = approximate && THIRDS[approximate];
  if (precision === 'month') {
    // Ten days each, the last third to the end of the month.
    const last = daysInMonth(year, month!);
    const [from, to] = third === undefined ? [1, last] : [third * 10 + 1, third > 1 ? last : third * 10 + 10];
    return { start: dayNumber(year, month!, from), end: dayNumber(year, month!, to) };
  }
  // Four months each.
  const [first, last] = third === undefined ? [1, 12] : [third * 4 + 1, third * 4 + 4];
  return { start: dayNumber(year, first, 1), end: dayNumber(year, last, daysInMonth(year, last)) };
}

/**
 * The days an entry covers: from its (possibly approximate) date to the last day of its `end`.
 * `approximate` qualifies `date` only; an `end` is taken at its stated precision.
 */
export function entrySpan(entry: Pick<TimelineEntry, 'date' | 'end' | 'approximate'>): DaySpan {
  const start = daySpan(entry.date, entry.approximate) ?? { start: Number.NaN, end: Number.NaN };
  const end = entry.end ? daySpan(entry.end) : undefined;
  // The validator rejects an end before the date; narrowing can still pass it ("Ende 2021" to
  // "2021-03"), and then the entry simply ends where it starts.
  return { start: start.start, end: Math.max(start.end, end?.end ?? start.end) };
}

/** Past, current or upcoming on `today` (a day number), judged by the days the entry covers. */
export function entryStatus(entry: Pick<TimelineEntry, 'date' | 'end' | 'approximate'>, today: number): EntryStatus {
  const span = entrySpan(entry);
  if (span.end < today) return 'past';
  if (span.start > today) return 'upcoming';
  return 'current';
}

/**
 * Timeline order: by the first day an entry covers (so "2021" sorts on 1 January 2021, and
 * "Ende Juli 2021" on 21 July), then phase before milestone before event, then by id.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  const byStart = entrySpan(a).start - entrySpan(b).start;
  if (byStart) return byStart;
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind) return byKind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy; the feed's own order does not matter. */
export function sortEntries<T extends TimelineEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}

/**
 * Where "today" belongs in a sorted list: the number of entries that started on or before it.
 * Everything before that index is past or current, everything after it upcoming.
 */
export function nowIndex(sorted: readonly TimelineEntry[], today: number): number {
  const index = sorted.findIndex((entry) => entrySpan(entry).start > today);
  return index < 0 ? sorted.length : index;
}

/**
 * The entry's days for a calendar, as full dates (`end` inclusive), only when the feed gives
 * them to the day: a month or a year ("Ende Juli 2021", "2022–2026") would block weeks or years
 * in a calendar for something that happens on an unknown day, so those are not offered.
 */
export function calendarDays(entry: Pick<TimelineEntry, 'date' | 'end' | 'approximate'>): { start: string; end: string } | undefined {
  if (entry.approximate) return undefined;
  const start = parsePartialDate(entry.date);
  const end = entry.end ? parsePartialDate(entry.end) : start;
  if (start?.precision !== 'day' || end?.precision !== 'day') return undefined;
  const span = entrySpan(entry);
  return { start: isoDay(span.start), end: isoDay(span.end) };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const formatters = new Map<string, Intl.DateTimeFormat>();

const OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
};

function formatter(locale: string, precision: DatePrecision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let format = formatters.get(key);
  if (!format) {
    // The feed's months and years are Gregorian, so the calendar is too (a Hijri month would
    // straddle two of them); the numbering system stays the locale's (ar-EG: ٢٠٢١). The locale
    // comes from formattingLocale(), which only returns supported tags, so this cannot throw.
    format = new Intl.DateTimeFormat(locale, { ...OPTIONS[precision], timeZone: 'UTC', calendar: 'gregory' });
    formatters.set(key, format);
  }
  return format;
}

function toDate(parts: PartialDateParts): Date {
  return new Date(dayNumber(parts.year, parts.month ?? 1, parts.day ?? 1) * MS_PER_DAY);
}

/**
 * The locale tag to format dates with: the reader's full tag (keeping region and extensions,
 * e.g. `ar-EG` for Arabic-Indic digits, `en-GB` for day-month order) when it is the same
 * language as the UI strings, else the UI locale — so the words around a date ("Ende …") and
 * the month names are always one language.
 */
export function formattingLocale(readerTag: string, uiLocale: string): string {
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  // The element's locale is already a canonical tag (see @wir/core), which this cannot reject.
  return primary(readerTag) === primary(uiLocale) && Intl.DateTimeFormat.supportedLocalesOf(readerTag).length ? readerTag : uiLocale;
}

/**
 * Month and year as they read inside a phrase ("Ende Juli 2021"): in Russian and Ukrainian the
 * month then takes the genitive ("конец июля 2021 г."), which Intl gives only next to a day, so
 * the day is formatted and taken out again. Languages without cases get their usual form.
 */
function monthInPhrase(parts: PartialDateParts, locale: string): string {
  const pieces = formatter(locale, 'day').formatToParts(toDate({ ...parts, day: 15 }));
  // Drop the day with the separator after it ("15. " in German, "15 " in Russian); when the day
  // comes last, trim() takes the space before it.
  return pieces
    .filter((piece, i) => piece.type !== 'day' && (piece.type !== 'literal' || pieces[i - 1]?.type !== 'day'))
    .map((piece) => piece.value)
    .join('')
    .trim();
}

function approximatePhrase(parts: PartialDateParts, approximate: Approximate, locale: string): string {
  if (parts.precision === 'day') {
    const date = formatter(locale, 'day').format(toDate(parts));
    return msg(str`ca. ${date}`, { id: 'timeline.date.around', desc: 'A full date that is only approximate, e.g. "ca. 17. Mai 2021" = "around 17 May 2021". Placeholder: the formatted date.' });
  }
  if (parts.precision === 'month') {
    const month = monthInPhrase(parts, locale);
    switch (approximate) {
      case 'start':
        return msg(str`Anfang ${month}`, { id: 'timeline.date.monthStart', desc: 'Early in a month, e.g. "Anfang Juli 2021" = "early July 2021". Placeholder: month and year, already in the case a phrase needs (Russian/Ukrainian genitive: "июля 2021 г.").' });
      case 'mid':
        return msg(str`Mitte ${month}`, { id: 'timeline.date.monthMid', desc: 'The middle of a month, e.g. "Mitte Juli 2021" = "mid-July 2021". Placeholder: month and year (genitive in Russian/Ukrainian).' });
      default:
        return msg(str`Ende ${month}`, { id: 'timeline.date.monthEnd', desc: 'Late in a month, e.g. "Ende Juli 2021" = "end of July 2021". Placeholder: month and year (genitive in Russian/Ukrainian).' });
    }
  }
  const year = formatter(locale, 'year').format(toDate(parts));
  switch (approximate) {
    case 'start':
      return msg(str`Anfang ${year}`, { id: 'timeline.date.yearStart', desc: 'Early in a year, e.g. "Anfang 2027" = "early 2027". Placeholder: the year as formatted for the language (may carry "г." in Russian).' });
    case 'mid':
      return msg(str`Mitte ${year}`, { id: 'timeline.date.yearMid', desc: 'The middle of a year, e.g. "Mitte 2027" = "mid-2027". Placeholder: the formatted year.' });
    default:
      return msg(str`Ende ${year}`, { id: 'timeline.date.yearEnd', desc: 'Late in a year, e.g. "Ende 2021" = "end of 2021". Placeholder: the formatted year.' });
  }
}

/**
 * One feed date at its own precision: "22. Januar 2021", "Juli 2021", "2021"; with
 * `approximate` as words: "Ende Juli 2021", "Anfang 2027", "ca. 17. Mai 2021".
 * An unparseable value (only possible for a feed that skipped validation) is shown as given.
 */
export function formatPartialDate(value: string, locale: string, approximate?: Approximate): string {
  const parts = parsePartialDate(value);
  if (!parts) return value;
  if (approximate) return approximatePhrase(parts, approximate, locale);
  return formatter(locale, parts.precision).format(toDate(parts));
}

/**
 * An entry's date or range for display. A range whose ends share a precision goes through
 * `formatRange`, which drops what both ends share ("17.–23. Mai 2021", "September–November
 * 2021", "2022–2026"); ends of different precision, or an approximate start, are formatted one
 * by one and joined with a translated "bis".
 */
export function formatEntryDate(entry: Pick<TimelineEntry, 'date' | 'end' | 'approximate'>, locale: string): string {
  const start = parsePartialDate(entry.date);
  const end = entry.end && entry.end !== entry.date ? parsePartialDate(entry.end) : undefined;
  if (!start || !end) return formatPartialDate(entry.date, locale, entry.approximate);
  if (start.precision === end.precision && !entry.approximate) {
    return formatter(locale, start.precision).formatRange(toDate(start), toDate(end));
  }
  const from = formatPartialDate(entry.date, locale, entry.approximate);
  const to = formatPartialDate(entry.end!, locale);
  return msg(str`${from} bis ${to}`, { id: 'timeline.date.range', desc: 'A period whose two ends are given with different precision, e.g. "2020 bis Januar 2021" = "2020 to January 2021".' });
}

/** A full date ("today") in the reader's language. */
export function formatDay(day: number, locale: string): string {
  return formatter(locale, 'day').format(new Date(day * MS_PER_DAY));
}
