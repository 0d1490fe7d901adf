import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feedJsonSchema, validateFeed } from '../src/index.js';
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

  // The validator and the schema must agree: an editor's tool must not accept what the widgets
  // refuse, nor the other way round (review: each of these disagreed).
  const agreement: [string, (f: any) => void][] = [
    ['date-time without seconds (the docs allow it)', (f) => (f.polls[0].opens = '2026-05-01T12:00+02:00')],
    ['date-time without seconds, Z', (f) => (f.polls[0].closes = '2030-05-01T12:00Z')],
    ['date-time on a day that does not exist', (f) => (f.polls[0].opens = '2026-02-30T12:00:00Z')],
    ['date-time on a leap day', (f) => (f.polls[0].opens = '2024-02-29T12:00:00Z')],
    ['date-time with a leap second', (f) => (f.polls[0].opens = '2026-06-30T23:59:60Z')],
    ['date-time with a lowercase z', (f) => (f.polls[0].opens = '2026-05-01T12:00:00z')],
    ['partial date on a day that does not exist', (f) => (f.timeline[0].date = '2026-02-29')],
    ['partial date 31 April', (f) => (f.timeline[0].date = '2026-04-31')],
    ['partial date on a leap day', (f) => ((f.timeline[0].date = '2024-02-29'), (f.timeline[0].end = '2024-03'))],
    ['partial date in the year 0', (f) => ((f.timeline[0].date = '0000-02-29'), delete f.timeline[0].end)],
    ['full date 1900-02-29', (f) => (f.strategy.updated = '1900-02-29')],
    ['full date 2000-02-29', (f) => (f.strategy.updated = '2000-02-29')],
    ['link http:x', (f) => (f.strategy.source = 'http:x')],
    ['link https:/x', (f) => (f.strategy.source = 'https:/x')],
    ['link https:///x', (f) => (f.strategy.source = 'https:///x')],
    ['link https://', (f) => (f.strategy.source = 'https://')],
    ['link with port 99999', (f) => (f.strategy.source = 'https://a:99999/')],
    ['link with port 65535', (f) => (f.strategy.source = 'https://a:65535/x')],
    ['link with a port and no host', (f) => (f.strategy.source = 'https://:80/')],
    ['link to an IPv6 host with a port', (f) => (f.strategy.source = 'https://[::1]:8080/')],
    ['link with user info', (f) => (f.strategy.source = 'https://user@host.example/')],
    ['relative link http:x', (f) => (f.guidelines[0].image.src = 'http:x.png')],
    ['relative link //host', (f) => (f.guidelines[0].image.src = '//cdn.example/x.png')],
    ['relative link ?q', (f) => (f.strategy.measuresPage = '?q=1')],
    ['white space as a string', (f) => (f.strategy.title = '   ')],
    ['white space as a text value', (f) => (f.strategy.publisher = { de: ' ' })],
    ['white space in a plain string field', (f) => (f.actionFields[0].icon = '\t')],
    ['tag de-x', (f) => (f.strategy.title = { de: 'x', 'de-x': 'y' })],
    ['tag de-DE-de', (f) => (f.strategy.title = { de: 'x', 'de-DE-de': 'y' })],
    ['tag zh-min-nan', (f) => (f.strategy.title = { de: 'x', 'zh-min-nan': 'y' })],
    ['tag en-GB-oed', (f) => (f.strategy.title = { de: 'x', 'en-GB-oed': 'y' })],
    ['tag i-klingon', (f) => (f.strategy.title = { de: 'x', 'i-klingon': 'y' })],
    ['tag sr-Latn-RS', (f) => (f.strategy.title = { de: 'x', 'sr-Latn-RS': 'y' })],
    ['tag es-419', (f) => (f.strategy.title = { de: 'x', 'es-419': 'y' })],
    ['tag de-1996', (f) => (f.strategy.title = { de: 'x', 'de-1996': 'y' })],
    ['tag de-u-co-phonebk', (f) => (f.strategy.title = { de: 'x', 'de-u-co-phonebk': 'y' })],
    ['tag de-X-LS', (f) => (f.strategy.title = { de: 'x', 'de-X-LS': 'y' })],
    ['tag de-x-abcdefghi', (f) => (f.strategy.title = { de: 'x', 'de-x-abcdefghi': 'y' })],
    ['language x-ls', (f) => f.strategy.languages.push('x-ls')],
  ];
  const disagreements: string[] = [];
  for (const [name, change] of agreement) {
    const feed = broken(change);
    const byValidator = validateFeed(feed).ok;
    const bySchema = validate(feed);
    if (byValidator !== bySchema) disagreements.push(`${name}: validator ${byValidator}, schema ${bySchema}`);
  }
  assert.deepEqual(disagreements, []);
});
