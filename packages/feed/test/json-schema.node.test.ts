import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feedJsonSchema } from '../src/index.js';
import { schemaFile, schemaText } from '../scripts/write-json-schema.js';
import { broken, fixture } from './helpers.js';

test('the committed schema/feed.schema.json equals the freshly generated one (run npm run feed:schema)', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), schemaText());
});

test('the JSON Schema is 2020-12 with a relative $id, a title and a description', () => {
  const schema = feedJsonSchema() as Record<string, any>;
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.$id, 'feed.schema.json');
  assert.equal(schema.title, 'WIR strategy feed');
  assert.equal(typeof schema.description, 'string');
});

test('every $ref points at a definition, and every definition and property has a description', () => {
  const schema = feedJsonSchema() as Record<string, any>;
  const text = JSON.stringify(schema);
  for (const [, name] of text.matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)) assert.ok(schema.$defs[name], name);
  const undescribed: string[] = [];
  const visit = (node: any, where: string): void => {
    if (node.type != 'object' || !node.properties) return;
    for (const [key, value] of Object.entries<any>(node.properties)) if (!value.description) undescribed.push(`${where}.${key}`);
  };
  visit(schema, 'Feed');
  for (const [name, def] of Object.entries<any>(schema.$defs)) {
    if (!def.description) undescribed.push(name);
    visit(def, name);
  }
  assert.deepEqual(undescribed, []);
});

test('the schema mirrors the validator: required fields, enums, patterns', () => {
  const { $defs: defs, required } = feedJsonSchema() as Record<string, any>;
  assert.deepEqual(required, ['schemaVersion', 'strategy', 'guidelines', 'crossCuttingThemes', 'groups', 'actionFields', 'priorities', 'participation', 'timeline', 'polls']);
  assert.deepEqual(defs.Measure.required, ['id', 'title', 'status', 'themes']);
  assert.deepEqual(defs.MeasureStatus.enum, ['proposed', 'accepted', 'deferred', 'recommendation', 'in-progress', 'done']);
  assert.equal(defs.Poll.properties.options.minItems, 2);
  const partialDate = new RegExp(defs.PartialDate.pattern);
  for (const ok of ['2026', '2026-05', '2026-05-31']) assert.ok(partialDate.test(ok), ok);
  for (const bad of ['26', '2026-13', '2026-5', '2026-05-32']) assert.ok(!partialDate.test(bad), bad);
  const src = new RegExp(defs.Image.properties.src.pattern);
  for (const ok of ['a.png', '/a.png', 'https://x.org/a.png', 'HTTP://x']) assert.ok(src.test(ok), ok);
  for (const bad of ['javascript:alert(1)', 'data:image/png,x']) assert.ok(!src.test(bad), bad);
  // Unknown extra properties stay allowed for forward compatibility.
  assert.equal(JSON.stringify(defs).includes('"additionalProperties":false'), false);
});

test('docs/feed-format.md documents every field of every object in the schema', () => {
  const doc = readFileSync(new URL('../../../docs/feed-format.md', import.meta.url), 'utf8');
  const schema = feedJsonSchema() as Record<string, any>;
  const objects: [string, any][] = [['Feed', schema], ...Object.entries<any>(schema.$defs)];
  const missing: string[] = [];
  for (const [name, def] of objects) {
    if (!def.properties) continue;
    const start = doc.search(new RegExp(`^### ${name}\\b`, 'm'));
    if (start < 0) {
      missing.push(`section "### ${name}"`);
      continue;
    }
    const end = doc.indexOf('\n### ', start + 1);
    const section = doc.slice(start, end < 0 ? undefined : end);
    for (const key of Object.keys(def.properties)) if (!section.includes(`| \`${key}\` |`)) missing.push(`${name}.${key}`);
  }
  assert.deepEqual(missing, []);
});

test('a real JSON Schema 2020-12 validator (Ajv, strict) accepts the good feeds and rejects broken ones', async (t) => {
  // Ajv is not a dependency of this package; the repo's tooling happens to install it. When it is
  // absent the test says so instead of failing, since the schema's shape is pinned above anyway.
  let Ajv2020: any, addFormats: any;
  try {
    Ajv2020 = (await import('ajv/dist/2020.js' as string)).default;
    addFormats = (await import('ajv-formats' as string)).default;
  } catch {
    t.skip('ajv is not installed');
    return;
  }
  const ajv = new (Ajv2020.default ?? Ajv2020)({ allErrors: true, strict: true });
  (addFormats.default ?? addFormats)(ajv);
  const validate = ajv.compile(feedJsonSchema());
  const hannover = JSON.parse(readFileSync(new URL('../../../demo/feeds/hannover.json', import.meta.url), 'utf8'));
  for (const [name, feed] of [['hannover', hannover], ['minimal', fixture('minimal.json')], ['complete', fixture('complete.json')]]) {
    assert.equal(validate(feed), true, `${name}: ${JSON.stringify(validate.errors)}`);
  }
  const cases: [string, (f: any) => void][] = [
    ['/timeline/1/link', (f) => (f.timeline[1].link = 'javascript:alert(1)')],
    ['/guidelines/0/image/src', (f) => (f.guidelines[0].image.src = 'data:image/png,x')],
    ['/timeline/0/date', (f) => (f.timeline[0].date = '2026-13')],
    ['/polls/0/opens', (f) => (f.polls[0].opens = '2026-05-01')],
    ['/strategy/title', (f) => (f.strategy.title.de_DE = 'x')],
    ['/strategy', (f) => delete f.strategy.publisher],
    ['/actionFields/0/goals/0/measures/0/status/0/status', (f) => (f.actionFields[0].goals[0].measures[0].status[0].status = 'fooo')],
    ['/polls/0/options', (f) => f.polls[0].options.splice(1)],
    ['/schemaVersion', (f) => (f.schemaVersion = '2.0')],
  ];
  for (const [path, change] of cases) {
    assert.equal(validate(broken(change)), false, path);
    assert.ok(validate.errors.some((e: { instancePath: string }) => e.instancePath == path), `${path}: ${JSON.stringify(validate.errors)}`);
  }
});
