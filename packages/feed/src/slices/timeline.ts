import { obj } from '../internal/spec.js';
import { fieldLinks, schemaVersion, strategy } from '../schema/common.js';
import { timeline } from '../schema/timeline.js';

/** What the timeline reads: its entries, and the action fields they link to with the guidelines each serves. */
export const timelinePart = obj({ schemaVersion, strategy, timeline, ...fieldLinks });
