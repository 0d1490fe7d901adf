import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
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
 */
export async function openPGlite(dataDir: string): Promise<SqlDriver> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create(dataDir);
  const base = runner(db);
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => db.transaction((tx) => work(runner(tx))),
    close: () => db.close(),
  };
}
