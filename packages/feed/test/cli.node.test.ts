import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';
import { broken, fixturePath } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/wir-feed.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wir-feed-cli-'));
const write = (name: string, content: string): string => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const badFile = write(
  'bad.json',
  JSON.stringify(
    broken((f) => {
      delete f.strategy.publisher;
      f.timeline[1].link = 'javascript:alert(1)';
    }),
  ),
);

describe('wir-feed CLI (spawned through bin/wir-feed.mjs)', () => {
  test('a good file: exit 0 and a one-line summary', () => {
    const result = run('validate', fixturePath('complete.json'));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /complete\.json: valid WIR feed, no problems found\.\n$/);
  });

  test('a bad file: exit 1, each problem as "path: message", then the count', () => {
    const result = run('validate', badFile);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        '$.strategy.publisher: Missing required field "publisher".',
        '$.timeline[1].link: "javascript:alert(1)" is not an http or https link.',
        '',
        `${badFile}: 2 problems found.`,
        '',
      ].join('\n'),
    );
  });

  test('--json prints a machine-readable report', () => {
    const result = run('validate', badFile, '--json');
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p: { path: string; code: string }) => [p.path, p.code]),
      [
        ['$.strategy.publisher', 'required'],
        ['$.timeline[1].link', 'link'],
      ],
    );
  });

  test('a file that is not JSON is a problem (exit 1)', () => {
    const result = run('validate', write('broken.json', '{\n  "schemaVersion": "1.0",\n  "strategy": {,\n}'));
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^\$: The feed at .*broken\.json is not valid JSON \(line 3, column 16\): /);
  });

  test('a missing file is an I/O error (exit 2)', () => {
    const result = run('validate', join(dir, 'nope.json'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Cannot read .*nope\.json: ENOENT/);
  });

  test('usage errors exit 2 and print the usage; --help exits 0', () => {
    for (const args of [[], ['check', 'x.json'], ['validate'], ['validate', 'a.json', 'b.json']]) {
      const result = run(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /Usage: wir-feed validate <file-or-URL> \[--json\]/);
    }
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: wir-feed/);
  });
});

describe('wir-feed from the repository root (workspace bin link, as editors run it)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const npx = (...args: string[]) =>
    spawnSync('npx', ['--no', 'wir-feed', ...args], { cwd: root, encoding: 'utf8', shell: process.platform == 'win32' });

  test('npx wir-feed validate demo/feeds/hannover.json: the sample feed is valid (exit 0)', () => {
    const result = npx('validate', 'demo/feeds/hannover.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'demo/feeds/hannover.json: valid WIR feed, no problems found.\n');
  });

  test('a wrong status deep in the catalogue: exit 1 and the exact path of the value', () => {
    const feed = JSON.parse(readFileSync(join(root, 'demo/feeds/hannover.json'), 'utf8'));
    feed.actionFields[1].goals[0].measures[2].status[1].status = 'started';
    const result = npx('validate', write('sample-bad-status.json', JSON.stringify(feed)));
    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stdout,
      /^\$\.actionFields\[1\]\.goals\[0\]\.measures\[2\]\.status\[1\]\.status: "started" is not one of: proposed, accepted, deferred, recommendation, in-progress, done\.\n/,
    );
  });
});

describe('wir-feed CLI (in-process, URLs through loadFeed)', () => {
  test('an unreachable URL is an I/O error naming the URL', async () => {
    const lines: string[] = [];
    const code = await main(['validate', 'http://127.0.0.1:9/feed.json'], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    assert.equal(code, 2);
    assert.match(lines.join('\n'), /http:\/\/127\.0\.0\.1:9\/feed\.json/);
  });
});
