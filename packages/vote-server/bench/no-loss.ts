/**
 * No-loss test: many concurrent clients vote on loopback, the server is killed with SIGKILL in
 * the middle and restarted, clients retry every unacknowledged vote with its idempotency key.
 * Afterwards every acknowledged vote must be in the database exactly once and the totals must
 * match. Exits 1 when anything is duplicated, lost or miscounted.
 *
 *   tsx packages/vote-server/bench/no-loss.ts [--pg] [--votes 20000] [--clients 64] [--kills 1]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKeys, keyedHash } from '../src/internal/secrets.js';
import { openStore } from '../src/store/vote-store.js';
import {
  BENCH_OPTIONS,
  BENCH_POLL,
  freePort,
  freshPostgres,
  numberArg,
  parseArgs,
  postJson,
  randomOptions,
  sleep,
  startServer,
  writeBenchFeed,
  writeSecret,
  type ServerChild,
} from './support.js';

const args = parseArgs(process.argv.slice(2));
const usePg = args.has('pg');
const total = numberArg(args, 'votes', 20_000, 200_000);
const clients = numberArg(args, 'clients', 64, 512);
const kills = numberArg(args, 'kills', 1, 10);
const deadlineMs = numberArg(args, 'timeout', 600, 3600) * 1000;

interface Vote {
  voter: string;
  idempotencyKey: string;
  options: string[];
  acked?: 201 | 200;
  attempts: number;
}

const dir = mkdtempSync(join(tmpdir(), 'wir-no-loss-'));
const secretFile = writeSecret(dir);
const feed = writeBenchFeed(dir);
const pg = usePg ? await freshPostgres('wir_noloss') : undefined;
const env: Record<string, string> = { FEED: feed, HASH_SECRET_FILE: secretFile, DATA_DIR: join(dir, 'data'), ...(pg ? { DATABASE_URL: pg.url } : {}) };
const port = await freePort();
const started = performance.now();

const votes: Vote[] = Array.from({ length: total }, () => ({
  voter: randomBytes(16).toString('base64url'),
  idempotencyKey: randomUUID(),
  options: randomOptions(),
  attempts: 0,
}));

let server: ServerChild = await startServer(env, port);
let acknowledged = 0;
let networkErrors = 0;
let unavailable = 0;
const unexpected: string[] = [];
const killPoints = Array.from({ length: kills }, (_, i) => Math.floor((total * (i + 1)) / (kills + 1)));
let restarting: Promise<void> | undefined;
const killLog: string[] = [];

async function killAndRestart(): Promise<void> {
  const ackedAtKill = acknowledged;
  server.child.kill('SIGKILL');
  await server.exited;
  const killedAt = performance.now();
  killLog.push(`SIGKILL after ${ackedAtKill} acknowledgements`);
  server = await startServer(env, port);
  killLog.push(`restarted: healthy again after ${((performance.now() - killedAt) / 1000).toFixed(1)} s (clients already got ${acknowledged - ackedAtKill} acknowledgements from it by then)`);
}

async function client(agent: http.Agent, next: () => Vote | undefined): Promise<void> {
  for (let vote = next(); vote; vote = next()) {
    let backoff = 20;
    while (!vote.acked) {
      if (performance.now() - started > deadlineMs) throw new Error('deadline passed with votes still unacknowledged');
      vote.attempts++;
      try {
        const reply = await postJson(agent, port, `/v1/polls/${BENCH_POLL}/votes`, { options: vote.options, voter: vote.voter, idempotencyKey: vote.idempotencyKey });
        if (reply.status === 201 || reply.status === 200) {
          vote.acked = reply.status;
          acknowledged++;
          if (killPoints.length > 0 && acknowledged >= killPoints[0]! && !restarting) {
            killPoints.shift();
            restarting = killAndRestart().finally(() => (restarting = undefined));
          }
          break;
        }
        if (reply.status === 503 || reply.status === 429) {
          unavailable++;
        } else {
          // Anything else would mean the server lost track of an earlier attempt.
          unexpected.push(`${reply.status} ${reply.body}`);
          break;
        }
      } catch {
        networkErrors++; // refused or reset: the server is down or was killed mid-request
      }
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 500);
    }
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
let cursor = 0;
const next = () => (cursor < votes.length ? votes[cursor++] : undefined);
await Promise.all(Array.from({ length: clients }, () => client(agent, next)));
while (restarting) await restarting;
agent.destroy();
const sendSeconds = (performance.now() - started) / 1000;

// What the API says, then what the database holds (read directly after a clean stop).
const api = (await (await fetch(`http://127.0.0.1:${port}/v1/polls/${BENCH_POLL}`)).json()) as { results: { counts: Record<string, number>; total: number } };
server.child.kill('SIGTERM');
const stopCode = await server.exited;

const keys = deriveKeys(Buffer.from(readFileSync(secretFile, 'utf8').trim(), 'utf8'));
const store = await openStore({ databaseUrl: pg?.url, dataDir: join(dir, 'data') });
const rows = await store.db.query<{ voter_hash: string; options: string }>(
  `SELECT encode(voter_hash, 'hex') AS voter_hash, array_to_string(options, ',') AS options FROM votes WHERE poll_id = $1`,
  [BENCH_POLL],
);
const running = (await store.totals([BENCH_POLL])).get(BENCH_POLL)!;
const recount = await store.recount(BENCH_POLL);
await store.close();

const stored = new Map<string, string[]>();
for (const row of rows) {
  const list = stored.get(row.voter_hash) ?? [];
  list.push(row.options);
  stored.set(row.voter_hash, list);
}
const acked = votes.filter((v) => v.acked);
let lost = 0;
let wrongOptions = 0;
const expected: Record<string, number> = Object.fromEntries(BENCH_OPTIONS.map((o) => [o, 0]));
const submitted = new Set<string>();
for (const vote of votes) {
  const hash = keyedHash(keys.hashKey, 'voter', BENCH_POLL, vote.voter);
  submitted.add(hash);
  if (!vote.acked) continue;
  for (const o of vote.options) expected[o]! += 1;
  const found = stored.get(hash);
  if (!found) lost++;
  else if (found[0] !== BENCH_OPTIONS.filter((o) => vote.options.includes(o)).join(',')) wrongOptions++;
}
let duplicates = 0;
let phantoms = 0;
for (const [hash, list] of stored) {
  duplicates += list.length - 1;
  if (!submitted.has(hash)) phantoms++;
}
const counted = rows.length;
// Every submitted vote is retried until acknowledged, so counted must equal acknowledged.
duplicates += phantoms + Math.max(0, counted - acked.length - phantoms - duplicates);
const sameTotals = (a: { counts: Record<string, number>; total: number }, b: typeof a) =>
  a.total === b.total && BENCH_OPTIONS.every((o) => (a.counts[o] ?? 0) === (b.counts[o] ?? 0));
const totalsMatch =
  sameTotals(running, recount) &&
  running.total === acked.length &&
  api.results.total === acked.length &&
  BENCH_OPTIONS.every((o) => (running.counts[o] ?? 0) === expected[o] && api.results.counts[o] === expected[o]);

const replayed = acked.filter((v) => v.acked === 200).length;
const retried = votes.filter((v) => v.attempts > 1).length;
console.log(`no-loss on ${usePg ? `PostgreSQL ${pg!.version}` : 'PGlite (embedded)'}: ${total} votes, ${clients} concurrent clients, ${kills} SIGKILL(s)`);
for (const line of killLog) console.log(`  ${line}`);
console.log(`  sent in ${sendSeconds.toFixed(1)} s; ${retried} votes needed retries (${networkErrors} network errors, ${unavailable} 503/429); ${replayed} retries answered 200 (counted before the crash, reply lost)`);
console.log(`  clean stop exit code: ${stopCode}`);
console.log(`  per-option totals: ${BENCH_OPTIONS.map((o) => `${o}=${running.counts[o] ?? 0}/${expected[o]}`).join(' ')}`);
console.log(`  running totals == recount from ballots: ${sameTotals(running, recount) ? 'yes' : 'NO'}; API totals match: ${totalsMatch ? 'yes' : 'NO'}`);
if (wrongOptions) console.log(`  ballots with other options than acknowledged: ${wrongOptions}`);
if (unexpected.length) console.log(`  unexpected answers (${unexpected.length}): ${unexpected.slice(0, 5).join(' | ')}`);
console.log(`acknowledged ${acked.length}`);
console.log(`counted ${counted}`);
console.log(`duplicates ${duplicates}`);
console.log(`lost ${lost}`);

pg?.drop();
rmSync(dir, { recursive: true, force: true });
const ok = duplicates === 0 && lost === 0 && wrongOptions === 0 && unexpected.length === 0 && totalsMatch && acked.length === total;
console.log(ok ? 'PASS' : 'FAIL');
process.exit(ok ? 0 : 1);
