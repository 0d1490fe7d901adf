export { WirTimeline } from './timeline.js';
export { WirEntrySelectEvent } from './events.js';
export type { EntrySelectDetail } from './events.js';
export type { EntryStatus, DatePrecision } from './dates.js';
