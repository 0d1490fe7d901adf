// Runs every test suite of the project and ends with one tally line: "N passed, N failed".
// Suites: build + size budgets, type check, node tests, the vote API's no-loss run, browser
// tests (web-test-runner in Debian Chromium). Exits non-zero when any suite fails or a suite
// ran no test at all.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './ensure-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2); // optional suite names, e.g. `npm test -- node browser`
const results = [];

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (stream, sink) =>
      stream.on('data', (chunk) => {
        out += chunk;
        sink.write(chunk);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('error', (error) => resolve({ code: 127, out: out + String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function findFiles(dir, test) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, test));
    else if (test(path)) found.push(path);
  }
  return found;
}

const lastMatch = (text, re) => [...text.matchAll(re)].at(-1);

function record(suite, passed, failed, note = '') {
  results.push({ suite, passed, failed, note });
}

const suites = {
  async build() {
    const { code, out } = await run('node', ['scripts/build.mjs']);
    const m = lastMatch(out, /size: (\d+) passed, (\d+) failed/g);
    const sizePassed = m ? Number(m[1]) : 0;
    const sizeFailed = m ? Number(m[2]) : 0;
    // The build itself counts as one check; each size budget as another.
    record('build + size budgets', sizePassed + (code === 0 ? 1 : 0), sizeFailed + (code === 0 ? 0 : 1));
  },
  async typecheck() {
    const { code } = await run('npx', ['tsc', '-p', 'tsconfig.json', '--pretty', 'false']);
    record('typecheck', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  },
  async node() {
    const files = findFiles(join(root, 'packages'), (p) => p.endsWith('.node.test.ts')).map((p) => relative(root, p));
    if (files.length === 0) return record('node tests', 0, 1, 'no node test files found');
    const { code, out } = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
    const pass = lastMatch(out, /^ℹ pass (\d+)$/gm);
    const fail = lastMatch(out, /^ℹ fail (\d+)$/gm);
    const passed = pass ? Number(pass[1]) : 0;
    let failed = fail ? Number(fail[1]) : 0;
    if (code !== 0 && failed === 0) failed = 1; // crashed before reporting
    record('node tests', passed, failed, passed === 0 ? 'ran no test' : '');
  },
  // The vote API's no-loss run: 20,000 votes from 64 clients, the server SIGKILLed mid-run and
  // restarted, clients retrying; every acknowledged vote must be counted exactly once.
  async 'no-loss'() {
    for (const [label, extra] of [['embedded PGlite', []], ['PostgreSQL', ['--pg']]]) {
      console.log(`\n--- no-loss, ${label} ---`);
      const { code } = await run('node', ['--import', 'tsx', 'packages/vote-server/bench/no-loss.ts', ...extra]);
      record(`no-loss (${label})`, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
    }
  },
  async browser() {
    let chrome;
    try {
      chrome = ensureBrowser();
    } catch (error) {
      console.error(`[browser] ${error.message}`);
      return record('browser tests', 0, 1, 'no browser');
    }
    const { code, out } = await run('npx', ['wtr', '--config', 'web-test-runner.config.mjs', '--static-logging'], {
      CHROME_PATH: chrome,
    });
    const m = lastMatch(out, /(\d+) passed, (\d+) failed/g);
    const passed = m ? Number(m[1]) : 0;
    let failed = m ? Number(m[2]) : 0;
    if (code !== 0 && failed === 0) failed = 1;
    record('browser tests', passed, failed, passed === 0 ? 'ran no test' : '');
  },
};

const order = ['build', 'typecheck', 'node', 'no-loss', 'browser'];
for (const name of order) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await suites[name]();
}

console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.suite.padEnd(24)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed${r.note ? `  (${r.note})` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const empty = results.some((r) => r.passed + r.failed === 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || empty ? 1 : 0);
