/**
 * The iCalendar writer against the RFC 5545 rules it relies on. The checks work on the bytes a
 * calendar application receives: UTF-8, CRLF, folded lines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar, calendarFileName, escapeText, eventUid, foldLine, utcStamp } from '../src/ics.js';
import type { CalendarEvent } from '../src/ics.js';

const NOW = new Date('2026-03-10T14:05:09.123Z');
const event = (more: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'konferenz.wir-test@www.test-stadt.example',
  firstDay: '2026-03-14',
  summary: 'Stadtkonferenz',
  ...more,
});

/** Physical lines as byte arrays, split at CRLF; fails on a bare CR or LF. */
function physicalLines(ics: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(ics);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d) {
      assert.equal(bytes[i + 1], 0x0a, `bare CR at byte ${i}`);
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    } else {
      assert.notEqual(bytes[i], 0x0a, `bare LF at byte ${i}`);
    }
  }
  assert.equal(start, bytes.length, 'the document ends with CRLF');
  return lines;
}

/** RFC 5545 §3.1 unfolding, then each content line split into name, parameters and value. */
function parse(ics: string): Array<{ name: string; params: Record<string, string>; value: string }> {
  const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  return unfolded.map((line) => {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [name, ...params] = line.slice(0, colon).split(';');
    return {
      name,
      params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
      value: line.slice(colon + 1),
    };
  });
}

/** TEXT unescaping (§3.3.11), the inverse a calendar application applies. */
const unescape = (text: string) => text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const property = (ics: string, name: string) => parse(ics).filter((p) => p.name === name);

describe('RFC 5545 output', () => {
  it('is a VCALENDAR with VERSION, PRODID, CALSCALE, METHOD and well-nested components', () => {
    const ics = buildCalendar([event(), event({ uid: 'fest.wir-test@x.example', firstDay: '2026-06-20', lastDay: '2026-06-21' })], { now: NOW });
    const lines = parse(ics);
    assert.deepEqual(lines.slice(0, 5).map((l) => `${l.name}:${l.value}`), [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//WIR Widgets//wir-timeline 0.1//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    assert.equal(lines.at(-1)!.name + ':' + lines.at(-1)!.value, 'END:VCALENDAR');
    const stack: string[] = [];
    for (const line of lines) {
      if (line.name === 'BEGIN') stack.push(line.value);
      if (line.name === 'END') assert.equal(stack.pop(), line.value);
    }
    assert.deepEqual(stack, []);
    assert.equal(property(ics, 'VERSION').length, 1);
    assert.equal(property(ics, 'PRODID').length, 1);
  });

  it('gives every VEVENT exactly one UID and a UTC DTSTAMP', () => {
    const ics = buildCalendar([event(), event({ uid: 'b@x.example' })], { now: NOW });
    const events = ics.split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 2);
    for (const body of events) {
      const props = parse(body);
      assert.equal(props.filter((p) => p.name === 'UID').length, 1);
      const stamps = props.filter((p) => p.name === 'DTSTAMP');
      assert.equal(stamps.length, 1);
      assert.equal(stamps[0].value, '20260310T140509Z');
      assert.match(stamps[0].value, /^\d{8}T\d{6}Z$/);
    }
    assert.equal(utcStamp(new Date('1999-12-31T23:59:59.999Z')), '19991231T235959Z');
  });

  it('writes all-day events as DATE values with an exclusive DTEND', () => {
    const cases: Array<[string, string | undefined, string, string]> = [
      ['2026-03-14', undefined, '20260314', '20260315'],
      ['2026-06-20', '2026-06-21', '20260620', '20260622'],
      ['2026-12-31', undefined, '20261231', '20270101'],
      ['2024-02-28', '2024-02-29', '20240228', '20240301'],
      ['2026-01-31', undefined, '20260131', '20260201'],
    ];
    for (const [firstDay, lastDay, start, end] of cases) {
      const ics = buildCalendar([event({ firstDay, lastDay })], { now: NOW });
      const [dtstart] = property(ics, 'DTSTART');
      const [dtend] = property(ics, 'DTEND');
      assert.deepEqual(dtstart.params, { VALUE: 'DATE' });
      assert.equal(dtstart.value, start);
      assert.deepEqual(dtend.params, { VALUE: 'DATE' });
      assert.equal(dtend.value, end, `${firstDay}–${lastDay}`);
      assert.ok(dtend.value > dtstart.value);
    }
  });

  it('refuses dates that are not calendar days, and an end before the start', () => {
    assert.throws(() => buildCalendar([event({ firstDay: '2026-02-30' })]), RangeError);
    assert.throws(() => buildCalendar([event({ firstDay: '2026-03' })]), RangeError);
    assert.throws(() => buildCalendar([event({ firstDay: '2026-03-14', lastDay: '2026-03-13' })]), RangeError);
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT, and round-trips', () => {
    assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
    assert.equal(escapeText('one\r\ntwo\rthree'), 'one\\ntwo\\nthree');
    // Colons and quotes need no escaping in TEXT; other control characters are dropped.
    assert.equal(escapeText('Zeit: "jetzt"\u0007\u0000\ttab'), 'Zeit: "jetzt"\ttab');

    const summary = 'Fest; Musik, Tanz \\ mehr';
    const description = 'Erste Zeile,\nzweite; Zeile\r\n\\n ist kein Umbruch';
    const ics = buildCalendar([event({ summary, description, language: 'de' })], { now: NOW });
    const [s] = property(ics, 'SUMMARY');
    const [d] = property(ics, 'DESCRIPTION');
    assert.equal(s.value, 'Fest\\; Musik\\, Tanz \\\\ mehr');
    assert.equal(unescape(s.value), summary);
    assert.equal(unescape(d.value), description.replace(/\r\n/g, '\n'));
    assert.deepEqual(s.params, { LANGUAGE: 'de' });
    // No unescaped separators remain in the value.
    assert.doesNotMatch(s.value.replace(/\\\\/g, ''), /(?<!\\)[;,]/);
  });

  it('writes URL as a URI value, unescaped', () => {
    const ics = buildCalendar([event({ url: 'https://www.test-stadt.example/a,b;c?x=1&y=2' })], { now: NOW });
    const [url] = property(ics, 'URL');
    assert.deepEqual(url.params, { VALUE: 'URI' });
    assert.equal(url.value, 'https://www.test-stadt.example/a,b;c?x=1&y=2');
  });

  it('ends every line with CRLF, and nothing else breaks a line', () => {
    const ics = buildCalendar([event({ description: 'a\nb\r\nc\rd' })], { now: NOW });
    assert.ok(ics.endsWith('\r\n'));
    physicalLines(ics);
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('folds at 75 octets counting UTF-8 bytes, never inside a character', () => {
    const texts = [
      'x'.repeat(300),
      'ü'.repeat(200), // 2 bytes each
      'Größe – Straße – “Zitat” – €'.repeat(12), // 1, 2 and 3 byte characters mixed
      'مؤتمر المدينة للتعايش '.repeat(15), // Arabic, 2 bytes each
      '🎉👩🏽‍🤝‍👩🏻'.repeat(20), // 4-byte characters and joiners
      'a' + '€'.repeat(40), // a 3-byte character straddling octet 75
    ];
    for (const summary of texts) {
      const ics = buildCalendar([event({ summary, description: summary })], { now: NOW });
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const lines = physicalLines(ics);
      for (const [i, line] of lines.entries()) {
        assert.ok(line.length <= 75, `line ${i} has ${line.length} octets`);
        // A fatal decoder throws on a split multi-byte sequence.
        decoder.decode(line);
        if (i > 0 && line[0] === 0x20) assert.ok(line.length > 1);
      }
      // Folding is lossless: unfolding gives back the escaped value exactly.
      assert.equal(unescape(property(ics, 'SUMMARY')[0].value), summary);
      assert.equal(unescape(property(ics, 'DESCRIPTION')[0].value), summary);
    }
  });

  it('folds only lines that need it, and uses the full 75 octets', () => {
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    const folded = foldLine('x'.repeat(75 + 74 + 3)).split('\r\n');
    assert.deepEqual(folded.map((l) => l.length), [75, 75, 4]);
    // 37 two-byte characters are 74 octets; the 38th would make 76, so it moves to the next line.
    assert.deepEqual(foldLine('ü'.repeat(38)).split('\r\n'), ['ü'.repeat(37), ' ü']);
  });
});

describe('UIDs and file names', () => {
  it('builds a stable UID from entry, strategy and domain', () => {
    assert.equal(eventUid('konferenz', 'wir-hannover', 'www.hannover.de'), 'konferenz.wir-hannover@www.hannover.de');
    assert.equal(eventUid('konferenz', 'wir-hannover', 'WWW.Hannover.DE'), eventUid('konferenz', 'wir-hannover', 'www.hannover.de'));
    assert.equal(eventUid('konferenz', 'wir-hannover', undefined), 'konferenz.wir-hannover@wir-widgets.invalid');
    assert.equal(eventUid('a', 'b', 'bücher.example'), 'a.b@bcher.example');
  });

  it('makes a safe .ics file name', () => {
    assert.equal(calendarFileName('wir-hannover-konferenz'), 'wir-hannover-konferenz.ics');
    assert.equal(calendarFileName('../Etc/Passwd; rm'), 'etc-passwd-rm.ics');
    assert.equal(calendarFileName('???'), 'termin.ics');
  });
});
