import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/vote-store.js';
import { defineApiSuite } from './support/api-suite.js';

defineApiSuite('vote API on the embedded PGlite store', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wir-votes-pglite-'));
  return {
    open: () => openStore({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
