import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sampleFeed = join(root, 'demo/feeds/hannover.json');
const sampleCsv = join(root, 'demo/feeds/measures-sample.csv');
const sampleText = readFileSync(sampleFeed, 'utf8');
const bin = fileURLToPath(new URL('../bin/wir-feed.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wir-feed-csv-'));
const path = (name: string) => join(dir, name);
const write = (name: string, content: string | Uint8Array): string => {
  writeFileSync(path(name), content);
  return path(name);
};
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

/** In-process, for the many cases that need no real process. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const HEADER = 'field;goal;id;status;status_date;title_de\r\n';

describe('wir-feed measures-to-csv', () => {
  test('--out: a ";"-file with a byte order mark and CRLF, as German Excel opens it', () => {
    const out = path('catalogue.csv');
    const result = run('measures-to-csv', sampleFeed, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /hannover\.json: 52 measures written to .*catalogue\.csv \(";"-separated, UTF-8 with byte order mark\)\./);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.startsWith('\uFEFFfield;goal;goal_title_de;'));
    assert.equal(text.split('\r\n').length, 54, 'header, 52 rows, and the final line end');
  });

  test('to standard output; --delimiter "," and --no-bom for other tools', async () => {
    const { code, stdout } = await cli('measures-to-csv', sampleFeed, '--delimiter', ',', '--no-bom');
    assert.equal(code, 0);
    assert.ok(stdout.startsWith('field,goal,goal_title_de,'));
    assert.ok(stdout.endsWith('\r'), 'the last row ends with CRLF once the line is printed');
  });

  test('an invalid feed is not exported (exit 1, its problems with paths)', async () => {
    const feed = JSON.parse(sampleText);
    feed.actionFields[0].goals[0].measures[0].themes.push('unbekannt');
    const { code, stderr } = await cli('measures-to-csv', write('invalid.json', JSON.stringify(feed)), '--out', path('never.csv'));
    assert.equal(code, 1);
    assert.match(stderr, /^\$\.actionFields\[0\]\.goals\[0\]\.measures\[0\]\.themes\[2\]: Unknown cross-cutting theme "unbekannt"/);
    assert.match(stderr, /fix them first \(wir-feed validate .*invalid\.json\)\. Nothing written\./);
    assert.equal(existsSync(path('never.csv')), false);
  });
});

describe('wir-feed measures-from-csv', () => {
  test('the round trip through the CLI gives the sample feed back byte for byte (spawned)', () => {
    const csv = path('roundtrip.csv');
    assert.equal(run('measures-to-csv', sampleFeed, '--out', csv).status, 0);
    const out = path('roundtrip.json');
    const result = run('measures-from-csv', csv, '--feed', sampleFeed, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(out, 'utf8'), sampleText);
    assert.match(result.stderr, /roundtrip\.csv: 52 measures in 20 goals, merged into .*hannover\.json; written to .*roundtrip\.json\.\n$/);
  });

  test('the sample CSV in demo/feeds merges cleanly into the sample feed (npx from the repo root)', () => {
    const result = spawnSync('npx', ['--no', 'wir-feed', 'measures-from-csv', 'demo/feeds/measures-sample.csv', '--feed', 'demo/feeds/hannover.json', '--out', path('sample-merged.json')], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /measures-sample\.csv: \d+ measures in 2 goals, merged into demo\/feeds\/hannover\.json/);
    assert.doesNotMatch(result.stderr, /new measures|moved|removed/, 'the sample CSV matches the sample feed');
    assert.ok(readFileSync(sampleCsv, 'utf8').startsWith('\uFEFF'), 'saved as Excel saves "CSV UTF-8"');
  });

  test('editing in place (--out the same file as --feed) writes only the changed status', async () => {
    const feedFile = write('in-place.json', sampleText);
    const csv = readFileSync(sampleCsv, 'utf8').replace(/(;bildung-m3;[^\r]*?;)in-progress;2023-02;/, '$1done;2025-06;');
    const { code, stderr } = await cli('measures-from-csv', write('edited.csv', csv), '--feed', feedFile, '--out', feedFile);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /\n {2}new current status: bildung-m3$/);
    const feed = JSON.parse(readFileSync(feedFile, 'utf8'));
    assert.deepEqual(feed.actionFields[0].goals[0].measures[2].status.at(-1), { status: 'done', date: '2025-06' });
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  test('problems: exit 1, each at "row N, column X (name)", and nothing written, not even over an old file', async () => {
    const out = write('keep.json', 'the old content');
    const csv = write('bad.csv', HEADER + 'bildung;bildung-z1;bildung-m1;started;2025;Titel\r\nbildung;bildung-z1;bildung-m2;done;2025;\r\n');
    const result = run('measures-from-csv', csv, '--feed', sampleFeed, '--out', out);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      [
        'row 2, column D (status): "started" is not one of: proposed, accepted, deferred, recommendation, in-progress, done.',
        'row 3, column F (title_de): Missing the text in the default language "de".',
        '',
        `${csv}: 2 problems found; nothing written.`,
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(out, 'utf8'), 'the old content');
  });

  test('without --out the JSON goes to standard output and the summary to standard error', async () => {
    const { code, stdout, stderr } = await cli('measures-from-csv', write('plain.csv', HEADER + 'bildung;bildung-z1;bildung-m1;done;2025;Titel\r\n'));
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).actionFields[0].goals[0].measures[0], { id: 'bildung-m1', title: 'Titel', status: [{ status: 'done', date: '2025' }], themes: [] });
    assert.match(stderr, /1 measure in 1 goal, checked without a feed/);
  });

  test('--json: a report with rows, letters and columns, or the summary and result', async () => {
    const bad = await cli('measures-from-csv', write('bad2.csv', HEADER + 'bildung;bildung-z1;bildung-m1;started;2025;T\r\n'), '--json');
    assert.equal(bad.code, 1);
    const report = JSON.parse(bad.stdout);
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems, [
      {
        row: 2,
        column: 'status',
        letter: 'D',
        code: 'enum',
        message: '"started" is not one of: proposed, accepted, deferred, recommendation, in-progress, done.',
        path: '$.actionFields[0].goals[0].measures[0].status[0].status',
      },
    ]);
    const good = await cli('measures-from-csv', sampleCsv, '--feed', sampleFeed, '--json', '--out', path('json-out.json'));
    assert.equal(good.code, 0);
    const summary = JSON.parse(good.stdout);
    assert.equal(summary.ok, true);
    assert.equal(summary.summary.goals, 2);
    assert.equal(summary.out, path('json-out.json'));
    assert.equal(summary.result, undefined);
  });

  test('a Windows-1252 file (Excel\'s plain "CSV") is read with its umlauts, and the editor is told', async () => {
    const latin1 = Uint8Array.from([...HEADER, ...'bildung;bildung-z1;bildung-m1;done;2025;Br'].map((c) => c.charCodeAt(0)).concat([0xfc, 0x63, 0x6b, 0x65, 0x20, 0x84, 0x78, 0x93, 0x0d, 0x0a]));
    const { code, stdout, stderr } = await cli('measures-from-csv', write('latin.csv', latin1));
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).actionFields[0].goals[0].measures[0].title, 'Brücke „x“');
    assert.match(stderr, /latin\.csv is not UTF-8; it was read as windows-1252\. If umlauts look wrong, save it as "CSV UTF-8" in Excel\./);
  });

  test('a UTF-8 file with one stray byte is not read as Windows-1252: the byte is reported at its cell, nothing written', async () => {
    const utf8 = new TextEncoder().encode(`\uFEFF${HEADER}bildung;bildung-z1;bildung-m1;done;2025;„Brücke“ `);
    const bytes = Uint8Array.from([...utf8, 0x96, 0x20, 0x78, 0x0d, 0x0a]);
    const out = path('stray.out.json');
    const { code, stdout, stderr } = await cli('measures-from-csv', write('stray.csv', bytes), '--feed', sampleFeed, '--out', out);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(existsSync(out), false);
    assert.doesNotMatch(stderr, /windows-1252/);
    assert.match(stderr, /^row 2, column F \(title_de\): The byte 0x96 is not UTF-8, but the rest of the file is \(it shows as � in "„Brücke“ � x"\)\./);
    assert.match(stderr, /stray\.csv: 1 problem found; nothing written\./);
    const json = JSON.parse((await cli('measures-from-csv', path('stray.csv'), '--json')).stdout);
    assert.deepEqual(
      [json.encoding, json.problems.map((p: any) => [p.row, p.letter, p.column, p.code])],
      ['utf-8', [[2, 'F', 'title_de', 'csv-encoding']]],
    );
  });

  test('Excel\'s "Unicode text" (tab-separated UTF-16 with byte order mark) merges like the same ";"-file', async () => {
    const { formatCsv, parseCsv } = await import('../src/csv/parse.js');
    const rows = parseCsv(readFileSync(sampleCsv, 'utf8')).rows;
    const tabbed = '\uFEFF' + formatCsv(rows, '\t');
    const utf16 = Uint8Array.from([...tabbed].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]));
    const expected = await cli('measures-from-csv', sampleCsv, '--feed', sampleFeed);
    const { code, stdout, stderr } = await cli('measures-from-csv', write('unicode.txt', utf16), '--feed', sampleFeed);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, expected.stdout);
    assert.doesNotMatch(stderr, /not UTF-8/);
    assert.equal(JSON.parse((await cli('measures-from-csv', path('unicode.txt'), '--json')).stdout).delimiter, '\t');
  });

  test('an invalid --feed is refused with its own paths (exit 1)', async () => {
    const feed = JSON.parse(sampleText);
    delete feed.strategy.publisher;
    const { code, stderr } = await cli('measures-from-csv', sampleCsv, '--feed', write('no-publisher.json', JSON.stringify(feed)));
    assert.equal(code, 1);
    assert.match(stderr, /^\$\.strategy\.publisher: Missing required field "publisher"\.\n\n.*no-publisher\.json: 1 problem in the feed itself/);
  });

  test('I/O and usage errors exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['measures-from-csv', path('missing.csv')], /Cannot read .*missing\.csv: ENOENT/],
      [['measures-from-csv', sampleCsv, '--feed', path('missing.json')], /Cannot read .*missing\.json: ENOENT/],
      [['measures-from-csv', sampleCsv, '--feed', sampleFeed, '--out', path('no/such/dir/x.json')], /Cannot write .*x\.json: ENOENT/],
      [['measures-to-csv', sampleFeed, '--out', path('no/such/dir/x.csv')], /Cannot write .*x\.csv: ENOENT/],
      [['measures-from-csv', sampleCsv, '--delimiter', 'tab'], /--delimiter must be ";" or ","/],
      [['measures-from-csv', sampleCsv, '--no-bom'], /measures-from-csv has no option --no-bom/],
      [['measures-to-csv', sampleFeed, '--feed', sampleFeed], /measures-to-csv has no option --feed/],
      [['validate', sampleFeed, '--out', 'x'], /validate has no option --out/],
      [['measures-from-csv'], /Usage: wir-feed validate/],
      [['measures-from-csv', sampleCsv, '--feed'], /argument missing/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await cli(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
  });

  test('--help lists all three commands', async () => {
    const { code, stdout } = await cli('--help');
    assert.equal(code, 0);
    for (const command of ['validate <file-or-URL>', 'measures-from-csv <file.csv>', 'measures-to-csv <feed.json>']) assert.ok(stdout.includes(command), command);
  });
});
