/**
 * Entry point: `tsx packages/vote-server/src/main.ts`. Configuration comes from environment
 * variables (see README.md). SIGTERM/SIGINT stop it gracefully: queued votes are written first.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { ConfigError, loadConfig } from './config.js';
import { FeedSourceError } from './polls.js';
import { startVoteServer, type RunningServer } from './server.js';
import { DataDirLockedError } from './store/dir-lock.js';

let server: RunningServer;
try {
  server = await startVoteServer(loadConfig());
} catch (error) {
  const known = error instanceof ConfigError || error instanceof FeedSourceError || error instanceof DataDirLockedError;
  console.error(`wir-vote-server: cannot start: ${known ? (error as Error).message : (error as Error).stack}`);
  process.exit(1);
}

// For the benchmark scripts only: write-path statistics on request (SIGUSR2) and at exit.
const printStats = process.env.WIR_PRINT_STATS === '1';
// Event-loop delay shows whether requests waited for this process to get a CPU at all.
// Garbage-collection pauses tell the two causes of a stalled loop apart.
const loopDelay = printStats ? monitorEventLoopDelay({ resolution: 1 }) : undefined;
loopDelay?.enable();
const gc = { ms: 0, max: 0 };
if (printStats) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.ms += entry.duration;
      gc.max = Math.max(gc.max, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
}
const statsLine = () => {
  const loop = loopDelay && { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6, gcMs: gc.ms, gcMax: gc.max };
  loopDelay?.reset();
  gc.ms = 0;
  gc.max = 0;
  return `WIR_STATS ${JSON.stringify({ ...server.app.voteStats(), cpu: process.cpuUsage(), at: performance.now(), loop })}`;
};
if (printStats) process.on('SIGUSR2', () => console.log(statsLine()));

const stop = (signal: string) => {
  server.app.log.info(`${signal} received, finishing queued votes`);
  server
    .close()
    .then(() => {
      if (printStats) console.log(statsLine());
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error('wir-vote-server: error while stopping:', error);
      process.exit(1);
    });
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
process.on('SIGHUP', () => void server.reloadFeed());
