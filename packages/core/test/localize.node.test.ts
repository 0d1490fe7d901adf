/**
 * The translation pipeline stays whole: lit-localize can still extract every msg() of the widgets,
 * and each message it finds is in every committed XLIFF file with a translation. (The browser
 * locale test checks the generated modules; this catches a message that never reached them,
 * for instance because extraction failed.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'wir-xliff-'));
after(() => rmSync(out, { recursive: true, force: true }));

const units = (xliff: string): Map<string, boolean> =>
  new Map([...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map((m) => [m[1], m[2].includes('<target')]));

test('lit-localize extracts every message, and every locale has each one translated', () => {
  const tmpConfig = join(out, 'lit-localize.json');
  // The config's paths are relative to the config file: make them absolute for the copy.
  const absolute = (path: string) => (path.startsWith('!') ? '!' + join(root, path.slice(1)) : join(root, path));
  writeFileSync(
    tmpConfig,
    JSON.stringify({
      ...config,
      tsConfig: absolute(config.tsConfig),
      inputFiles: config.inputFiles.map(absolute),
      interchange: { ...config.interchange, xliffDir: out },
    }),
  );
  execFileSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', tmpConfig], { cwd: root, stdio: 'pipe' });
  for (const locale of config.targetLocales as string[]) {
    const extracted = [...units(readFileSync(join(out, `${locale}.xlf`), 'utf8')).keys()];
    assert.ok(extracted.length > 100, `${locale}: only ${extracted.length} messages extracted`);
    const committed = units(readFileSync(join(root, 'xliff', `${locale}.xlf`), 'utf8'));
    const missing = extracted.filter((id) => !committed.get(id));
    assert.deepEqual(missing, [], `${locale}: messages without a translation in xliff/${locale}.xlf (npm run localize:extract, translate, npm run localize:build)`);
  }
});
