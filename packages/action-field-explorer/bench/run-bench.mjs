#!/usr/bin/env node
// Benchmark of <wir-action-field-explorer> in this machine's Chromium.
//
//   node packages/action-field-explorer/bench/run-bench.mjs [--measures=5000] [--runs=5] [--port=0]
//   node packages/action-field-explorer/bench/run-bench.mjs --serve [--port=8090]
//
// Bundles bench/explorer.bench.ts (and the preview page) with esbuild — production Lit, minified,
// as partners get it — serves them with node:http, opens headless Chromium through the
// puppeteer-core that @web/test-runner-chrome already installs, and prints p50 / p95 / max per
// interaction. With --serve it only serves: /explorer.bench.html and /preview.html?lang=ar&…
// for looking by hand or taking screenshots.
//
// Not a unit test: figures depend on the machine. The bar is one frame (~16 ms).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageRoot = join(here, '..');
const repoRoot = join(packageRoot, '..', '..');

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const measures = Number(args.measures ?? 5000);
const runs = Number(args.runs ?? 5);
const serveOnly = args.serve === 'true';

const bundle = await build({
  entryPoints: { 'explorer.bench': join(here, 'explorer.bench.ts'), preview: join(here, 'preview.ts') },
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  outdir: '/bench',
  tsconfig: join(repoRoot, 'tsconfig.json'),
  // The "browser" condition without "development": Lit's production build, as in the embed bundle.
  conditions: ['browser'],
  logLevel: 'warning',
});
const built = new Map(bundle.outputFiles.map((file) => [file.path.replace('/bench/', '/'), file.contents]));

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };
// The demo's strict policy, so the benchmark and screenshots also prove the widget needs no
// inline styles or scripts. blob: feeds are the generated catalogues.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' blob:; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

/** Files below `dir` only; anything else is a 404. */
function inside(dir, rest) {
  const file = normalize(join(dir, decodeURIComponent(rest)));
  return file.startsWith(dir + sep) ? file : undefined;
}

const server = createServer(async (request, response) => {
  const path = (request.url ?? '/').split(/[?#]/)[0];
  let body;
  let file;
  if (built.has(path)) body = built.get(path);
  else if (path === '/' || path === '/explorer.bench.html') file = join(here, 'explorer.bench.html');
  else if (path === '/preview.html' || path === '/bench.css') file = join(here, path.slice(1));
  else if (path.startsWith('/feeds/')) file = inside(join(repoRoot, 'demo', 'feeds'), path.slice('/feeds/'.length));
  else if (path.startsWith('/fixtures/')) file = inside(join(packageRoot, 'test', 'fixtures'), path.slice('/fixtures/'.length));
  try {
    body ??= file ? await readFile(file) : undefined;
  } catch {
    body = undefined;
  }
  if (!body) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  const type = types[extname(file ?? path)] ?? 'application/octet-stream';
  response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': csp }).end(body);
});
await new Promise((resolve) => server.listen(Number(args.port ?? (serveOnly ? 8090 : 0)), '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

if (serveOnly) {
  console.log(`serving ${origin}/explorer.bench.html and ${origin}/preview.html (Ctrl+C to stop)`);
} else {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${origin}/explorer.bench.html?measures=${measures}&runs=${runs}`);
    await page.waitForFunction(() => window.__benchResult || window.__benchError, { timeout: 600_000, polling: 250 });
    const { result, error } = await page.evaluate(() => ({ result: window.__benchResult, error: window.__benchError }));
    if (error) throw new Error(error);
    const version = await browser.version();
    console.log(`<wir-action-field-explorer> benchmark — ${result.measures} measures, feed ${(result.bytes / 1024).toFixed(0)} KiB, ${version}, headless`);
    // Other work on the machine shows up in p95 and max; the load average says how much there was.
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
    console.log('times: action → Lit render → style + layout (forced), in ms');
    console.log(`${'interaction'.padEnd(54)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
    for (const s of result.stats) {
      console.log(`${s.name.padEnd(54)} ${String(s.samples).padStart(4)} ${s.p50.toFixed(2).padStart(8)} ${s.p95.toFixed(2).padStart(8)} ${s.max.toFixed(2).padStart(8)}`);
    }
    for (const note of result.notes) console.log(`note: ${note}`);
  } finally {
    await browser.close();
    server.close();
  }
}
