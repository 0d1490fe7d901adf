/**
 * Sustained vote throughput and latency per store, on loopback, with the server as a separate
 * process. Prints accepted votes/s, p50/p95/p99 latency and where the time goes: the server's
 * own account of time spent waiting for a batch and inside the write transaction, the rest
 * being HTTP, JSON, validation, hashing and the client.
 *
 *   tsx packages/vote-server/bench/throughput.ts [--store pglite|pg|both] [--votes 20000]
 *       [--seconds 30] [--concurrency 64] [--rate 2000]
 *
 * Without --rate, `concurrency` clients send back to back (closed loop): the figure is the
 * maximum throughput, and latency grows with the queue it builds. With --rate N, votes are
 * started at N per second regardless of answers (open loop over `concurrency` keep-alive connections) and latency is
 * measured from each vote's scheduled start, so a stall cannot hide its own queue
 * ("coordinated omission"): the figure for "sustains N votes/s with p99 under X".
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { BENCH_POLL, freePort, freshPostgres, numberArg, parseArgs, percentile, postJson, randomOptions, sleep, startServer, writeBenchFeed, writeSecret } from './support.js';

const args = parseArgs(process.argv.slice(2));
const which = String(args.get('store') ?? 'both');
const maxVotes = numberArg(args, 'votes', 20_000, 500_000);
const maxSeconds = numberArg(args, 'seconds', 30, 600);
const concurrency = numberArg(args, 'concurrency', 64, 512);
const rate = args.has('rate') ? numberArg(args, 'rate', 2000, 100_000) : undefined;
const warmup = 1000;

interface QueueStats {
  batches: number;
  items: number;
  largestBatch: number;
  queueWaitMs: number;
  writeMs: number;
  itemWriteMs: number;
  maxWriteMs: number;
}
interface StatsLine {
  queue: QueueStats;
  cpu: { user: number; system: number };
  at: number;
  /** Server event-loop delay during the measured run (reset at each snapshot), ms. */
  loop?: { p50: number; p99: number; max: number; gcMs: number; gcMax: number };
}

async function run(store: 'pglite' | 'pg') {
  const dir = mkdtempSync(join(tmpdir(), 'wir-throughput-'));
  const pg = store === 'pg' ? await freshPostgres('wir_bench') : undefined;
  const port = await freePort();
  const server = await startServer(
    { FEED: writeBenchFeed(dir), HASH_SECRET_FILE: writeSecret(dir), DATA_DIR: join(dir, 'data'), WIR_PRINT_STATS: '1', ...(pg ? { DATABASE_URL: pg.url } : {}) },
    port,
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const vote = () => ({ options: randomOptions(), voter: randomBytes(16).toString('base64url'), idempotencyKey: randomUUID() });
  const path = `/v1/polls/${BENCH_POLL}/votes`;

  // Warm-up: JIT, connection pool, first pages of the indexes.
  let warm = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (warm++ < warmup) await postJson(agent, port, path, vote());
    }),
  );

  const snapshot = async (): Promise<StatsLine> => {
    const count = server.stats.length;
    server.child.kill('SIGUSR2');
    while (server.stats.length === count) await sleep(5);
    return server.stats.at(-1) as unknown as StatsLine;
  };
  const loadBefore = loadavg()[0]!;
  const before = await snapshot();
  // The load generator shares the machine too; its own stalls inflate the measured latency.
  const clientLoop = monitorEventLoopDelay({ resolution: 1 });
  clientLoop.enable();
  const latencies: number[] = [];
  /** Open loop only: from handing the request to the HTTP agent to the answer. */
  const serviceTimes: number[] = [];
  let accepted = 0;
  let other = 0;
  let sent = 0;
  const started = performance.now();
  const stopAt = started + maxSeconds * 1000;
  const record = (reply: { status: number }, since: number) => {
    latencies.push(performance.now() - since);
    if (reply.status === 201) accepted++;
    else other++;
  };
  if (rate === undefined) {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < maxVotes && performance.now() < stopAt) {
          sent++;
          const t0 = performance.now();
          record(await postJson(agent, port, path, vote()), t0);
        }
      }),
    );
  } else {
    // A 2 ms ticker starts every vote that is due; between ticks the event loop handles answers.
    const inFlight = new Set<Promise<void>>();
    const interval = 1000 / rate;
    while (sent < maxVotes && performance.now() < stopAt) {
      const now = performance.now();
      while (sent < maxVotes && started + sent * interval <= now) {
        const due = started + sent * interval;
        sent++;
        const sentAt = performance.now();
        const p: Promise<void> = postJson(agent, port, path, vote())
          .then((reply) => {
            serviceTimes.push(performance.now() - sentAt);
            record(reply, due);
          })
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await sleep(2);
    }
    await Promise.all(inFlight);
  }
  const elapsed = (performance.now() - started) / 1000;
  clientLoop.disable();
  const after = await snapshot();
  agent.destroy();
  server.child.kill('SIGTERM');
  await server.exited;
  pg?.drop();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const items = after.queue.items - before.queue.items;
  const batches = after.queue.batches - before.queue.batches;
  const mean = latencies.reduce((s, x) => s + x, 0) / latencies.length;
  const queueWait = (after.queue.queueWaitMs - before.queue.queueWaitMs) / items;
  const inTx = (after.queue.itemWriteMs - before.queue.itemWriteMs) / items;
  const txMs = (after.queue.writeMs - before.queue.writeMs) / batches;
  const serverCpu = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1e6;
  const label = store === 'pg' ? `PostgreSQL ${pg!.version}` : 'PGlite (embedded)';
  const mode = rate === undefined ? `closed loop, ${concurrency} clients back to back` : `open loop at ${rate} votes/s offered`;
  console.log(`\n${label}: ${accepted} votes accepted in ${elapsed.toFixed(1)} s, ${mode}${other ? `, ${other} other answers` : ''}`);
  console.log(`  throughput   ${(accepted / elapsed).toFixed(0)} accepted votes/s`);
  console.log(`  latency      p50 ${percentile(latencies, 50).toFixed(1)} ms · p95 ${percentile(latencies, 95).toFixed(1)} ms · p99 ${percentile(latencies, 99).toFixed(1)} ms · max ${latencies.at(-1)!.toFixed(1)} ms · mean ${mean.toFixed(1)} ms`);
  if (serviceTimes.length > 0) {
    serviceTimes.sort((a, b) => a - b);
    console.log(`  (of which from handing each request to the HTTP client to its answer: p50 ${percentile(serviceTimes, 50).toFixed(1)} ms · p99 ${percentile(serviceTimes, 99).toFixed(1)} ms; the rest is this client starting votes late)`);
  }
  console.log(`  batching     ${batches} transactions, ${(items / batches).toFixed(1)} votes each on average (largest ${after.queue.largestBatch}), ${txMs.toFixed(2)} ms per transaction (slowest ${(after.queue.maxWriteMs ?? 0).toFixed(0)} ms), ${(batches / elapsed).toFixed(0)} commits/s`);
  console.log(`  time per vote (mean ${mean.toFixed(1)} ms): waiting for the next batch ${queueWait.toFixed(1)} ms (${((queueWait / mean) * 100).toFixed(0)} %), inside the write transaction ${inTx.toFixed(1)} ms (${((inTx / mean) * 100).toFixed(0)} %), HTTP/JSON/validation/hashing/client ${(mean - queueWait - inTx).toFixed(1)} ms (${(((mean - queueWait - inTx) / mean) * 100).toFixed(0)} %)`);
  if (after.loop) {
    console.log(
      `  server event loop: delay p50 ${after.loop.p50.toFixed(1)} ms · p99 ${after.loop.p99.toFixed(1)} ms · max ${after.loop.max.toFixed(0)} ms; ` +
        `garbage collection ${after.loop.gcMs.toFixed(0)} ms in total, longest pause ${after.loop.gcMax.toFixed(1)} ms ` +
        `(a delay not explained by GC or by the write is the process waiting for a CPU)`,
    );
  }
  console.log(`  client event loop: delay p99 ${(clientLoop.percentile(99) / 1e6).toFixed(1)} ms · max ${(clientLoop.max / 1e6).toFixed(0)} ms`);
  console.log(`  server CPU   ${serverCpu.toFixed(1)} s over ${elapsed.toFixed(1)} s = ${((serverCpu / elapsed) * 100).toFixed(0)} % of one core (machine: ${cpus().length} cores shared with this client and the database; 1-minute load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after)`);
  return { store, perSecond: accepted / elapsed, p99: percentile(latencies, 99) };
}

const stores = which === 'both' ? (['pglite', 'pg'] as const) : which === 'pg' ? (['pg'] as const) : (['pglite'] as const);
console.log(`throughput: up to ${maxVotes} votes or ${maxSeconds} s per store after ${warmup} warm-up votes; loopback only; ${rate === undefined ? `closed loop, concurrency ${concurrency}` : `open loop, ${rate} votes/s`}`);
const results = [];
for (const store of stores) results.push(await run(store));
console.log('\nsummary');
for (const r of results) console.log(`  ${r.store.padEnd(7)} ${r.perSecond.toFixed(0).padStart(6)} votes/s   p99 ${r.p99.toFixed(1)} ms`);
