import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { safeEqualHex } from './secrets.js';

/**
 * A privacy-friendly speed bump instead of a tracking CAPTCHA, in the style of ALTCHA: the
 * server picks a secret number n ≤ maxnumber and publishes SHA-256(salt + n) with an HMAC
 * signature; the browser finds n by trying numbers (on average maxnumber/2 hashes), the server
 * checks it with one hash and one HMAC and without any state but a short "used" list.
 * The expiry travels inside the salt, which the signature covers through the challenge.
 */
export interface Challenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export interface Solution {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

export type Verdict = 'ok' | 'invalid' | 'expired' | 'used';

export interface ProofOfWorkOptions {
  maxNumber?: number;
  ttlSeconds?: number;
  now?: () => number;
  /** Bound on remembered solutions; each one cost its sender a solved challenge. */
  maxRemembered?: number;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export class ProofOfWork {
  readonly maxNumber: number;
  readonly ttlSeconds: number;
  readonly #key: Buffer;
  readonly #now: () => number;
  readonly #maxRemembered: number;
  /** challenge → [what it was spent on, expiry ms]: single use, but a retry of the same vote passes. */
  readonly #used = new Map<string, [string, number]>();

  constructor(key: Buffer, options: ProofOfWorkOptions = {}) {
    this.#key = key;
    this.maxNumber = options.maxNumber ?? 50_000;
    this.ttlSeconds = options.ttlSeconds ?? 600;
    this.#now = options.now ?? Date.now;
    this.#maxRemembered = options.maxRemembered ?? 500_000;
  }

  create(): Challenge {
    const expires = Math.floor(this.#now() / 1000) + this.ttlSeconds;
    const salt = `${randomBytes(12).toString('hex')}?expires=${expires}`;
    const secretNumber = randomInt(0, this.maxNumber + 1);
    const challenge = sha256Hex(`${salt}${secretNumber}`);
    return { algorithm: 'SHA-256', challenge, maxnumber: this.maxNumber, salt, signature: this.#sign(challenge) };
  }

  /**
   * @param spentOn what this solution pays for (a hash of the vote's idempotency key): the same
   * solution may be presented again for the same vote, e.g. a retry after a lost response.
   */
  verify(solution: Solution, spentOn: string): Verdict {
    if (solution.algorithm !== 'SHA-256') return 'invalid';
    if (!Number.isSafeInteger(solution.number) || solution.number < 0 || solution.number > this.maxNumber) return 'invalid';
    if (!safeEqualHex(this.#sign(solution.challenge), solution.signature)) return 'invalid';
    if (sha256Hex(`${solution.salt}${solution.number}`) !== solution.challenge) return 'invalid';
    const expires = /[?&]expires=(\d{1,12})(?:&|$)/.exec(solution.salt);
    if (!expires) return 'invalid';
    const expiresMs = Number(expires[1]) * 1000;
    const now = this.#now();
    if (expiresMs <= now) return 'expired';
    // Only SHA-256(salt + number) is signed, so leading digits of the number can be moved onto the
    // end of the expiry without changing the hash; no challenge of ours expires later than its TTL
    // (a minute of slack for clock steps), while such a splice multiplies the expiry by ten or more.
    if (expiresMs > now + (this.ttlSeconds + 60) * 1000) return 'invalid';
    const prior = this.#used.get(solution.challenge);
    if (prior) return prior[0] === spentOn ? 'ok' : 'used';
    if (this.#used.size >= this.#maxRemembered) this.sweep();
    this.#used.set(solution.challenge, [spentOn, expiresMs]);
    return 'ok';
  }

  /** Forgets expired solutions (they are rejected as expired anyway). */
  sweep(): void {
    const now = this.#now();
    for (const [challenge, [, expiresMs]] of this.#used) if (expiresMs <= now) this.#used.delete(challenge);
  }

  #sign(challenge: string): string {
    return createHmac('sha256', this.#key).update(challenge).digest('hex');
  }
}

/** What a browser does, for tests and the load scripts: try numbers until the hash matches. */
export function solve(challenge: Challenge): Solution | undefined {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (sha256Hex(`${challenge.salt}${n}`) === challenge.challenge) {
      return { algorithm: challenge.algorithm, challenge: challenge.challenge, number: n, salt: challenge.salt, signature: challenge.signature };
    }
  }
  return undefined;
}
