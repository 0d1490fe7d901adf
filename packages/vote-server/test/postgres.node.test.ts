import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../src/store/vote-store.js';
import { defineApiSuite } from './support/api-suite.js';

interface EnsurePostgres {
  ensurePostgres(options?: { prefix?: string }): { url: string; version: string; drop(): void };
}

// Skipping PostgreSQL must never look like a pass: the opt-out itself is a failing test.
if (process.env.WIR_SKIP_POSTGRES === '1') {
  test('PostgreSQL suite skipped by WIR_SKIP_POSTGRES', () => {
    assert.fail('WIR_SKIP_POSTGRES=1: the PostgreSQL store was not tested.');
  });
} else {
  defineApiSuite('vote API on a real PostgreSQL server', async () => {
    // scripts/ensure-postgres.mjs installs Debian's postgresql when missing and starts the
    // cluster; any problem there throws and fails this suite.
    const script = new URL('../../../scripts/ensure-postgres.mjs', import.meta.url).href;
    const { ensurePostgres } = (await import(script)) as EnsurePostgres;
    const pg = ensurePostgres({ prefix: 'wir_votes_test' });
    return {
      open: () => openStore({ databaseUrl: pg.url, dataDir: '/nonexistent' }),
      dispose: async () => pg.drop(),
    };
  });
}
