/**
 * The one source of truth for the feed's shape. The TypeScript types below are inferred from
 * it, `validateFeed` checks against it, and `feedJsonSchema()` turns it into JSON Schema.
 * Id scopes, references and cross-field rules live with the fields they concern, in one module
 * per part of the feed under ./schema/; widgets validate only their part (./slices.ts).
 */
import { arr, bool, type Infer, num, obj, optional } from './internal/spec.js';
import {
  actionField,
  actionFields,
  crossCuttingTheme,
  crossCuttingThemes,
  goal,
  group,
  groups,
  indicator,
  indicatorValue,
  measure,
  measureStatus,
  measureStatuses,
  statusChange,
} from './schema/catalogue.js';
import { id, lt, partialDate, schemaVersion, strategy, uniqueNumbers } from './schema/common.js';
import { guideline, guidelines, image } from './schema/guidelines.js';
import { dateTime, poll, pollOption, polls } from './schema/polls.js';
import { timeline, timelineEntry, timelineKind, timelineKinds } from './schema/timeline.js';

export { SUPPORTED_SCHEMA_MAJOR } from './schema/common.js';
export { measureStatuses, timelineKinds };

const priority = obj({ id, text: lt });

const participationFigure = obj({ id, value: num({ min: 0 }), atLeast: optional(bool()), label: lt });

const participation = obj({ figures: arr(participationFigure, { ids: '' }) });

export const feedSchema = obj(
  {
    schemaVersion,
    strategy,
    guidelines,
    crossCuttingThemes,
    groups,
    actionFields,
    priorities: arr(priority, { ids: 'priorities' }),
    participation,
    timeline,
    polls,
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
