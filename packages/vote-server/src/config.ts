import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IPV6_PREFIX, MAX_IPV6_PREFIX, MIN_IPV6_PREFIX } from './internal/client-network.js';
import { parseOriginList } from './internal/origins.js';

/** The repository root, for defaults that point at the demo feed and the git-ignored .data/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Origins of the local demo (npm start) and Storybook, allowed when nothing is configured. */
export const DEV_ORIGINS = ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://localhost:6006', 'http://127.0.0.1:6006'];

export interface ServerConfig {
  feed: string;
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  hashSecretFile: string;
  allowedOrigins: string[];
  /** True when ALLOWED_ORIGINS was not set and the local demo origins are used. */
  defaultOrigins: boolean;
  pow: { enabled: boolean; maxNumber: number; ttlSeconds: number };
  /** `ipv6Prefix`: how many leading bits of an IPv6 address make one client. */
  rateLimit: { votesPerMinute: number; readsPerMinute: number; ipv6Prefix: number };
  trustProxy: boolean | string;
  feedRefreshSeconds: number;
  retentionDays: number;
  logLevel: LogLevel;
  poolSize: number;
}

/**
 * Levels the server may log at. Not `trace`: that is where libraries (Fastify, Node's HTTP
 * parser errors) put whole requests, with addresses and the voter token.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(env.LOG_LEVEL)}.`);
  }
  return raw as LogLevel;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}.`);
  }
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be "on" or "off", not ${JSON.stringify(env[name])}.`);
}

/** A household or phone holds at least a /64; wider than /32 would lump whole providers together. */
function ipv6Prefix(env: NodeJS.ProcessEnv): number {
  const raw = env.RATE_LIMIT_IPV6_PREFIX;
  if (raw === undefined || raw.trim() === '') return DEFAULT_IPV6_PREFIX;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < MIN_IPV6_PREFIX || value > MAX_IPV6_PREFIX) {
    throw new ConfigError(`RATE_LIMIT_IPV6_PREFIX must be an IPv6 prefix length from ${MIN_IPV6_PREFIX} to ${MAX_IPV6_PREFIX} without a slash (e.g. 64 for a /64), not ${JSON.stringify(raw)}.`);
  }
  return value;
}

/** Reads the configuration from environment variables; throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = REPO_ROOT): ServerConfig {
  const feedRaw = env.FEED?.trim() || join(root, 'demo/feeds/hannover.json');
  const feed = /^(https?|file):/i.test(feedRaw) || isAbsolute(feedRaw) ? feedRaw : resolve(root, feedRaw);
  if (/^http:\/\//i.test(feed) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/i.test(feed)) {
    // Polls decide what may be voted on: a feed fetched without TLS could be swapped on the way.
    throw new ConfigError('FEED must use https:// (plain http is accepted only for localhost).');
  }

  const dataDir = resolve(root, env.DATA_DIR?.trim() || '.data/votes');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }

  const { origins, invalid } = parseOriginList(env.ALLOWED_ORIGINS);
  if (invalid.length > 0) {
    throw new ConfigError(`ALLOWED_ORIGINS holds entries that are not origins (scheme://host[:port]): ${invalid.join(', ')}.`);
  }
  const defaultOrigins = env.ALLOWED_ORIGINS === undefined;

  const trust = env.TRUST_PROXY?.trim();
  let trustProxy: boolean | string = false;
  if (trust && !['off', 'false', '0', 'no'].includes(trust.toLowerCase())) {
    // "on" trusts any proxy (only behind a proxy that overwrites X-Forwarded-For!); otherwise
    // a comma list of addresses/CIDRs as Fastify/proxy-addr understand them.
    trustProxy = ['on', 'true', '1', 'yes'].includes(trust.toLowerCase()) ? true : trust;
  }

  return {
    feed,
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir,
    hashSecretFile: resolve(root, env.HASH_SECRET_FILE?.trim() || join(dataDir, 'hash-secret')),
    allowedOrigins: defaultOrigins ? DEV_ORIGINS : origins,
    defaultOrigins,
    pow: {
      enabled: onOff(env, 'POW', false),
      maxNumber: integer(env, 'POW_MAX_NUMBER', 50_000, 1_000, 10_000_000),
      ttlSeconds: integer(env, 'POW_TTL_SECONDS', 600, 30, 86_400),
    },
    rateLimit: {
      votesPerMinute: integer(env, 'RATE_LIMIT_VOTES_PER_MINUTE', 60, 0, 1_000_000),
      readsPerMinute: integer(env, 'RATE_LIMIT_READS_PER_MINUTE', 600, 0, 10_000_000),
      ipv6Prefix: ipv6Prefix(env),
    },
    trustProxy,
    feedRefreshSeconds: integer(env, 'FEED_REFRESH_SECONDS', 300, 0, 86_400),
    retentionDays: integer(env, 'RETENTION_DAYS', 30, 0, 3650),
    logLevel: logLevel(env),
    poolSize: integer(env, 'PG_POOL_SIZE', 10, 2, 200),
  };
}
