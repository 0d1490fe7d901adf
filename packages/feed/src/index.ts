export type {
  ActionField,
  CrossCuttingTheme,
  DateTime,
  Feed,
  Goal,
  Group,
  Guideline,
  GuidelineImage,
  Indicator,
  IndicatorValue,
  LocalizedText,
  Measure,
  MeasureStatus,
  Participation,
  ParticipationFigure,
  PartialDate,
  Poll,
  PollOption,
  Priority,
  StatusChange,
  Strategy,
  TimelineEntry,
  TimelineKind,
} from './schema.js';
export { SUPPORTED_SCHEMA_MAJOR, measureStatuses, timelineKinds } from './schema.js';
export type { FeedProblem } from './problems.js';
export { validateFeed, type ValidationResult } from './validate.js';
export { FeedError, loadFeed, clearFeedCache, DEFAULT_MAX_BYTES } from './load.js';
export type { FeedErrorKind, FeedResult, LoadFeedOptions } from './load.js';
export { resolveText, textDirection, type ResolvedText } from './text.js';
export { feedJsonSchema } from './json-schema.js';
