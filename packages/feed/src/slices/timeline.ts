import { obj } from '../internal/spec.js';
import { idsOf, schemaVersion, strategy } from '../schema/common.js';
import { timeline } from '../schema/timeline.js';

/** What the timeline reads: its entries, and the action-field ids they link to. */
export const timelinePart = obj({ schemaVersion, strategy, timeline, actionFields: idsOf('actionFields') });
