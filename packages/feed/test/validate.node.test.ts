import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type FeedProblem, validateFeed } from '../src/index.js';
import type { Checker, Spec } from '../src/internal/spec.js';
import { schemaDefs } from '../src/schema.js';
import { broken, fixture, problem } from './helpers.js';

const problemsOf = (data: unknown): FeedProblem[] => {
  const result = validateFeed(data);
  return result.ok ? [] : result.problems;
};

describe('validateFeed: valid feeds', () => {
  test('a minimal feed passes and is returned as is', () => {
    const feed = fixture('minimal.json');
    const result = validateFeed(feed);
    assert.equal(result.ok, true);
    assert.deepEqual(result.problems, []);
    if (result.ok) assert.equal(result.feed, feed);
  });

  test('a feed using every optional field passes', () => {
    assert.deepEqual(problemsOf(fixture('complete.json')), []);
  });

  test('unknown extra properties are tolerated everywhere', () => {
    const feed = broken((f) => {
      f.newTopLevel = [1, 2];
      f.strategy.logo = 'x';
      f.guidelines[0].extra = { deep: true };
      f.actionFields[0].goals[0].measures[0].budget = 1000;
      f.actionFields[0].goals[0].measures[0].status[0].by = 'council';
      f.polls[0].options[0].emoji = '🙂';
      f.participation.note = 'x';
    });
    assert.deepEqual(problemsOf(feed), []);
  });

  test('a newer minor version is accepted', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.schemaVersion = '1.99'))), []);
  });

  test('Leichte Sprache (de-x-ls) and region tags are valid language keys', () => {
    const feed = broken((f) => (f.guidelines[1].title = { de: 'a', 'de-x-ls': 'b', 'pt-BR': 'c', 'sr-Latn-RS': 'd' }));
    assert.deepEqual(problemsOf(feed), []);
  });

  test('relative image paths and protocol-relative links are allowed for image.src', () => {
    for (const src of ['leitlinie.svg', '/img/a.png', '../a.png', 'https://example.org/a.png', '//cdn.example.org/a.png']) {
      assert.deepEqual(problemsOf(broken((f) => (f.guidelines[0].image.src = src))), [], src);
    }
  });

  test('the sample Hannover feed (demo/feeds/hannover.json) validates with zero problems', () => {
    const url = new URL('../../../demo/feeds/hannover.json', import.meta.url);
    assert.ok(existsSync(url), 'demo/feeds/hannover.json is missing');
    const result = validateFeed(JSON.parse(readFileSync(url, 'utf8')));
    assert.deepEqual(result.problems, []);
  });
});

describe('validateFeed: broken feeds name the exact path and problem', () => {
  test('missing required field', () => {
    assert.deepEqual(problemsOf(broken((f) => delete f.guidelines[1].title)), [
      problem('$.guidelines[1].title', 'required', 'Missing required field "title".'),
    ]);
  });

  test('wrong type', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.actionFields[0].goals[0].measures[0].themes[0] = 7))), [
      problem('$.actionFields[0].goals[0].measures[0].themes[0]', 'type', 'Expected a string, got a number.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.guidelines = {}))), [
      problem('$.guidelines', 'type', 'Expected an array, got an object.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.participation.figures[0].atLeast = 'yes'))), [
      problem('$.participation.figures[0].atLeast', 'type', 'Expected true or false, got a string.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.subtitle = null))), [
      problem('$.strategy.subtitle', 'type', 'Expected a text (a string, or an object mapping language tags to strings), got null.'),
    ]);
  });

  test('bad enum value deep in the tree', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.actionFields[0].goals[0].measures[0].status[1].status = 'fooo'))), [
      problem(
        '$.actionFields[0].goals[0].measures[0].status[1].status',
        'enum',
        '"fooo" is not one of: proposed, accepted, deferred, recommendation, in-progress, done.',
      ),
    ]);
  });

  test('unknown (malformed) language tag as a text key and in strategy.languages', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.title.en_GB = 'x'))), [
      problem('$.strategy.title.en_GB', 'language-tag', '"en_GB" is not a valid BCP 47 language tag (like "de", "en-GB" or "de-x-ls").'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => f.strategy.languages.push('english'))), [
      problem('$.strategy.languages[4]', 'language-tag', '"english" is not a valid BCP 47 language tag (like "de", "en-GB" or "de-x-ls").'),
    ]);
  });

  test('duplicate measure ids across goals of different action fields', () => {
    const feed = broken((f) => {
      const second = structuredClone(f.actionFields[0]);
      second.id = 'arbeit';
      second.number = 2;
      second.goals[0].id = 'arbeit-z1';
      f.actionFields.push(second);
    });
    assert.deepEqual(problemsOf(feed), [
      problem(
        '$.actionFields[1].goals[0].measures[0].id',
        'duplicate-id',
        'Duplicate id "bildung-m1": already used at $.actionFields[0].goals[0].measures[0].id.',
      ),
    ]);
  });

  test('duplicate ids within a collection, and duplicate numbers', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.guidelines[1].id = 'leitlinie-1'))), [
      problem('$.guidelines[1].id', 'duplicate-id', 'Duplicate id "leitlinie-1": already used at $.guidelines[0].id.'),
      // The action field still refers to "leitlinie-2", which no longer exists.
      problem('$.actionFields[0].guidelines[1]', 'dangling-reference', 'Unknown guideline "leitlinie-2": no entry in $.guidelines has this id.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.guidelines[1].number = 1))), [
      problem('$.guidelines[1].number', 'duplicate-number', 'Duplicate number 1.'),
    ]);
  });

  test('dangling reference measure → cross-cutting theme', () => {
    assert.deepEqual(problemsOf(broken((f) => f.actionFields[0].goals[0].measures[0].themes.push('klimaschutz'))), [
      problem(
        '$.actionFields[0].goals[0].measures[0].themes[1]',
        'dangling-reference',
        'Unknown cross-cutting theme "klimaschutz": no entry in $.crossCuttingThemes has this id.',
      ),
    ]);
  });

  test('dangling reference measure → group', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.actionFields[0].goals[0].measures[0].contributedBy = 'ag-senioren'))), [
      problem(
        '$.actionFields[0].goals[0].measures[0].contributedBy',
        'dangling-reference',
        'Unknown group "ag-senioren": no entry in $.groups has this id.',
      ),
    ]);
  });

  test('dangling reference action field → guideline', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.actionFields[0].guidelines = ['leitlinie-9']))), [
      problem('$.actionFields[0].guidelines[0]', 'dangling-reference', 'Unknown guideline "leitlinie-9": no entry in $.guidelines has this id.'),
    ]);
  });

  test('newer major schemaVersion gives one clear problem and nothing else', () => {
    const feed = broken((f) => {
      f.schemaVersion = '2.0';
      f.guidelines = 'changed shape in 2.0';
    });
    assert.deepEqual(problemsOf(feed), [
      problem(
        '$.schemaVersion',
        'unsupported-version',
        'This feed uses schema version 2.0, but only version 1.x is supported. Update the widgets to read it.',
      ),
    ]);
  });

  test('malformed schemaVersion is a pattern problem', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.schemaVersion = 'v1'))), [
      problem('$.schemaVersion', 'pattern', '"v1" is not a schema version of the form MAJOR.MINOR, like "1.0".'),
    ]);
  });

  test('a schemaVersion that starts with a number other than 1 is an unsupported version, however it is written', () => {
    for (const version of ['2', '2.0.0', 2, '10']) {
      const [p, ...rest] = problemsOf(broken((f) => (f.schemaVersion = version)));
      assert.deepEqual([p.path, p.code, rest.length], ['$.schemaVersion', 'unsupported-version', 0], String(version));
      assert.match(p.message, new RegExp(`schema version ${version}, but only version 1\\.x`));
    }
    assert.deepEqual(problemsOf(broken((f) => (f.schemaVersion = '1'))).map((p) => p.code), ['pattern']);
    assert.deepEqual(problemsOf(broken((f) => (f.schemaVersion = 1))).map((p) => p.code), ['type']);
  });

  test('a number too large for JSON.parse (1e400 becomes Infinity) is called too large', () => {
    const text = JSON.stringify(fixture('complete.json')).replace('"value":', '"value":1e400,"was":');
    const [p] = problemsOf(JSON.parse(text));
    assert.equal(p.code, 'type');
    assert.equal(p.message, 'Expected a number, got one too large.');
  });

  test('bad dates: wrong form, impossible month, impossible day, bad date-time', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.timeline[1].date = '05/2026'))), [
      problem('$.timeline[1].date', 'date', '"05/2026" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.timeline[1].date = '2026-13'))), [
      problem('$.timeline[1].date', 'date', '"2026-13" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.updated = '2026-02-29'))), [
      problem('$.strategy.updated', 'date', '"2026-02-29" is not a real calendar date.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.updated = '2026'))), [
      problem('$.strategy.updated', 'date', '"2026" is not a date of the form YYYY-MM-DD.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.polls[0].opens = '2026-05-01 10:00'))), [
      problem('$.polls[0].opens', 'date', '"2026-05-01 10:00" is not a date and time with offset, like 2026-05-01T12:00:00+02:00.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.polls[0].opens = '2026-04-31T10:00:00Z'))), [
      problem('$.polls[0].opens', 'date', '"2026-04-31T10:00:00Z" is not a real calendar date.'),
    ]);
    // 2028 is a leap year.
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.updated = '2028-02-29'))), []);
  });

  test('links must be http or https: javascript: is rejected everywhere, also for image.src', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.timeline[1].link = 'javascript:alert(1)'))), [
      problem('$.timeline[1].link', 'link', '"javascript:alert(1)" is not an http or https link.'),
    ]);
    for (const src of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:image/svg+xml,<svg/>']) {
      const problems = problemsOf(broken((f) => (f.guidelines[0].image.src = src)));
      assert.deepEqual(problems.map((p) => [p.path, p.code]), [['$.guidelines[0].image.src', 'link']], src);
    }
    assert.deepEqual(problemsOf(broken((f) => (f.polls[0].api = '/votes'))), [
      problem('$.polls[0].api', 'link', '"/votes" is not an http or https link.'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.source = 'ftp://example.org/x.pdf'))), [
      problem('$.strategy.source', 'link', '"ftp://example.org/x.pdf" is not an http or https link.'),
    ]);
  });

  test('links with spaces, quotes, < or > (which the JSON Schema rejects) are rejected; percent-encoded ones pass', () => {
    const message = (v: string) =>
      `${JSON.stringify(v)} contains characters a link cannot have; percent-encode them (a space as %20, " as %22, < as %3C, > as %3E).`;
    for (const src of ['a b.png', 'a.svg?x="><img src=x>', 'straße.png', 'a%2.png']) {
      assert.deepEqual(problemsOf(broken((f) => (f.guidelines[0].image.src = src))), [
        problem('$.guidelines[0].image.src', 'link', message(src)),
      ]);
    }
    assert.deepEqual(problemsOf(broken((f) => (f.timeline[1].link = 'https://example.org/a b'))), [
      problem('$.timeline[1].link', 'link', message('https://example.org/a b')),
    ]);
    for (const src of ['a%20b.png', "img/(1)'x'.png", 'stra%C3%9Fe.png']) {
      assert.deepEqual(problemsOf(broken((f) => (f.guidelines[0].image.src = src))), [], src);
    }
  });

  test('a localized text without the default language', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.actionFields[0].title = { en: 'Education', tr: 'Eğitim' }))), [
      problem('$.actionFields[0].title', 'missing-default-language', 'Missing the text in the default language "de".'),
    ]);
  });

  test('defaultLanguage not in languages (reported once, not again for every text)', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.strategy.defaultLanguage = 'fr'))), [
      problem('$.strategy.defaultLanguage', 'default-language', '"fr" is not listed in $.strategy.languages.'),
    ]);
  });

  test('a poll with one option', () => {
    assert.deepEqual(problemsOf(broken((f) => {
      f.polls[0].options.splice(1);
      delete f.polls[0].maxChoices;
    })), [problem('$.polls[0].options', 'min-items', 'Expected at least 2 entries, got 1.')]);
  });

  test('a poll that opens after it closes', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.polls[0].opens = '2026-06-01T10:00:00+02:00'))), [
      problem('$.polls[0].closes', 'date-order', 'The poll must close after it opens (2026-06-01T10:00:00+02:00).'),
    ]);
  });

  test('maxChoices only with multiple choice, and not above the number of options', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.polls[0].choice = 'single'))), [
      problem('$.polls[0].maxChoices', 'max-choices', 'maxChoices is only allowed when choice is "multiple".'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.polls[0].maxChoices = 4))), [
      problem('$.polls[0].maxChoices', 'max-choices', 'maxChoices is larger than the number of options.'),
    ]);
  });

  test('a timeline entry that ends before it starts; same-period precision is not an error', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.timeline[0].end = '2019-12'))), [
      problem('$.timeline[0].end', 'date-order', 'The end "2019-12" is before the date "2020".'),
    ]);
    assert.deepEqual(problemsOf(broken((f) => (f.timeline[0].end = '2020-03'))), []);
  });

  test('status history must be oldest first', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.actionFields[0].goals[0].measures[0].status[2].date = '2023-01'))), [
      problem('$.actionFields[0].goals[0].measures[0].status[2].date', 'date-order', 'Status entries must be listed oldest first.'),
    ]);
  });

  test('empty strings, empty text objects and empty status history', () => {
    assert.deepEqual(problemsOf(broken((f) => {
      f.guidelines[1].text = '  ';
      f.guidelines[0].title = {};
      f.strategy.title.en = '';
      f.actionFields[0].goals[0].measures[0].status = [];
    })), [
      problem('$.strategy.title.en', 'empty', 'Expected a non-empty string.'),
      problem('$.guidelines[0].title', 'empty', 'Expected at least one language.'),
      problem('$.guidelines[1].text', 'empty', 'Expected a non-empty string.'),
      problem('$.actionFields[0].goals[0].measures[0].status', 'min-items', 'Expected at least 1 entry, got 0.'),
    ]);
  });

  test('bad ids, numbers and colours', () => {
    assert.deepEqual(problemsOf(broken((f) => {
      f.groups[0].id = 'AG Jugend';
      f.actionFields[0].number = 0;
      f.guidelines[1].number = 2.5;
      f.actionFields[0].color = 'blue';
      f.participation.figures[1].value = -1;
    })), [
      problem('$.guidelines[1].number', 'integer', 'Expected a whole number, got 2.5.'),
      problem('$.groups[0].id', 'pattern', '"AG Jugend" is not a valid id (lowercase letters, digits and hyphens, starting with a letter or digit).'),
      problem('$.actionFields[0].number', 'minimum', 'Expected a number of at least 1, got 0.'),
      problem('$.actionFields[0].color', 'pattern', '"blue" is not a hex colour like #1f6feb.'),
      problem('$.participation.figures[1].value', 'minimum', 'Expected a number of at least 0, got -1.'),
      // The measure still points at the old group id.
      problem('$.actionFields[0].goals[0].measures[0].contributedBy', 'dangling-reference', 'Unknown group "ag-jugend": no entry in $.groups has this id.'),
    ]);
  });

  test('language-tag keys that are not identifiers are quoted in the path', () => {
    assert.deepEqual(problemsOf(broken((f) => (f.guidelines[0].title['de-x-ls'] = 5))), [
      problem('$.guidelines[0].title["de-x-ls"]', 'type', 'Expected a string, got a number.'),
    ]);
  });

  test('multiple problems are reported together, in document order', () => {
    const feed = broken((f) => {
      delete f.strategy.publisher;
      f.guidelines[0].number = '1';
      f.actionFields[0].goals[0].measures[0].status[0].status = 'planned';
      f.crossCuttingThemes.push({ id: 'gleichbehandlung', title: 'Doppelt' });
      f.timeline[1].link = 'javascript:void(0)';
      f.polls[0].options.splice(1, 2);
    });
    assert.deepEqual(problemsOf(feed), [
      problem('$.strategy.publisher', 'required', 'Missing required field "publisher".'),
      problem('$.guidelines[0].number', 'type', 'Expected a number, got a string.'),
      problem('$.crossCuttingThemes[1].id', 'duplicate-id', 'Duplicate id "gleichbehandlung": already used at $.crossCuttingThemes[0].id.'),
      problem('$.actionFields[0].goals[0].measures[0].status[0].status', 'enum', '"planned" is not one of: proposed, accepted, deferred, recommendation, in-progress, done.'),
      problem('$.timeline[1].link', 'link', '"javascript:void(0)" is not an http or https link.'),
      problem('$.polls[0].options', 'min-items', 'Expected at least 2 entries, got 1.'),
      problem('$.polls[0].maxChoices', 'max-choices', 'maxChoices is larger than the number of options.'),
    ]);
  });

  test('not an object at all', () => {
    assert.deepEqual(problemsOf([]), [problem('$', 'type', 'Expected an object, got an array.')]);
    assert.deepEqual(problemsOf(null), [problem('$', 'type', 'Expected an object, got null.')]);
    assert.deepEqual(problemsOf('feed'), [problem('$', 'type', 'Expected an object, got a string.')]);
  });

  test('long values are shortened in messages', () => {
    const [p] = problemsOf(broken((f) => (f.timeline[0].kind = 'x'.repeat(500))));
    assert.equal(p.path, '$.timeline[0].kind');
    assert.ok(p.message.length < 160, p.message);
    assert.match(p.message, /^"x{57}…" is not one of: phase, milestone, event\.$/);
  });

  test('never throws, whatever the input', () => {
    const weird: unknown[] = [undefined, 0, true, Symbol('s'), () => 1, new Date(), { schemaVersion: 1 },
      { schemaVersion: '1.0', strategy: [], actionFields: [null, 1, { goals: [null, { measures: [null, 'x'] }] }], polls: [null], timeline: [7] },
      Object.create(null)];
    for (const value of weird) assert.equal(validateFeed(value).ok, false);
  });

  // JSON can make objects whose toString and valueOf are not functions: Date.parse, ==, > and
  // template literals on them throw a TypeError (review: "opens": {"toString": 0}).
  const hostile = (): unknown[] => [{ toString: 0 }, { toString: 0, valueOf: 0 }, [{ toString: 0 }], null, [], {}];

  test('hostile values in any field of any object of the complete feed are problems, never a throw', () => {
    const feed = fixture('complete.json');
    const objects: Record<string, any>[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v == 'object') objects.push(v as Record<string, any>), Object.values(v).forEach(walk);
    };
    walk(feed);
    // Properties the schema does not know are tolerated, whatever they hold.
    const extra = new Set(['$schema', 'futureField', 'anything']);
    let runs = 0;
    for (const object of objects)
      for (const key of Object.keys(object)) {
        const saved = object[key];
        for (const value of hostile()) {
          object[key] = value;
          let result: ReturnType<typeof validateFeed> | undefined;
          assert.doesNotThrow(() => (result = validateFeed(feed)), `${key}: ${JSON.stringify(value)}`);
          // [] and {} can be valid (an empty list of themes, say); the others never are.
          if (!extra.has(key) && value && !(Array.isArray(value) && !value.length) && JSON.stringify(value) != '{}')
            assert.equal(result!.ok, false, `${key}: ${JSON.stringify(value)}`);
          runs++;
        }
        object[key] = saved;
      }
    assert.ok(runs > 800, `${runs} runs`);
    assert.deepEqual(problemsOf(feed), []);
  });

  test('every cross-field rule, called with hostile values in all fields at once, does not throw', () => {
    const seen = new Set<Spec>();
    const rules: [string, Spec][] = [];
    const collect = (name: string, spec: Spec | undefined): void => {
      if (!spec || seen.has(spec)) return;
      seen.add(spec);
      if (spec.rule) rules.push([name, spec]);
      collect(name, spec.of);
      for (const [key, inner] of Object.entries(spec.p ?? {})) collect(`${name}.${key}`, inner);
    };
    for (const [name, spec] of Object.entries(schemaDefs)) collect(name, spec);
    assert.ok(rules.length >= 4, rules.map(([name]) => name).join());
    for (const [name, spec] of rules)
      for (const value of hostile()) {
        const c: Checker = { problems: [], texts: [], ids: new Map(), refs: [] };
        const fields = Object.fromEntries(Object.keys(spec.p!).map((key) => [key, value]));
        for (const extra of [{}, { choice: 'multiple' }])
          assert.doesNotThrow(() => spec.rule!({ ...fields, ...extra }, '$', c), `${name}: ${JSON.stringify(value)}`);
      }
  });

  test('a poll time that is an object is reported at its path, not thrown (review: {"toString": 0})', () => {
    const feed = broken((f) => (f.polls[0].opens = { toString: 0 }));
    assert.deepEqual(
      problemsOf(feed).map((p) => [p.path, p.code]),
      [['$.polls[0].opens', 'type']],
    );
    const both = broken((f) => ((f.polls[0].closes = { valueOf: 0, toString: 0 }), (f.polls[0].maxChoices = { valueOf: 0 })));
    assert.deepEqual(
      problemsOf(both).map((p) => [p.path, p.code]),
      [['$.polls[0].maxChoices', 'type'], ['$.polls[0].closes', 'type']],
    );
  });
});
