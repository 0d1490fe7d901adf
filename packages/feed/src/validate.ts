import { at, check, type Checker, problem, quote } from './internal/spec.js';
import type { FeedProblem } from './problems.js';
import { type Feed, feedSchema, SUPPORTED_SCHEMA_MAJOR } from './schema.js';

export type ValidationResult = { ok: true; feed: Feed; problems: [] } | { ok: false; problems: FeedProblem[] };

// The second pass runs even when the first found problems, so it reads the data defensively.
type Loose = Record<string, any>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Loose => (v && typeof v == 'object' && !Array.isArray(v) ? v : {});

const badTag = (tag: unknown): boolean => {
  if (typeof tag != 'string' || !/^[a-z]{2,3}(-|$)/i.test(tag)) return true;
  try {
    Intl.getCanonicalLocales(tag);
    return false;
  } catch {
    return true;
  }
};

const tagProblem = (c: Checker, path: string, tag: string): void =>
  problem(c, path, 'language-tag', `${quote(tag)} is not a valid BCP 47 language tag (like "de", "en-GB" or "de-x-ls").`);

/** Compares partial dates at their common precision, so "2026" is neither before nor after "2026-05". */
const before = (a: unknown, b: unknown): boolean =>
  typeof a == 'string' && typeof b == 'string' && a.slice(0, b.length) < b.slice(0, a.length);

function semantics(feed: Loose, c: Checker): void {
  // Returns undefined when the collection is not an array, so references into it are not
  // reported as dangling on top of the type problem.
  const ids = (items: unknown, path: string, seen = new Map<string, string>()): Set<string> | undefined => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      const id = record(item).id;
      if (typeof id != 'string') return;
      const first = seen.get(id);
      if (first) problem(c, `${path}[${i}].id`, 'duplicate-id', `Duplicate id ${quote(id)}: already used at ${first}.`);
      else seen.set(id, `${path}[${i}].id`);
    });
    return new Set(seen.keys());
  };
  const numbers = (items: Loose[], path: string): void => {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const n = record(item).number;
      if (seen.has(n)) problem(c, `${path}[${i}].number`, 'duplicate-number', `Duplicate number ${n}.`);
      seen.add(n);
    });
  };
  const refs = (values: unknown, path: string, known: Set<string> | undefined, what: string, where: string): void => {
    for (const [i, v] of (Array.isArray(values) ? values : [values]).entries()) {
      if (known && typeof v == 'string' && !known.has(v))
        problem(
          c,
          Array.isArray(values) ? at(path, i) : path,
          'dangling-reference',
          `Unknown ${what} ${quote(v)}: no entry in $.${where} has this id.`,
        );
    }
  };

  const guidelines = list(feed.guidelines);
  const fields = list(feed.actionFields);
  const guidelineIds = ids(feed.guidelines, '$.guidelines');
  const themeIds = ids(feed.crossCuttingThemes, '$.crossCuttingThemes');
  const groupIds = ids(feed.groups, '$.groups');
  numbers(guidelines, '$.guidelines');
  ids(fields, '$.actionFields');
  numbers(fields, '$.actionFields');
  ids(feed.priorities, '$.priorities');
  ids(record(feed.participation).figures, '$.participation.figures');

  const goalIds = new Map<string, string>();
  const measureIds = new Map<string, string>();
  fields.forEach((field, f) => {
    const fp = `$.actionFields[${f}]`;
    refs(record(field).guidelines, `${fp}.guidelines`, guidelineIds, 'guideline', 'guidelines');
    const goals = list(record(field).goals);
    ids(goals, `${fp}.goals`, goalIds);
    goals.forEach((goal, g) => {
      const gp = `${fp}.goals[${g}].measures`;
      const measures = list(record(goal).measures);
      ids(measures, gp, measureIds);
      measures.forEach((m, i) => {
        const mp = `${gp}[${i}]`;
        m = record(m);
        refs(m.themes, `${mp}.themes`, themeIds, 'cross-cutting theme', 'crossCuttingThemes');
        refs(m.contributedBy, `${mp}.contributedBy`, groupIds, 'group', 'groups');
        ids(m.indicators, `${mp}.indicators`);
        list(m.status).forEach((s, j, all) => {
          if (j && before(record(s).date, record(all[j - 1]).date))
            problem(c, `${mp}.status[${j}].date`, 'date-order', 'Status entries must be listed oldest first.');
        });
      });
    });
  });

  const timeline = list(feed.timeline);
  ids(timeline, '$.timeline');
  timeline.forEach((e, i) => {
    e = record(e);
    if (before(e.end, e.date))
      problem(c, `$.timeline[${i}].end`, 'date-order', `The end ${quote(e.end)} is before the date ${quote(e.date)}.`);
  });

  const polls = list(feed.polls);
  ids(polls, '$.polls');
  polls.forEach((p, i) => {
    const pp = `$.polls[${i}]`;
    p = record(p);
    ids(p.options, `${pp}.options`);
    if (Date.parse(p.opens) >= Date.parse(p.closes))
      problem(c, `${pp}.closes`, 'date-order', `The poll must close after it opens (${p.opens}).`);
    if (p.maxChoices != null) {
      if (p.choice != 'multiple')
        problem(c, `${pp}.maxChoices`, 'max-choices', 'maxChoices is only allowed when choice is "multiple".');
      else if (p.maxChoices > list(p.options).length)
        problem(c, `${pp}.maxChoices`, 'max-choices', `maxChoices is larger than the number of options.`);
    }
  });

  const strategy = record(feed.strategy);
  const languages = list(strategy.languages) as unknown[];
  const def = strategy.defaultLanguage;
  languages.forEach((tag, i) => {
    if (typeof tag != 'string') return;
    if (badTag(tag)) tagProblem(c, `$.strategy.languages[${i}]`, tag);
    else if (languages.indexOf(tag) < i)
      problem(c, `$.strategy.languages[${i}]`, 'duplicate-language', `${quote(tag)} is listed twice.`);
  });
  let defOk = typeof def == 'string' && !badTag(def);
  if (typeof def == 'string' && !defOk) tagProblem(c, '$.strategy.defaultLanguage', def);
  else if (defOk && !languages.includes(def)) {
    problem(c, '$.strategy.defaultLanguage', 'default-language', `${quote(def)} is not listed in $.strategy.languages.`);
    // One typo in defaultLanguage would otherwise also flag every text in the feed.
    defOk = false;
  }

  for (const [path, value] of c.texts) {
    for (const tag of Object.keys(value)) if (badTag(tag)) tagProblem(c, at(path, tag), tag);
    if (defOk && !Object.keys(value).some((tag) => tag.toLowerCase() == def.toLowerCase()))
      problem(c, path, 'missing-default-language', `Missing the text in the default language ${quote(def)}.`);
  }
}

/** Reads the major number of a "MAJOR.MINOR" version, or undefined when it is not one. */
const majorOf = (v: unknown): number | undefined => {
  const m = typeof v == 'string' ? /^(\d+)\.\d+$/.exec(v) : null;
  return m ? +m[1] : undefined;
};

/**
 * Checks that `data` is a feed this package understands and reports every problem found,
 * each with the JSON path of the offending value. Never throws.
 */
export function validateFeed(data: unknown): ValidationResult {
  const c: Checker = { problems: [], texts: [] };
  const major = majorOf(record(data).schemaVersion);
  if (major != null && major != SUPPORTED_SCHEMA_MAJOR) {
    // A different major may have changed any field, so checking the rest would only add noise.
    problem(
      c,
      '$.schemaVersion',
      'unsupported-version',
      `This feed uses schema version ${record(data).schemaVersion}, but only version ${SUPPORTED_SCHEMA_MAJOR}.x is supported${major > SUPPORTED_SCHEMA_MAJOR ? '. Update the widgets to read it' : ''}.`,
    );
  } else {
    check(feedSchema, data, '$', c);
    if (record(data) === data) semantics(data as Loose, c);
  }
  return c.problems.length ? { ok: false, problems: c.problems } : { ok: true, feed: data as Feed, problems: [] };
}
