import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDriver } from './driver.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

/** migrations/NNN_name.sql, in file-name order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3,}_[a-z0-9_-]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { version: name.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies what is missing, each migration in its own transaction together with its
 * schema_migrations row, so a crash leaves either all of a migration or none of it. The table
 * lock makes two servers starting against one PostgreSQL database take turns. An applied
 * migration whose file changed afterwards stops the start: the schema would no longer be
 * what the files say.
 */
export async function migrate(db: SqlDriver, migrations = readMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text PRIMARY KEY,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE');
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) {
        if (rows[0]!.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.version} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [migration.version, migration.checksum]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
