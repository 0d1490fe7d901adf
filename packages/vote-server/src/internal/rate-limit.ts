import { createHmac, randomBytes } from 'node:crypto';
import { clientNetwork, DEFAULT_IPV6_PREFIX, isValidIpv6Prefix, MAX_IPV6_PREFIX, MIN_IPV6_PREFIX } from './client-network.js';

export interface ClientHasherOptions {
  now?: () => number;
  /** Called when the key is replaced, so buckets keyed by yesterday's hashes can be dropped. */
  onRotate?: () => void;
  /** Leading bits of an IPv6 address that make one client (default 64); IPv4 is always per address. */
  ipv6Prefix?: number;
}

/**
 * Turns a client address into an opaque key for abuse limits. The address is first reduced to
 * the network its owner controls (see clientNetwork), so rotating through the addresses of one's
 * own IPv6 prefix buys no extra budget. The key is an HMAC with a random key that exists only in
 * memory and is replaced every UTC day, so no stored or logged value can be traced back to an
 * address or a prefix, and yesterday's keys cannot be recomputed by anyone.
 */
export class ClientHasher {
  readonly ipv6Prefix: number;
  #day = '';
  #key = Buffer.alloc(0);
  readonly #now: () => number;
  readonly #onRotate?: () => void;

  constructor(options: ClientHasherOptions = {}) {
    const prefix = options.ipv6Prefix ?? DEFAULT_IPV6_PREFIX;
    if (!isValidIpv6Prefix(prefix)) {
      throw new RangeError(`The IPv6 prefix length for abuse limits must be a whole number from ${MIN_IPV6_PREFIX} to ${MAX_IPV6_PREFIX}, not ${prefix}.`);
    }
    this.ipv6Prefix = prefix;
    this.#now = options.now ?? Date.now;
    this.#onRotate = options.onRotate;
  }

  hash(address: string | undefined): string {
    const day = new Date(this.#now()).toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#key = randomBytes(32);
      this.#onRotate?.();
    }
    return createHmac('sha256', this.#key).update(clientNetwork(address, this.ipv6Prefix)).digest('base64url').slice(0, 22);
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
