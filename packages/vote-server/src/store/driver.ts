/**
 * The smallest surface both databases share. Everything above it (migrations, queries) is
 * written once, so the embedded store runs exactly the SQL production runs.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDriver extends SqlRunner {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; resolves only after COMMIT returned. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
