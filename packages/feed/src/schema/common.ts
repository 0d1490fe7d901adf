/**
 * Building blocks every part of the feed uses: ids, references, dates, links, localized text,
 * the strategy header. Each part of the feed (guidelines, catalogue, timeline, polls) has its
 * own module beside this one, so a widget's bundle carries the specs of the parts it reads and
 * no others (see ../slices.ts).
 */
import { arr, type Checker, isObject, num, obj, optional, problem, type Spec, str, text } from '../internal/spec.js';

/** The schema major version this package understands. */
export const SUPPORTED_SCHEMA_MAJOR = 1;

const idRule = {
  re: /^[a-z0-9][a-z0-9-]*$/,
  like: 'a valid id (lowercase letters, digits and hyphens, starting with a letter or digit)',
};
export const id = str(idRule);
/** A reference to an id of the scope `to`, e.g. a measure's themes → crossCuttingThemes. */
export const ref = (to: string, what: string) => str({ ...idRule, to, what });
export const number = num({ int: true, min: 1 });

/** YYYY-MM-DD as a pattern source, for the full dates here and the date-times of polls. */
export const DAY = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
export const partialDate = str({
  re: /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
  like: 'a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
  code: 'date',
  date: 1,
});
export const fullDate = str({
  re: new RegExp(`^${DAY}$`),
  like: 'a date of the form YYYY-MM-DD',
  code: 'date',
  date: 1,
  format: 'date',
});
export const link = str({ url: 'abs', format: 'uri' });
const languageTag = str({ lang: 1 });
export const lt = text();

/** Compares partial dates at their common precision, so "2026" is neither before nor after "2026-05". */
export const before = (a: unknown, b: unknown): boolean =>
  typeof a == 'string' && typeof b == 'string' && a.slice(0, b.length) < b.slice(0, a.length);

export const schemaVersion = str({ re: /^1\.\d+$/, like: 'a schema version of the form MAJOR.MINOR, like "1.0"' });

export const strategy = obj({
  id,
  title: lt,
  subtitle: optional(lt),
  publisher: lt,
  source: optional(link),
  /** The page that shows the measures catalogue; guidelines link there ("what is done about it"). */
  measuresPage: optional(str({ url: 'rel', format: 'uri-reference' })),
  languages: arr(languageTag, { min: 1 }),
  defaultLanguage: languageTag,
  updated: fullDate,
});

/** Numbers are shown to readers ("Guideline 3"), so two entries must not share one. */
export const uniqueNumbers = (items: unknown, path: string, c: Checker): void => {
  const seen = new Set<unknown>();
  (Array.isArray(items) ? items : []).forEach((item, i) => {
    const n = isObject(item) ? item.number : undefined;
    if (seen.has(n)) problem(c, `${path}[${i}].number`, 'duplicate-number', `Duplicate number ${n}.`);
    if (n != null) seen.add(n);
  });
};

/**
 * Only the ids of a collection, for a slice that must resolve references into a part of the
 * feed it does not otherwise read (the timeline's links to action fields, say).
 */
export const idsOf = (scope: string, inner?: Record<string, Spec>) =>
  arr(obj({ id, ...inner }), { ids: scope });

/**
 * What a part needs to follow a selection in a widget group: the action fields' ids and the
 * guidelines each serves (a selected guideline designates the fields that serve it).
 */
export const fieldLinks = {
  guidelines: idsOf('guidelines'),
  actionFields: idsOf('actionFields', { guidelines: optional(arr(ref('guidelines', 'guideline'))) }),
};
