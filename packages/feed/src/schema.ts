/**
 * The one source of truth for the feed's shape. The TypeScript types below are inferred from
 * it, `validateFeed` checks against it, and `feedJsonSchema()` turns it into JSON Schema.
 */
import { arr, bool, type Infer, named, num, obj, oneOf, optional, str, text } from './internal/spec.js';

/** The schema major version this package understands. */
export const SUPPORTED_SCHEMA_MAJOR = 1;

const id = str({
  re: /^[a-z0-9][a-z0-9-]*$/,
  like: 'a valid id (lowercase letters, digits and hyphens, starting with a letter or digit)',
});
const ref = id;
const number = num({ int: true, min: 1 });
const partialDate = named(
  'PartialDate',
  str({
    re: /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    like: 'a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
    code: 'date',
    date: 1,
  }),
);
const fullDate = str({
  re: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  like: 'a date of the form YYYY-MM-DD',
  code: 'date',
  date: 1,
  format: 'date',
});
const dateTime = named(
  'DateTime',
  str({
    re: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
    like: 'a date and time with offset, like 2026-05-01T12:00:00+02:00',
    code: 'date',
    date: 1,
    format: 'date-time',
  }),
);
const link = str({ url: 'abs', format: 'uri' });
const languageTag = str({ lang: 1 });
const lt = named('LocalizedText', text());

const strategy = named(
  'Strategy',
  obj({
    id,
    title: lt,
    subtitle: optional(lt),
    publisher: lt,
    source: optional(link),
    languages: arr(languageTag, 1),
    defaultLanguage: languageTag,
    updated: fullDate,
  }),
);

const image = named('Image', obj({ src: str({ url: 'rel', format: 'uri-reference' }), alt: lt }));

const guideline = named('Guideline', obj({ id, number, title: lt, text: lt, image: optional(image) }));

const crossCuttingTheme = named('CrossCuttingTheme', obj({ id, title: lt, description: optional(lt) }));

const group = named('Group', obj({ id, title: lt, description: optional(lt) }));

export const measureStatuses = [
  'proposed',
  'accepted',
  'deferred',
  'recommendation',
  'in-progress',
  'done',
] as const;

const statusChange = named(
  'StatusChange',
  obj({ status: named('MeasureStatus', oneOf(measureStatuses)), date: partialDate, note: optional(lt) }),
);

const indicatorValue = named('IndicatorValue', obj({ value: num(), date: partialDate }));

const indicator = named(
  'Indicator',
  obj({
    id,
    title: lt,
    unit: lt,
    baseline: indicatorValue,
    target: indicatorValue,
    current: optional(indicatorValue),
  }),
);

const measure = named(
  'Measure',
  obj({
    id,
    title: lt,
    description: optional(lt),
    status: arr(statusChange, 1),
    responsible: optional(lt),
    partners: optional(arr(lt)),
    themes: arr(ref),
    contributedBy: optional(ref),
    indicators: optional(arr(indicator)),
  }),
);

const goal = named('Goal', obj({ id, title: lt, description: optional(lt), measures: arr(measure) }));

const actionField = named(
  'ActionField',
  obj({
    id,
    number,
    title: lt,
    summary: lt,
    color: optional(str({ re: /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, like: 'a hex colour like #1f6feb' })),
    icon: optional(str()),
    guidelines: optional(arr(ref)),
    goals: arr(goal),
  }),
);

const priority = named('Priority', obj({ id, text: lt }));

const participationFigure = named(
  'ParticipationFigure',
  obj({ id, value: num({ min: 0 }), atLeast: optional(bool()), label: lt }),
);

const participation = named('Participation', obj({ figures: arr(participationFigure) }));

export const timelineKinds = ['phase', 'milestone', 'event'] as const;

const timelineEntry = named(
  'TimelineEntry',
  obj({
    id,
    kind: named('TimelineKind', oneOf(timelineKinds)),
    date: partialDate,
    end: optional(partialDate),
    approximate: optional(oneOf(['start', 'mid', 'end'])),
    title: lt,
    text: optional(lt),
    link: optional(link),
  }),
);

const pollOption = named('PollOption', obj({ id, label: lt }));

const poll = named(
  'Poll',
  obj({
    id,
    question: lt,
    description: optional(lt),
    choice: oneOf(['single', 'multiple']),
    maxChoices: optional(num({ int: true, min: 1 })),
    options: arr(pollOption, 2),
    opens: dateTime,
    closes: dateTime,
    results: oneOf(['after-vote', 'after-close', 'always']),
    api: link,
  }),
);

export const feedSchema = named(
  'Feed',
  obj({
    schemaVersion: str({ re: /^1\.\d+$/, like: 'a schema version of the form MAJOR.MINOR, like "1.0"' }),
    strategy,
    guidelines: arr(guideline),
    crossCuttingThemes: arr(crossCuttingTheme),
    groups: arr(group),
    actionFields: arr(actionField),
    priorities: arr(priority),
    participation,
    timeline: arr(timelineEntry),
    polls: arr(poll),
  }),
);

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
