/** Shared pieces of the load scripts: a bench feed, the server as a child process, an HTTP client. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso, pollsOnlyFeed } from '../test/support/feed.js';

export const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = import.meta.resolve('tsx');

export const BENCH_POLL = 'bench-poll';
export const BENCH_OPTIONS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

export function parseArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(a.slice(2), next);
      i++;
    } else args.set(a.slice(2), true);
  }
  return args;
}

export function numberArg(args: Map<string, string | true>, name: string, fallback: number, max: number): number {
  const raw = args.get(name);
  if (raw === undefined || raw === true) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`--${name} must be a number from 1 to ${max}`);
  return value;
}

/** A feed with one poll that is open now (multiple choice, up to two of five, results always). */
export function writeBenchFeed(dir: string): string {
  const now = Date.now();
  const feed = pollsOnlyFeed(
    { id: 'bench', title: 'Bench', publisher: 'Bench', languages: ['de'], defaultLanguage: 'de', updated: '2026-11-01' },
    [
      {
        id: BENCH_POLL,
        question: 'Benchmark?',
        choice: 'multiple',
        maxChoices: 2,
        options: BENCH_OPTIONS.map((id) => ({ id, label: id })),
        opens: iso(now - 3600_000),
        closes: iso(now + 7 * 86_400_000),
        results: 'always',
        api: 'https://votes.example/v1',
      },
    ],
  );
  const file = join(dir, 'bench-feed.json');
  writeFileSync(file, JSON.stringify(feed));
  return file;
}

export function writeSecret(dir: string): string {
  const file = join(dir, 'hash-secret');
  writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  return file;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerChild {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Lines the server printed that start with WIR_STATS, parsed. */
  stats: Record<string, unknown>[];
  output(): string;
}

/** Starts src/main.ts and resolves once /healthz answers. */
export async function startServer(env: Record<string, string>, port: number, timeoutMs = 60_000): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_VOTES_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stats: Record<string, unknown>[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('WIR_STATS ')) stats.push(JSON.parse(line.slice(10)));
  });
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`the server exited before it was ready:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return { child, exited, stats, output: () => out };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become ready in ${timeoutMs} ms:\n${out}`);
}

export interface Reply {
  status: number;
  body: string;
}

/** A POST over a keep-alive agent; rejects on network errors (refused, reset) so callers retry. */
export function postJson(agent: http.Agent, port: number, path: string, body: unknown, timeoutMs = 10_000): Promise<Reply> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EnsurePostgres {
  ensurePostgres(options?: { prefix?: string }): { url: string; version: string; drop(): void };
}

export async function freshPostgres(prefix: string) {
  const { ensurePostgres } = (await import(new URL('../../../scripts/ensure-postgres.mjs', import.meta.url).href)) as EnsurePostgres;
  return ensurePostgres({ prefix });
}

/** Random choice of one or two distinct options. */
export function randomOptions(): string[] {
  const first = BENCH_OPTIONS[Math.floor(Math.random() * BENCH_OPTIONS.length)]!;
  if (Math.random() < 0.5) return [first];
  const rest = BENCH_OPTIONS.filter((o) => o !== first);
  return [first, rest[Math.floor(Math.random() * rest.length)]!];
}
