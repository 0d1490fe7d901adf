import type { FastifyBaseLogger } from 'fastify';
import { buildApp, type VoteApp } from './app.js';
import type { LogLevel, ServerConfig } from './config.js';
import { deriveKeys, loadOrCreateSecret } from './internal/secrets.js';
import { PollCatalog, pollState } from './polls.js';
import { openStore, type VoteStore } from './store/vote-store.js';

export interface RunningServer {
  app: VoteApp;
  store: VoteStore;
  polls: PollCatalog;
  /** The address it listens on, e.g. http://127.0.0.1:8787. */
  url: string;
  /** Re-reads the feed (SIGHUP, timer); keeps the last good feed when the new one is invalid. */
  reloadFeed(): Promise<void>;
  /** Stops accepting, writes what is queued, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The logger's options: no client address, header or raw request in any line, at any level
 * the configuration allows.
 */
export function loggerOptions(level: LogLevel) {
  return {
    level,
    // Fastify's default request serializer includes the client address; this one cannot.
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // err.rawPacket: the bytes of a request Node could not parse, headers and all.
    redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort', 'req.ip', 'headers', 'err.rawPacket'], remove: true },
  };
}

/**
 * Wires configuration, secret, database, feed and HTTP together and starts listening.
 * Refuses to start (throws) on anything that would make votes unsafe: an unreadable or invalid
 * feed, a database that does not migrate, a hash secret that does not match the database.
 */
export async function startVoteServer(config: ServerConfig, options: { logger?: boolean | object } = {}): Promise<RunningServer> {
  const loggerOption = options.logger ?? loggerOptions(config.logLevel);

  const { secret, created } = loadOrCreateSecret(config.hashSecretFile);
  const keys = deriveKeys(secret);

  // The catalog is loaded before the database opens: a bad feed should fail fast and cheaply.
  const warnings: string[] = [];
  const polls = new PollCatalog(config.feed, (w) => warnings.push(w));
  await polls.load();

  let log: FastifyBaseLogger | undefined;
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    onError: (error) => log?.warn({ err: error }, 'database connection error'),
  });

  let app: VoteApp;
  try {
    await store.checkSecretFingerprint(keys.fingerprint);
    await store.recordSchedule(polls.list());
    app = await buildApp({
      store,
      polls,
      keys,
      allowedOrigins: config.allowedOrigins,
      pow: config.pow,
      rateLimit: config.rateLimit,
      trustProxy: config.trustProxy,
      logger: loggerOption as never,
    });
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  log = app.log;
  if (created) log.warn(`created a new hash secret in ${config.hashSecretFile}; back it up together with the database`);
  if (config.defaultOrigins) log.warn(`ALLOWED_ORIGINS is not set; only the local demo origins are allowed (${config.allowedOrigins.join(', ')})`);
  for (const warning of warnings.splice(0)) log.warn(warning);

  /** A feed that opens a poll whose ballots were anonymised cannot take votes for it: say so. */
  const warnReopened = () => {
    const t = Date.now();
    for (const poll of polls.list()) {
      if (store.isAnonymized(poll.id) && pollState(poll, t) !== 'closed') {
        log!.warn(
          { poll: poll.id },
          'the feed opens a poll whose ballots were anonymised after its retention period; it stays closed (give a new poll a new id)',
        );
      }
    }
  };
  warnReopened();

  const timers: NodeJS.Timeout[] = [];
  const retention = async () => {
    try {
      // Only polls closed in the current feed (or gone from it) are erased.
      const t = Date.now();
      const notClosed = polls.list().filter((p) => pollState(p, t) !== 'closed').map((p) => p.id);
      const { polls: cleared, ballots } = await store.anonymizeExpired(new Date(t), config.retentionDays, notClosed);
      if (ballots > 0) log!.info({ polls: cleared, ballots }, 'anonymised ballots of polls past their retention period');
      await store.loadAnonymized();
    } catch (error) {
      log!.warn({ err: error }, 'retention run failed; will retry');
    }
  };
  const reloadFeed = async (announce = true) => {
    try {
      await polls.load();
      await store.recordSchedule(polls.list());
      await store.loadAnonymized();
      for (const warning of warnings.splice(0)) log!.warn(warning);
      warnReopened();
      if (announce) log!.info('feed reloaded');
    } catch (error) {
      for (const warning of warnings.splice(0)) log!.warn(warning);
      log!.warn({ err: error }, 'feed reload failed; keeping the polls loaded before');
    }
  };
  timers.push(setInterval(retention, 60 * 60 * 1000));
  if (config.feedRefreshSeconds > 0) timers.push(setInterval(() => void reloadFeed(false), config.feedRefreshSeconds * 1000));
  for (const timer of timers) timer.unref();

  let url: string;
  try {
    url = await app.listen({ port: config.port, host: config.host });
    await retention();
  } catch (error) {
    for (const timer of timers) clearInterval(timer);
    await app.close().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    store,
    polls,
    url,
    reloadFeed,
    close() {
      closing ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        await app.close();
        await store.close();
      })();
      return closing;
    },
  };
}
