/**
 * The one source of truth for the feed's shape. The TypeScript types below are inferred from
 * it, `validateFeed` checks against it, and `feedJsonSchema()` turns it into JSON Schema.
 * Id scopes, references and cross-field rules live here too, next to the fields they concern.
 */
import {
  arr,
  bool,
  type Checker,
  type Infer,
  isObject,
  num,
  obj,
  oneOf,
  optional,
  problem,
  quote,
  str,
  text,
} from './internal/spec.js';

/** The schema major version this package understands. */
export const SUPPORTED_SCHEMA_MAJOR = 1;

const idRule = {
  re: /^[a-z0-9][a-z0-9-]*$/,
  like: 'a valid id (lowercase letters, digits and hyphens, starting with a letter or digit)',
};
const id = str(idRule);
/** A reference to an id of the scope `to`, e.g. a measure's themes → crossCuttingThemes. */
const ref = (to: string, what: string) => str({ ...idRule, to, what });
const number = num({ int: true, min: 1 });

const DAY = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const partialDate = str({
  re: /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
  like: 'a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
  code: 'date',
  date: 1,
});
const fullDate = str({
  re: new RegExp(`^${DAY}$`),
  like: 'a date of the form YYYY-MM-DD',
  code: 'date',
  date: 1,
  format: 'date',
});
const dateTime = str({
  re: new RegExp(`^${DAY}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`),
  like: 'a date and time with offset, like 2026-05-01T12:00:00+02:00',
  code: 'date',
  date: 1,
  format: 'date-time',
});
const link = str({ url: 'abs', format: 'uri' });
const languageTag = str({ lang: 1 });
const lt = text();

/** Compares partial dates at their common precision, so "2026" is neither before nor after "2026-05". */
const before = (a: unknown, b: unknown): boolean =>
  typeof a == 'string' && typeof b == 'string' && a.slice(0, b.length) < b.slice(0, a.length);

const strategy = obj({
  id,
  title: lt,
  subtitle: optional(lt),
  publisher: lt,
  source: optional(link),
  languages: arr(languageTag, { min: 1 }),
  defaultLanguage: languageTag,
  updated: fullDate,
});

const image = obj({ src: str({ url: 'rel', format: 'uri-reference' }), alt: lt });

const guideline = obj({ id, number, title: lt, text: lt, image: optional(image) });

const crossCuttingTheme = obj({ id, title: lt, description: optional(lt) });

const group = obj({ id, title: lt, description: optional(lt) });

export const measureStatuses = ['proposed', 'accepted', 'deferred', 'recommendation', 'in-progress', 'done'] as const;

const measureStatus = oneOf(measureStatuses);

const statusChange = obj({ status: measureStatus, date: partialDate, note: optional(lt) });

const indicatorValue = obj({ value: num(), date: partialDate });

const indicator = obj({
  id,
  title: lt,
  unit: lt,
  baseline: indicatorValue,
  target: indicatorValue,
  current: optional(indicatorValue),
});

const measure = obj(
  {
    id,
    title: lt,
    description: optional(lt),
    status: arr(statusChange, { min: 1 }),
    responsible: optional(lt),
    partners: optional(arr(lt)),
    themes: arr(ref('crossCuttingThemes', 'cross-cutting theme')),
    contributedBy: optional(ref('groups', 'group')),
    indicators: optional(arr(indicator, { ids: '' })),
  },
  (m, path, c) => {
    const history = Array.isArray(m.status) ? m.status : [];
    history.forEach((s, i) => {
      if (i && before(s?.date, history[i - 1]?.date))
        problem(c, `${path}.status[${i}].date`, 'date-order', 'Status entries must be listed oldest first.');
    });
  },
);

const goal = obj({ id, title: lt, description: optional(lt), measures: arr(measure, { ids: 'measures' }) });

const actionField = obj({
  id,
  number,
  title: lt,
  summary: lt,
  color: optional(str({ re: /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, like: 'a hex colour like #1f6feb' })),
  icon: optional(str()),
  guidelines: optional(arr(ref('guidelines', 'guideline'))),
  goals: arr(goal, { ids: 'goals' }),
});

const priority = obj({ id, text: lt });

const participationFigure = obj({ id, value: num({ min: 0 }), atLeast: optional(bool()), label: lt });

const participation = obj({ figures: arr(participationFigure, { ids: '' }) });

export const timelineKinds = ['phase', 'milestone', 'event'] as const;

const timelineKind = oneOf(timelineKinds);

const timelineEntry = obj(
  {
    id,
    kind: timelineKind,
    date: partialDate,
    end: optional(partialDate),
    approximate: optional(oneOf(['start', 'mid', 'end'])),
    title: lt,
    text: optional(lt),
    link: optional(link),
  },
  (e, path, c) => {
    if (before(e.end, e.date))
      problem(c, `${path}.end`, 'date-order', `The end ${quote(e.end)} is before the date ${quote(e.date)}.`);
  },
);

const pollOption = obj({ id, label: lt });

const poll = obj(
  {
    id,
    question: lt,
    description: optional(lt),
    choice: oneOf(['single', 'multiple']),
    maxChoices: optional(num({ int: true, min: 1 })),
    options: arr(pollOption, { min: 2, ids: '' }),
    opens: dateTime,
    closes: dateTime,
    results: oneOf(['after-vote', 'after-close', 'always']),
    api: link,
  },
  (p, path, c) => {
    if (Date.parse(p.opens) >= Date.parse(p.closes))
      problem(c, `${path}.closes`, 'date-order', `The poll must close after it opens (${p.opens}).`);
    if (p.maxChoices == null) return;
    if (p.choice != 'multiple')
      problem(c, `${path}.maxChoices`, 'max-choices', 'maxChoices is only allowed when choice is "multiple".');
    else if (Array.isArray(p.options) && p.maxChoices > p.options.length)
      problem(c, `${path}.maxChoices`, 'max-choices', 'maxChoices is larger than the number of options.');
  },
);

/** Numbers are shown to readers ("Guideline 3"), so two entries must not share one. */
const uniqueNumbers = (items: unknown, path: string, c: Checker): void => {
  const seen = new Set<unknown>();
  (Array.isArray(items) ? items : []).forEach((item, i) => {
    const n = isObject(item) ? item.number : undefined;
    if (seen.has(n)) problem(c, `${path}[${i}].number`, 'duplicate-number', `Duplicate number ${n}.`);
    if (n != null) seen.add(n);
  });
};

export const feedSchema = obj(
  {
    schemaVersion: str({ re: /^1\.\d+$/, like: 'a schema version of the form MAJOR.MINOR, like "1.0"' }),
    strategy,
    guidelines: arr(guideline, { ids: 'guidelines' }),
    crossCuttingThemes: arr(crossCuttingTheme, { ids: 'crossCuttingThemes' }),
    groups: arr(group, { ids: 'groups' }),
    actionFields: arr(actionField, { ids: 'actionFields' }),
    priorities: arr(priority, { ids: 'priorities' }),
    participation,
    timeline: arr(timelineEntry, { ids: 'timeline' }),
    polls: arr(poll, { ids: 'polls' }),
  },
  (f, _, c) => {
    uniqueNumbers(f.guidelines, '$.guidelines', c);
    uniqueNumbers(f.actionFields, '$.actionFields', c);
  },
);

/**
 * The definitions the JSON Schema lists under `$defs`, by name, in the order they appear in the
 * feed. Named here rather than on the specs: the names serve only `feedJsonSchema()`, and specs
 * without them keep the validator in browser bundles smaller. `optional(x)` counts as `x`.
 */
export const schemaDefs = {
  Feed: feedSchema,
  Strategy: strategy,
  LocalizedText: lt,
  Guideline: guideline,
  Image: image,
  CrossCuttingTheme: crossCuttingTheme,
  Group: group,
  ActionField: actionField,
  Goal: goal,
  Measure: measure,
  StatusChange: statusChange,
  MeasureStatus: measureStatus,
  PartialDate: partialDate,
  Indicator: indicator,
  IndicatorValue: indicatorValue,
  Priority: priority,
  Participation: participation,
  ParticipationFigure: participationFigure,
  TimelineEntry: timelineEntry,
  TimelineKind: timelineKind,
  Poll: poll,
  PollOption: pollOption,
  DateTime: dateTime,
};

export type Feed = Infer<typeof feedSchema>;
export type Strategy = Infer<typeof strategy>;
export type Guideline = Infer<typeof guideline>;
export type GuidelineImage = Infer<typeof image>;
export type CrossCuttingTheme = Infer<typeof crossCuttingTheme>;
export type Group = Infer<typeof group>;
export type ActionField = Infer<typeof actionField>;
export type Goal = Infer<typeof goal>;
export type Measure = Infer<typeof measure>;
export type MeasureStatus = (typeof measureStatuses)[number];
export type StatusChange = Infer<typeof statusChange>;
export type Indicator = Infer<typeof indicator>;
export type IndicatorValue = Infer<typeof indicatorValue>;
export type Priority = Infer<typeof priority>;
export type Participation = Infer<typeof participation>;
export type ParticipationFigure = Infer<typeof participationFigure>;
export type TimelineEntry = Infer<typeof timelineEntry>;
export type TimelineKind = (typeof timelineKinds)[number];
export type Poll = Infer<typeof poll>;
export type PollOption = Infer<typeof pollOption>;
/** A non-empty string in the feed's default language, or a map from BCP 47 tag to string. */
export type LocalizedText = Infer<typeof lt>;
/** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type PartialDate = string;
/** ISO 8601 date and time with an offset, e.g. "2026-05-01T12:00:00+02:00". */
export type DateTime = string;
