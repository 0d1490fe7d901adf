import { obj } from '../internal/spec.js';
import { idsOf, schemaVersion, strategy } from '../schema/common.js';
import { polls } from '../schema/polls.js';

/** What the voting box reads: the polls, and the action-field ids they link to. */
export const pollsPart = obj({ schemaVersion, strategy, polls, actionFields: idsOf('actionFields') });
