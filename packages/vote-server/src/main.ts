/**
 * Entry point: `tsx packages/vote-server/src/main.ts`. Configuration comes from environment
 * variables (see README.md). SIGTERM/SIGINT stop it gracefully: queued votes are written first.
 */
import { ConfigError, loadConfig } from './config.js';
import { FeedSourceError } from './polls.js';
import { startVoteServer, type RunningServer } from './server.js';

let server: RunningServer;
try {
  server = await startVoteServer(loadConfig());
} catch (error) {
  const known = error instanceof ConfigError || error instanceof FeedSourceError;
  console.error(`wir-vote-server: cannot start: ${known ? (error as Error).message : (error as Error).stack}`);
  process.exit(1);
}

// For the benchmark scripts only: write-path statistics on request (SIGUSR2) and at exit.
const printStats = process.env.WIR_PRINT_STATS === '1';
const statsLine = () => `WIR_STATS ${JSON.stringify({ ...server.app.voteStats(), cpu: process.cpuUsage(), at: performance.now() })}`;
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
process.on('SIGHUP', () => {
  server.polls
    .load()
    .then(() => server.store.recordSchedule(server.polls.list()))
    .then(() => server.app.log.info('feed reloaded'))
    .catch((error: unknown) => server.app.log.warn({ err: error }, 'feed reload failed; keeping the polls loaded before'));
});
