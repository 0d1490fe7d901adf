/**
 * The proof of work some cities switch on (POW=on in the vote API, an ALTCHA-style challenge).
 * Its own module, loaded on first need: most polls never ask for it.
 */
import type { Challenge, Proof } from './vote-client.js';

const BATCH = 250;

/**
 * Finds `n` with hex(SHA-256(salt + n)) = challenge. A chunked async loop rather than a Worker:
 * a Worker from a Blob URL needs `worker-src blob:`, which a strict CSP forbids. Each batch of
 * digests runs in parallel in the browser's crypto thread, and a macrotask between batches keeps
 * typing, scrolling and rendering smooth. `onProgress` gets the share of the range searched.
 */
export async function solveChallenge(challenge: Challenge, onProgress?: (share: number) => void): Promise<Proof | undefined> {
  const encoder = new TextEncoder();
  const want = challenge.challenge.toLowerCase();
  const max = challenge.maxnumber;
  for (let start = 0; start <= max; start += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, max - start + 1) }, (_, i) => start + i);
    const digests = await Promise.all(numbers.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n))));
    const found = digests.findIndex((digest) => hex(digest) === want);
    if (found >= 0) {
      const { algorithm, salt, signature } = challenge;
      return { algorithm, challenge: challenge.challenge, number: numbers[found], salt, signature };
    }
    onProgress?.(Math.min(1, (start + BATCH) / (max + 1)));
    await new Promise((resolve) => setTimeout(resolve));
  }
  return undefined;
}

function hex(buffer: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(buffer)) out += byte.toString(16).padStart(2, '0');
  return out;
}
