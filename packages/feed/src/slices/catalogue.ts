import { obj } from '../internal/spec.js';
import { actionFields, crossCuttingThemes, groups } from '../schema/catalogue.js';
import { idsOf, lt, number, schemaVersion, strategy, uniqueNumbers } from '../schema/common.js';

/**
 * What the action-field explorer reads: the whole catalogue and what it refers to, including the
 * number and title of each guideline (its guideline filter names them).
 */
export const cataloguePart = obj(
  { schemaVersion, strategy, guidelines: idsOf('guidelines', { number, title: lt }), crossCuttingThemes, groups, actionFields },
  (f, _, c) => uniqueNumbers(f.actionFields, '$.actionFields', c),
);
