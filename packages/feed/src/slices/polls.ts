import { obj } from '../internal/spec.js';
import { fieldLinks, schemaVersion, strategy } from '../schema/common.js';
import { polls } from '../schema/polls.js';

/** What the voting box reads: the polls, and the action fields they link to with the guidelines each serves. */
export const pollsPart = obj({ schemaVersion, strategy, polls, ...fieldLinks });
