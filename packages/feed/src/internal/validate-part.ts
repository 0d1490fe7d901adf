import type { FeedProblem } from '../problems.js';
import type { Feed } from '../schema.js';
import { SUPPORTED_SCHEMA_MAJOR } from '../schema/common.js';
import { at, check, type Checker, isObject, problem, quote, type Spec } from './spec.js';

export type ValidationResult =
  /**
   * `languages`: the language tags of the texts checked, in lower case (tags are
   * case-insensitive, so `de-X-LS` counts as "de-x-ls"), e.g. to offer easy German.
   */
  | { ok: true; feed: Feed; problems: []; languages: Set<string> }
  | { ok: false; problems: FeedProblem[] };

const badTag = (tag: unknown): boolean => {
  // Intl accepts any well-formed tag, including 5–8 letter primary subtags like "english"
  // that name no language; real tags start with a 2–3 letter code.
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

/** Second pass: things only knowable once the whole feed was read. */
function crossChecks(feed: unknown, c: Checker): void {
  for (const [spec, id, path] of c.refs) {
    const known = c.ids.get(spec.to!);
    // No scope means the target collection was not even an array, which is reported already.
    if (known && !known.has(id))
      problem(c, path, 'dangling-reference', `Unknown ${spec.what} ${quote(id)}: no entry in $.${spec.to} has this id.`);
  }

  const strategy = isObject(feed) && isObject(feed.strategy) ? feed.strategy : {};
  const languages: unknown[] = Array.isArray(strategy.languages) ? strategy.languages : [];
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
    const tags = Object.keys(value);
    for (const tag of tags) if (badTag(tag)) tagProblem(c, at(path, tag), tag);
    if (defOk && !tags.some((tag) => tag.toLowerCase() == def.toLowerCase()))
      problem(c, path, 'missing-default-language', `Missing the text in the default language ${quote(def)}.`);
  }
}

/**
 * Checks `data` against `spec` (the whole feed, or the part one widget reads) and reports every
 * problem found, each with the JSON path of the offending value. Never throws.
 */
export function validatePart(spec: Spec, data: unknown): ValidationResult {
  const c: Checker = { problems: [], texts: [], ids: new Map(), refs: [] };
  const version = (data as Record<string, unknown> | null)?.schemaVersion;
  // Any version that starts with a number names its major ("2", "2.0.0", 2), whatever else is wrong with it.
  // (JSON values only: an object's toString may be no function, as in {"toString": 0}.)
  const major = typeof version != 'object' && /^\d/.test(version as string) ? parseInt(version as string) : SUPPORTED_SCHEMA_MAJOR;
  if (major != SUPPORTED_SCHEMA_MAJOR) {
    // A different major may have changed any field, so checking the rest would only add noise.
    problem(
      c,
      '$.schemaVersion',
      'unsupported-version',
      `This feed uses schema version ${version}, but only version ${SUPPORTED_SCHEMA_MAJOR}.x is supported${major > SUPPORTED_SCHEMA_MAJOR ? '. Update the widgets to read it' : ''}.`,
    );
  } else {
    check(spec, data, '$', c);
    crossChecks(data, c);
  }
  return c.problems.length
    ? { ok: false, problems: c.problems }
    : { ok: true, feed: data as Feed, problems: [], languages: new Set(c.texts.flatMap(([, text]) => Object.keys(text).map((tag) => tag.toLowerCase()))) };
}
