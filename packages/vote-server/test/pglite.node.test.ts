import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/vote-store.js';
import { defineApiSuite } from './support/api-suite.js';

defineApiSuite('vote API on the embedded PGlite store', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wir-votes-pglite-'));
  return {
    open: () => openStore({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

test('after retention, the VACUUM FULL the privacy docs name leaves no erased hash in the table or index files', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wir-votes-erase-'));
  try {
    const store = await openStore({ dataDir });
    const hex = () => randomBytes(32).toString('hex');
    const ballot = { pollId: 'gone', voterHash: hex(), keyHash: hex(), digest: hex(), options: ['a'] };
    assert.deepEqual(await store.writeBallots([ballot]), ['inserted']);
    await store.recordSchedule([{ id: 'gone', closes: '2020-01-01T00:00:00Z' }]);
    assert.equal((await store.anonymizeExpired(new Date(), 30)).ballots, 1);
    // The erasure is an UPDATE: the old row version stays in the page until it is overwritten,
    // and even a plain VACUUM leaves its bytes in the page's free space.
    await store.db.exec('VACUUM FULL votes');
    await store.db.exec('CHECKPOINT');
    await store.close();
    // The write-ahead log (pg_wal) still holds them until it is recycled; the docs say so.
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const base = join(dataDir, 'pglite', 'base');
    for (const value of [ballot.voterHash, ballot.keyHash, ballot.digest]) {
      const holding = files(base).filter((file) => readFileSync(file).includes(Buffer.from(value, 'hex')));
      assert.deepEqual(holding.map((f) => f.slice(base.length)), [], 'an erased hash is still in the database files');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
