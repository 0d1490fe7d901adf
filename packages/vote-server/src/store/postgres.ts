import pg from 'pg';
import type { SqlDriver, SqlRunner } from './driver.js';

export interface PostgresOptions {
  /** Connections in the pool; writes use one at a time, reads the rest. */
  max?: number;
  onError?: (error: Error) => void;
}

export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<SqlDriver> {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // Fail a query rather than hang a request forever when the server stalls.
    query_timeout: 15_000,
    application_name: 'wir-vote-server',
  });
  // An idle client losing its connection emits here; unhandled it would crash the process.
  pool.on('error', (error) => options.onError?.(error));
  // Fail fast at start-up with the driver's own message (wrong password, no database…).
  const probe = await pool.connect();
  probe.release();

  const runnerFor = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params as unknown[])).rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  });

  return {
    kind: 'postgres',
    ...runnerFor(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(runnerFor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself is gone; do not hand it back to the pool.
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
