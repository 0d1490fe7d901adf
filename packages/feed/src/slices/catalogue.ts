import { obj } from '../internal/spec.js';
import { actionFields, crossCuttingThemes, groups } from '../schema/catalogue.js';
import { idsOf, schemaVersion, strategy, uniqueNumbers } from '../schema/common.js';

/** What the action-field explorer reads: the whole catalogue and what it refers to. */
export const cataloguePart = obj(
  { schemaVersion, strategy, guidelines: idsOf('guidelines'), crossCuttingThemes, groups, actionFields },
  (f, _, c) => uniqueNumbers(f.actionFields, '$.actionFields', c),
);
