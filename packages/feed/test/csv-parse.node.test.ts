import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readHeader } from '../src/csv/columns.js';
import { columnLetter, decodeCsv, formatCsv, parseCsv } from '../src/csv/parse.js';
import { normalizeDate, parseNumber } from '../src/csv/values.js';

describe('parseCsv: RFC 4180 and what spreadsheets really write', () => {
  test('";" with a UTF-8 byte order mark and CRLF (Excel, German locale, "CSV UTF-8")', () => {
    const table = parseCsv('\uFEFFid;title_de\r\nbildung-m1;Schule\r\n');
    assert.equal(table.delimiter, ';');
    assert.deepEqual(table.rows, [
      ['id', 'title_de'],
      ['bildung-m1', 'Schule'],
    ]);
    assert.deepEqual(table.problems, []);
  });

  test('the delimiter is the one the header row uses more, outside quotes', () => {
    assert.equal(parseCsv('a,b,c\n1;2;3,4').delimiter, ',');
    assert.equal(parseCsv('"a,b,c";d;e\n').delimiter, ';');
    assert.equal(parseCsv('id\nx\n').delimiter, ',');
    assert.equal(parseCsv('a,b\n', ';').delimiter, ';');
  });

  test('quoted cells hold delimiters, doubled quotes and line breaks (CRLF inside becomes LF)', () => {
    const table = parseCsv('a;b;c\r\n"x;y";"er sagte ""ja""";"Zeile 1\r\nZeile 2\rZeile 3"\r\n');
    assert.deepEqual(table.rows[1], ['x;y', 'er sagte "ja"', 'Zeile 1\nZeile 2\nZeile 3']);
    assert.equal(table.rows.length, 2, 'a cell with line breaks is still one row');
  });

  test('empty cells, empty quoted cells, and a missing final line break', () => {
    assert.deepEqual(parseCsv('a,b,c\n,"",\nx,y,z').rows, [
      ['a', 'b', 'c'],
      ['', '', ''],
      ['x', 'y', 'z'],
    ]);
  });

  test('LF only and lone CR (old Mac Excel) end rows too', () => {
    assert.deepEqual(parseCsv('a,b\n1,2\r3,4\r\n5,6').rows, [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  test('blank rows are kept, so rows[i] is always spreadsheet row i + 1', () => {
    const table = parseCsv('a;b\r\n;\r\n\r\nx;y\r\n;\r\n;\r\n');
    assert.deepEqual(table.rows, [['a', 'b'], ['', ''], [''], ['x', 'y'], ['', ''], ['', '']]);
  });

  test('a quote inside an unquoted cell is kept as written', () => {
    assert.deepEqual(parseCsv('a;b\n12" Monitor;x\n').rows[1], ['12" Monitor', 'x']);
  });

  test('text after a closing quote is reported at its row and column, and kept', () => {
    const table = parseCsv('a;b\n1;"quoted" tail\n');
    assert.deepEqual(table.rows[1], ['1', 'quoted tail']);
    assert.equal(table.problems.length, 1);
    assert.deepEqual({ ...table.problems[0], message: '' }, { row: 2, letter: 'B', code: 'csv-quote', message: '' });
    assert.match(table.problems[0].message, /after the closing quote.*two quotes \(""\)/);
  });

  test('a quote never closed is reported where the cell starts', () => {
    const table = parseCsv('a;b;c\n1;2;3\n4;"five;6\n7;8;9\n');
    assert.deepEqual(table.problems.map((p) => [p.row, p.letter, p.code]), [[3, 'B', 'csv-unclosed-quote']]);
    assert.match(table.problems[0].message, /never closed/);
  });

  test('an empty file has no rows', () => {
    assert.deepEqual(parseCsv('').rows, []);
    assert.deepEqual(parseCsv('\uFEFF').rows, []);
  });
});

describe('parseCsv: tab-separated files', () => {
  test('a header with more tabs than ";" and "," is tab-separated; numbers are read with a decimal comma', async () => {
    const { parseNumber } = await import('../src/csv/values.js');
    const table = parseCsv('field\tgoal\ttitle_de\r\nf\tg\t"a; b, c"\r\n');
    assert.equal(table.delimiter, '\t');
    assert.deepEqual(table.rows, [['field', 'goal', 'title_de'], ['f', 'g', 'a; b, c']]);
    assert.equal(parseCsv('a;b\tc;d\r\n').delimiter, ';');
    assert.deepEqual(parseNumber('12,5', '\t'), { value: 12.5 });
    assert.match('error' in parseNumber('1.400', '\t') ? (parseNumber('1.400', '\t') as { error: string }).error : '', /in a tab-separated file/);
  });
});

describe('decodeCsv: the encodings Excel saves in', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  test('UTF-8 (with or without byte order mark)', () => {
    assert.deepEqual(decodeCsv(new TextEncoder().encode('Bühne')), { text: 'Bühne', encoding: 'utf-8' });
    assert.equal(parseCsv(decodeCsv(new TextEncoder().encode('\uFEFFa;b')).text).rows[0][0], 'a');
  });
  test('Windows-1252 ("CSV (Trennzeichen-getrennt)"): umlauts and „quotes“ survive', () => {
    assert.deepEqual(decodeCsv(bytes(0x42, 0xfc, 0x68, 0x6e, 0x65, 0x20, 0x84, 0x61, 0x93, 0x20, 0x96, 0x20, 0x80)), {
      text: 'Bühne „a“ – €',
      encoding: 'windows-1252',
    });
  });
  test('one stray byte in an otherwise UTF-8 file: still UTF-8, the byte is listed, nothing else is garbled', () => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)];
    // „Kita“ in UTF-8, then a Windows-1252 dash (0x96) typed into the same file.
    const stray = decodeCsv(Uint8Array.from([...utf8('„Kita“ '), 0x96, ...utf8(' Ausbau')]));
    assert.deepEqual(stray, { text: '„Kita“ \uFFFD Ausbau', encoding: 'utf-8', invalid: ['0x96'] });
    // A byte order mark alone is enough to say UTF-8; a truncated sequence is one problem, as TextDecoder counts it.
    assert.deepEqual(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('field;x'), 0xe2, 0x80, 0x41, 0xff])), {
      text: 'field;x\uFFFDA\uFFFD',
      encoding: 'utf-8',
      invalid: ['0xE2 0x80', '0xFF'],
    });
  });
  test('UTF-16 with byte order mark ("Unicode text")', () => {
    assert.deepEqual(decodeCsv(bytes(0xff, 0xfe, 0x61, 0, 0xe4, 0)), { text: 'aä', encoding: 'utf-16le' });
    assert.equal(parseCsv(decodeCsv(bytes(0xff, 0xfe, 0x61, 0, 0x3b, 0, 0x62, 0)).text).rows[0][0], 'a');
  });
});

describe('formatCsv', () => {
  test('quotes only what needs it, doubles quotes, ends rows with CRLF', () => {
    assert.equal(
      formatCsv([['plain', 'a;b', 'say "hi"', 'two\nlines', ' padded', 'a,b']], ';'),
      'plain;"a;b";"say ""hi""";"two\nlines";" padded";a,b\r\n',
    );
    assert.equal(formatCsv([['a,b', 'c;d']], ','), '"a,b",c;d\r\n');
  });
  test('parseCsv reads back what formatCsv wrote', () => {
    const rows = [['id', 'text'], ['x', 'Zeile 1\nZeile 2; "zitiert", fertig'], ['', '']];
    for (const delimiter of [',', ';'] as const) assert.deepEqual(parseCsv(formatCsv(rows, delimiter)).rows, rows);
  });
});

test('columnLetter: A … Z, AA … ZZ, AAA', () => {
  assert.deepEqual([0, 3, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), ['A', 'D', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
});

describe('parseNumber: the file\'s locale decides the decimal mark', () => {
  const ok = (raw: string, delimiter: ';' | ',', value: number) => assert.deepEqual(parseNumber(raw, delimiter), { value }, raw);
  const bad = (raw: string, delimiter: ';' | ',', message: RegExp) => {
    const result = parseNumber(raw, delimiter);
    assert.ok('error' in result, raw);
    assert.match(result.error, message);
  };
  test('decimal comma in ";"-files, decimal point in ","-files', () => {
    ok('12,5', ';', 12.5);
    ok('12.5', ',', 12.5);
    ok('-3', ';', -3);
    ok('+7', ',', 7);
    ok(' 400 ', ';', 400);
    ok('0', ';', 0);
  });
  test('the other mark where it cannot be a thousands separator', () => {
    ok('12.5', ';', 12.5);
    ok('0.25', ';', 0.25);
    ok('21,55', ',', 21.55);
  });
  test('thousands separators with a decimal part, and spaces', () => {
    ok('1.234,5', ';', 1234.5);
    ok('1,234.5', ',', 1234.5);
    ok('1 234', ';', 1234);
    ok('1\u00a0234,5', ';', 1234.5);
  });
  test('exponents', () => {
    ok('1,5E3', ';', 1500);
    ok('2e-2', ',', 0.02);
  });
  test('ambiguous and non-numbers are refused with a way out', () => {
    bad('1.234', ';', /ambiguous in a ";"-separated file.*write 1234 .* or 1,234/);
    bad('1,234', ',', /ambiguous in a ","-separated file.*write 1234 .* or 1\.234/);
    bad('12 %', ';', /not a number/);
    bad('zwölf', ';', /not a number/);
    bad('1,2,3', ';', /not a number/);
    bad('', ';', /not a number/);
  });
});

test('normalizeDate: German spreadsheet dates back to ISO, anything else unchanged', () => {
  assert.equal(normalizeDate('08.11.2021'), '2021-11-08');
  assert.equal(normalizeDate('8.1.2021'), '2021-01-08');
  assert.equal(normalizeDate('07.2021'), '2021-07');
  assert.equal(normalizeDate(' 2021-07 '), '2021-07');
  assert.equal(normalizeDate('2021'), '2021');
  assert.equal(normalizeDate('Jul 21'), 'Jul 21');
});

describe('readHeader', () => {
  test('names, language tags, indicator numbers, letters', () => {
    const { columns, problems } = readHeader([
      'field',
      'Title_DE',
      'title_de-x-ls',
      'Status Date',
      'indicator_baseline_date',
      'indicator2_title_en-gb',
      'indicator2_id',
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      columns.map((c) => [c.letter, c.name, c.lang, c.indicator]),
      [
        ['A', 'field', undefined, undefined],
        ['B', 'title', 'de', undefined],
        ['C', 'title', 'de-x-ls', undefined],
        ['D', 'status_date', undefined, undefined],
        ['E', 'baseline_date', undefined, 0],
        ['F', 'title', 'en-GB', 1],
        ['G', 'id', undefined, 1],
      ],
    );
  });

  test('"#" columns and unnamed columns are skipped', () => {
    const header = readHeader(['id', '# Bemerkung', '', 'status']);
    assert.deepEqual(header.columns.map((c) => c.header), ['id', 'status']);
    assert.deepEqual(header.ignored.map((c) => c.letter), ['B', 'C']);
  });

  test('unknown, duplicate and language-less columns, bad tags: row 1 with column and letter', () => {
    const { problems } = readHeader(['id', 'titel_de', 'title', 'title_deutsch', 'ID', 'indicator_id_de', 'title_en', 'Title_EN']);
    assert.deepEqual(
      problems.map((p) => [p.row, p.letter, p.column, p.code]),
      [
        [1, 'B', 'titel_de', 'unknown-column'],
        [1, 'C', 'title', 'language-tag'],
        [1, 'D', 'title_deutsch', 'language-tag'],
        [1, 'E', 'ID', 'duplicate-column'],
        [1, 'F', 'indicator_id_de', 'unknown-column'],
        [1, 'H', 'Title_EN', 'duplicate-column'],
      ],
    );
    assert.match(problems[0].message, /^Unknown column "titel_de"\. Known columns: field, goal,/);
    assert.match(problems[1].message, /needs a language tag, like "title_de"/);
    assert.match(problems[3].message, /appears twice: column A \(id\)/);
  });
});
