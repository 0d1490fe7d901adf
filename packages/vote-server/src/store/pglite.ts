import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './dir-lock.js';
import type { SqlDriver, SqlRunner } from './driver.js';

interface PGliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(script: string): Promise<unknown>;
}

function runner(db: PGliteLike): SqlRunner {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

/**
 * Embedded PostgreSQL (WASM) in a directory. It is single-connection: PGlite serialises
 * queries itself, so the group-commit queue above is what keeps writes efficient.
 * The directory is locked (`<dir>.lock`) for as long as it is open: PGlite itself would let a
 * second process open it and both would lose each other's writes. `lockWaitMs`: how long to wait
 * for a live holder that is shutting down (default 10 s) before refusing.
 */
export async function openPGlite(dataDir: string, options: { lockWaitMs?: number } = {}): Promise<SqlDriver> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = await lockDataDir(dataDir, { waitMs: options.lockWaitMs });
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const base = runner(db);
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => db.transaction((tx) => work(runner(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
}
