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
export { SUPPORTED_SCHEMA_MAJOR, feedSchema, measureStatuses, timelineKinds } from './schema.js';
export type { FeedProblem } from './problems.js';
export type { Spec } from './internal/spec.js';
export { validateFeed, type ValidationResult } from './validate.js';
export { validatePart } from './internal/validate-part.js';
export { FeedError, loadFeedPart, clearFeedCache, DEFAULT_MAX_BYTES } from './load.js';
export type { FeedErrorKind, FeedResult, LoadFeedOptions } from './load.js';
// The part of the feed each widget reads; a widget checks only its part, so a mistake in one
// part of the feed (a poll, say) does not take down widgets that never read it.
export { guidelinesPart } from './slices/guidelines.js';
export { cataloguePart } from './slices/catalogue.js';
export { timelinePart } from './slices/timeline.js';
export { pollsPart } from './slices/polls.js';
export { primaryLanguage, resolveText, textDirection, type ResolvedText } from './text.js';
export { feedJsonSchema } from './json-schema.js';
import { type FeedResult, type LoadFeedOptions, loadFeedPart } from './load.js';
import { feedSchema } from './schema.js';

/** `loadFeedPart` for the whole feed: for tools and pages that read all of it. */
export const loadFeed = (url: string | URL, options?: LoadFeedOptions): Promise<FeedResult> =>
  loadFeedPart(feedSchema, url, options);
