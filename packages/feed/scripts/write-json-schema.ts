/**
 * Writes schema/feed.schema.json from the schema source. The file is committed so editors and
 * other tools can use it without running any code; a node test fails when it drifts.
 * Usage: tsx packages/feed/scripts/write-json-schema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feedJsonSchema } from '../src/json-schema.js';

export const schemaFile = fileURLToPath(new URL('../schema/feed.schema.json', import.meta.url));

export const schemaText = (): string => JSON.stringify(feedJsonSchema(), null, 2) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(schemaFile, 'utf8');
    } catch {
      // A missing file is reported as out of date below.
    }
    if (current !== text) {
      console.error(`${schemaFile} is out of date; run npm run feed:schema.`);
      process.exit(1);
    }
    console.log(`${schemaFile} is up to date.`);
  } else {
    writeFileSync(schemaFile, text);
    console.log(`Wrote ${schemaFile}`);
  }
}
