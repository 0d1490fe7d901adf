import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The server's one long-lived secret and the purpose-bound keys derived from it. */
export interface Keys {
  /** Keys the stored voter, idempotency-key and request hashes. */
  readonly hashKey: Buffer;
  /** Signs proof-of-work challenges, so they survive a restart. */
  readonly challengeKey: Buffer;
  /** Stored in the database to detect a server started with a different secret. */
  readonly fingerprint: string;
}

const MIN_SECRET_BYTES = 32;

/**
 * Reads the secret file, or creates it with fresh random bytes when it does not exist.
 * A secret that changed silently would break one-vote-per-voter (old hashes no longer match),
 * which is why it is persisted rather than generated per process, and why the database keeps
 * its fingerprint.
 */
export function loadOrCreateSecret(file: string): { secret: Buffer; created: boolean } {
  try {
    const raw = readFileSync(file);
    const secret = Buffer.from(raw.toString('utf8').trim(), 'utf8');
    if (secret.length < MIN_SECRET_BYTES) {
      throw new Error(`The hash secret in ${file} is shorter than ${MIN_SECRET_BYTES} bytes; use e.g. \`openssl rand -base64 48\`.`);
    }
    return { secret, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const text = randomBytes(48).toString('base64url');
  try {
    // 'wx' so two processes starting together cannot overwrite each other's secret.
    writeFileSync(file, `${text}\n`, { flag: 'wx', mode: 0o600 });
    return { secret: Buffer.from(text, 'utf8'), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(file);
    throw error;
  }
}

export function deriveKeys(secret: Buffer): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'wir-vote-server', info, 32));
  const hashKey = derive('vote-hashes-v1');
  const challengeKey = derive('pow-challenge-v1');
  const fingerprint = createHmac('sha256', derive('fingerprint-v1')).update('fingerprint').digest('hex').slice(0, 32);
  return { hashKey, challengeKey, fingerprint };
}

/** HMAC over NUL-separated parts; NUL cannot occur in validated ids or tokens, so parts cannot run together. */
export function keyedHash(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\0')).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
