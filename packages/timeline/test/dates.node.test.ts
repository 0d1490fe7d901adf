import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TimelineEntry } from '@wir/feed';
import {
  calendarDays,
  compareEntries,
  dayNumber,
  daySpan,
  entrySpan,
  entryStatus,
  formatEntryDate,
  formatPartialDate,
  formattingLocale,
  isoDay,
  localToday,
  nowIndex,
  parseDay,
  parsePartialDate,
  sortEntries,
} from '../src/dates.js';

// Intl puts thin and narrow no-break spaces around range dashes in some locales.
const plain = (text: string) => text.replace(/\s/g, ' ');
const day = (iso: string) => parseDay(iso)!;
const span = (s: { start: number; end: number }) => [isoDay(s.start), isoDay(s.end)];
const entry = (id: string, kind: TimelineEntry['kind'], date: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id,
  kind,
  date,
  title: id,
  ...more,
});

describe('partial dates', () => {
  it('parses the three precisions and rejects days that do not exist', () => {
    assert.deepEqual(parsePartialDate('2021'), { year: 2021, precision: 'year' });
    assert.deepEqual(parsePartialDate('2021-07'), { year: 2021, month: 7, precision: 'month' });
    assert.deepEqual(parsePartialDate('2024-02-29'), { year: 2024, month: 2, day: 29, precision: 'day' });
    for (const bad of ['2021-02-29', '2021-13', '2021-00', '2021-04-31', '21', '2021-7', '2021-07-1', '2021-07-01T00:00', ' 2021', '']) {
      assert.equal(parsePartialDate(bad), undefined, bad);
    }
  });

  it('reads the today attribute only as a full date', () => {
    assert.equal(isoDay(day('2026-03-10')), '2026-03-10');
    assert.equal(parseDay(' 2026-03-10 '), day('2026-03-10'));
    for (const bad of [undefined, null, '', '2026', '2026-03', '10.03.2026', '2026-02-30']) assert.equal(parseDay(bad), undefined, String(bad));
  });

  it('takes today from the local calendar date, not UTC', () => {
    // 23:30 local time on 9 March is still 9 March, whatever the offset.
    assert.equal(isoDay(localToday(new Date(2026, 2, 9, 23, 30))), '2026-03-09');
    assert.equal(isoDay(localToday(new Date(2026, 2, 10, 0, 5))), '2026-03-10');
  });

  it('counts days without time-zone drift, also before 1970 and in years below 100', () => {
    assert.equal(dayNumber(1970, 1, 1), 0);
    assert.equal(isoDay(dayNumber(1969, 12, 31)), '1969-12-31');
    assert.equal(isoDay(dayNumber(2024, 2, 29)), '2024-02-29');
    assert.equal(dayNumber(50, 1, 1) < dayNumber(1950, 1, 1), true);
  });

  it('gives each precision its days, and approximate its third', () => {
    assert.deepEqual(span(daySpan('2021')!), ['2021-01-01', '2021-12-31']);
    assert.deepEqual(span(daySpan('2024-02')!), ['2024-02-01', '2024-02-29']);
    assert.deepEqual(span(daySpan('2021-05-17')!), ['2021-05-17', '2021-05-17']);
    assert.deepEqual(span(daySpan('2021-07', 'start')!), ['2021-07-01', '2021-07-10']);
    assert.deepEqual(span(daySpan('2021-07', 'mid')!), ['2021-07-11', '2021-07-20']);
    assert.deepEqual(span(daySpan('2021-07', 'end')!), ['2021-07-21', '2021-07-31']);
    assert.deepEqual(span(daySpan('2021', 'start')!), ['2021-01-01', '2021-04-30']);
    assert.deepEqual(span(daySpan('2021', 'mid')!), ['2021-05-01', '2021-08-31']);
    assert.deepEqual(span(daySpan('2021', 'end')!), ['2021-09-01', '2021-12-31']);
    // A full date stays that day even when marked approximate.
    assert.deepEqual(span(daySpan('2021-05-17', 'end')!), ['2021-05-17', '2021-05-17']);
  });

  it('spans an entry from its date to the last day of its end', () => {
    assert.deepEqual(span(entrySpan({ date: '2020', end: '2021-01' })), ['2020-01-01', '2021-01-31']);
    assert.deepEqual(span(entrySpan({ date: '2021-05-17', end: '2021-05-23' })), ['2021-05-17', '2021-05-23']);
    assert.deepEqual(span(entrySpan({ date: '2022', end: '2026' })), ['2022-01-01', '2026-12-31']);
    // approximate narrows the start only; a narrowed start after the end collapses onto it.
    assert.deepEqual(span(entrySpan({ date: '2021', end: '2022', approximate: 'end' })), ['2021-09-01', '2022-12-31']);
    assert.deepEqual(span(entrySpan({ date: '2021', end: '2021-03', approximate: 'end' })), ['2021-09-01', '2021-12-31']);
  });
});

describe('past, current, upcoming', () => {
  const phase = { date: '2022', end: '2026' };
  const week = { date: '2021-05-17', end: '2021-05-23' };
  const endOfJuly = { date: '2021-07', approximate: 'end' as const };

  it('judges a multi-year phase', () => {
    assert.equal(entryStatus(phase, day('2021-12-31')), 'upcoming');
    assert.equal(entryStatus(phase, day('2022-01-01')), 'current');
    assert.equal(entryStatus(phase, day('2026-03-10')), 'current');
    assert.equal(entryStatus(phase, day('2026-12-31')), 'current');
    assert.equal(entryStatus(phase, day('2027-01-01')), 'past');
  });

  it('judges a single day and a week by their first and last day', () => {
    const oneDay = { date: '2026-03-14' };
    assert.equal(entryStatus(oneDay, day('2026-03-13')), 'upcoming');
    assert.equal(entryStatus(oneDay, day('2026-03-14')), 'current');
    assert.equal(entryStatus(oneDay, day('2026-03-15')), 'past');
    assert.equal(entryStatus(week, day('2021-05-16')), 'upcoming');
    assert.equal(entryStatus(week, day('2021-05-23')), 'current');
    assert.equal(entryStatus(week, day('2021-05-24')), 'past');
  });

  it('takes "end of July" at its word', () => {
    assert.equal(entryStatus(endOfJuly, day('2021-07-15')), 'upcoming');
    assert.equal(entryStatus(endOfJuly, day('2021-07-21')), 'current');
    assert.equal(entryStatus(endOfJuly, day('2021-08-01')), 'past');
    assert.equal(entryStatus({ date: '2027', approximate: 'start' }, day('2026-12-31')), 'upcoming');
    assert.equal(entryStatus({ date: '2027', approximate: 'start' }, day('2027-05-01')), 'past');
  });
});

describe('ordering', () => {
  it('sorts by the first day covered, whatever the feed order', () => {
    const list = [
      entry('umsetzung', 'phase', '2022', { end: '2026' }),
      entry('konferenz', 'event', '2026-03-14'),
      entry('phase-1', 'phase', '2020', { end: '2021-01' }),
      entry('entwurf', 'milestone', '2021-07', { approximate: 'end' }),
      entry('mitte-juli', 'event', '2021-07-15'),
      entry('veroeffentlicht', 'milestone', '2021-01-22'),
      entry('juli', 'milestone', '2021-07'),
    ];
    assert.deepEqual(
      sortEntries(list).map((e) => e.id),
      ['phase-1', 'veroeffentlicht', 'juli', 'mitte-juli', 'entwurf', 'umsetzung', 'konferenz'],
    );
    // A copy: the feed's array is left alone.
    assert.equal(list[0].id, 'umsetzung');
  });

  it('puts a year before its first day when they tie, by kind: phase, milestone, event; then by id', () => {
    const list = [
      entry('b-event', 'event', '2021-01-01'),
      entry('a-event', 'event', '2021-01-01'),
      entry('milestone', 'milestone', '2021-01'),
      entry('phase', 'phase', '2021'),
    ];
    assert.deepEqual(sortEntries(list).map((e) => e.id), ['phase', 'milestone', 'a-event', 'b-event']);
    assert.equal(compareEntries(list[0], list[0]), 0);
  });

  it('places today after everything that started on or before it', () => {
    const sorted = sortEntries([
      entry('a', 'phase', '2020', { end: '2030' }),
      entry('b', 'event', '2026-03-10'),
      entry('c', 'event', '2026-03-11'),
    ]);
    assert.equal(nowIndex(sorted, day('2019-12-31')), 0);
    assert.equal(nowIndex(sorted, day('2026-03-10')), 2);
    assert.equal(nowIndex(sorted, day('2026-03-11')), 3);
    assert.equal(nowIndex([], day('2026-03-11')), 0);
  });
});

describe('calendar days', () => {
  it('offers only entries known to the day, with an inclusive last day', () => {
    assert.deepEqual(calendarDays({ date: '2026-03-14' }), { start: '2026-03-14', end: '2026-03-14' });
    assert.deepEqual(calendarDays({ date: '2026-06-20', end: '2026-06-21' }), { start: '2026-06-20', end: '2026-06-21' });
    assert.equal(calendarDays({ date: '2026-06' }), undefined);
    assert.equal(calendarDays({ date: '2026' }), undefined);
    assert.equal(calendarDays({ date: '2026-06-20', end: '2026-07' }), undefined);
    assert.equal(calendarDays({ date: '2026-06-20', approximate: 'mid' }), undefined);
  });
});

describe('formatting (German words outside a widget; other languages in the browser test)', () => {
  it('shows each precision as given, never a false exact day', () => {
    assert.equal(formatPartialDate('2021-01-22', 'de'), '22. Januar 2021');
    assert.equal(formatPartialDate('2021-07', 'de'), 'Juli 2021');
    assert.equal(formatPartialDate('2021', 'de'), '2021');
    assert.equal(formatPartialDate('2021-07', 'en'), 'July 2021');
    assert.equal(formatPartialDate('2021-07', 'ru'), 'июль 2021 г.');
    assert.equal(formatPartialDate('2021-01-22', 'uk'), '22 січня 2021 р.');
    assert.equal(formatPartialDate('2021-01-22', 'tr'), '22 Ocak 2021');
    assert.equal(formatPartialDate('not a date', 'de'), 'not a date');
  });

  it('writes approximate dates in words', () => {
    assert.equal(formatPartialDate('2021-07', 'de', 'end'), 'Ende Juli 2021');
    assert.equal(formatPartialDate('2021-07', 'de', 'start'), 'Anfang Juli 2021');
    assert.equal(formatPartialDate('2021-07', 'de', 'mid'), 'Mitte Juli 2021');
    assert.equal(formatPartialDate('2027', 'de', 'start'), 'Anfang 2027');
    assert.equal(formatPartialDate('2021', 'de', 'end'), 'Ende 2021');
    assert.equal(formatPartialDate('2021-05-17', 'de', 'mid'), 'ca. 17. Mai 2021');
  });

  it('formats ranges with formatRange when both ends share a precision', () => {
    assert.equal(plain(formatEntryDate({ date: '2021-05-17', end: '2021-05-23' }, 'de')), '17.–23. Mai 2021');
    assert.equal(plain(formatEntryDate({ date: '2021-09', end: '2021-11' }, 'de')), 'September–November 2021');
    assert.equal(plain(formatEntryDate({ date: '2022', end: '2026' }, 'de')), '2022–2026');
    assert.equal(plain(formatEntryDate({ date: '2021-12-30', end: '2022-01-02' }, 'de')), '30. Dezember 2021 – 2. Januar 2022');
    assert.equal(plain(formatEntryDate({ date: '2021-05-17', end: '2021-05-23' }, 'en')), 'May 17 – 23, 2021');
    assert.equal(plain(formatEntryDate({ date: '2021-05-17', end: '2021-05-23' }, 'ru')), '17–23 мая 2021 г.');
    // Same value twice is one date.
    assert.equal(formatEntryDate({ date: '2021-05-17', end: '2021-05-17' }, 'de'), '17. Mai 2021');
  });

  it('joins ends of different precision, and an approximate start, with words', () => {
    assert.equal(formatEntryDate({ date: '2020', end: '2021-01' }, 'de'), '2020 bis Januar 2021');
    assert.equal(formatEntryDate({ date: '2021', end: '2022', approximate: 'end' }, 'de'), 'Ende 2021 bis 2022');
  });

  it('uses the digits the locale asks for', () => {
    assert.equal(formatPartialDate('2021-01-22', 'ar-EG'), '٢٢ يناير ٢٠٢١');
    assert.equal(formatPartialDate('2021', 'ar-u-nu-arab'), '٢٠٢١');
    assert.equal(formatPartialDate('2021', 'ar-u-nu-latn'), '2021');
    // Plain "ar": whatever the platform's locale data says (Latin digits in current CLDR).
    assert.equal(formatPartialDate('2021', 'ar'), new Intl.DateTimeFormat('ar', { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2021, 0, 1)));
  });

  it('keeps a Gregorian calendar even where the locale would pick another', () => {
    assert.equal(formatPartialDate('2021', 'ar-SA-u-ca-islamic'), formatPartialDate('2021', 'ar-SA'));
    assert.match(formatPartialDate('2021-01-22', 'ar-SA'), /[٢2][٠0][٢2][١1]/);
  });

  it('formats dates in the reader’s tag when it is the UI language, else in the UI language', () => {
    assert.equal(formattingLocale('ar-EG', 'ar'), 'ar-EG');
    assert.equal(formattingLocale('en-GB', 'en'), 'en-GB');
    assert.equal(formattingLocale('fr', 'de'), 'de');
    assert.equal(formattingLocale('de-x-ls', 'de'), 'de-x-ls');
    assert.equal(formatPartialDate('2021-01-22', formattingLocale('en-GB', 'en')), '22 January 2021');
  });
});
