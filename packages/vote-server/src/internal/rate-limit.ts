import { createHmac, randomBytes } from 'node:crypto';

/**
 * Turns a client address into an opaque key for abuse limits. The key is an HMAC with a random
 * key that exists only in memory and is replaced every UTC day, so no stored or logged value
 * can be traced back to an address, and yesterday's keys cannot be recomputed by anyone.
 */
export class ClientHasher {
  #day = '';
  #key = Buffer.alloc(0);
  readonly #now: () => number;
  readonly #onRotate?: () => void;

  constructor(now: () => number = Date.now, onRotate?: () => void) {
    this.#now = now;
    this.#onRotate = onRotate;
  }

  hash(address: string): string {
    const day = new Date(this.#now()).toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#key = randomBytes(32);
      this.#onRotate?.();
    }
    return createHmac('sha256', this.#key).update(address).digest('base64url').slice(0, 22);
  }
}

export interface LimitResult {
  ok: boolean;
  /** Whole seconds until one more request would be allowed. */
  retryAfter: number;
}

/**
 * Token buckets per client key: `perMinute` requests per minute sustained, bursts up to the same
 * number. Generous on purpose — a school class or a library shares one address.
 */
export class RateLimiter {
  readonly perMinute: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #now: () => number;
  readonly #maxClients: number;

  constructor(perMinute: number, options: { now?: () => number; maxClients?: number } = {}) {
    this.perMinute = perMinute;
    this.#now = options.now ?? Date.now;
    this.#maxClients = options.maxClients ?? 100_000;
  }

  take(client: string): LimitResult {
    if (this.perMinute <= 0) return { ok: true, retryAfter: 0 };
    const now = this.#now();
    const perMs = this.perMinute / 60_000;
    let bucket = this.#buckets.get(client);
    if (bucket) {
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      // Map order is insertion order: re-inserting keeps recently seen clients at the end.
      this.#buckets.delete(client);
    } else {
      bucket = { tokens: this.perMinute, at: now };
      if (this.#buckets.size >= this.#maxClients) this.#evict();
    }
    this.#buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, retryAfter: 0 };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  clear(): void {
    this.#buckets.clear();
  }

  get size(): number {
    return this.#buckets.size;
  }

  #evict(): void {
    // Drop the least recently seen tenth; a full bucket forgotten costs nothing.
    let drop = Math.ceil(this.#maxClients / 10);
    for (const key of this.#buckets.keys()) {
      if (drop-- <= 0) break;
      this.#buckets.delete(key);
    }
  }
}
