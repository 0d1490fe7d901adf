import { arr, obj, optional } from '../internal/spec.js';
import { id, lt, number, ref, schemaVersion, strategy, uniqueNumbers } from '../schema/common.js';
import { guidelines } from '../schema/guidelines.js';

/** What the guideline carousel reads: the guidelines, and which action fields serve each. */
export const guidelinesPart = obj(
  {
    schemaVersion,
    strategy,
    guidelines,
    actionFields: arr(
      obj({ id, number, title: lt, guidelines: optional(arr(ref('guidelines', 'guideline'))) }),
      { ids: 'actionFields' },
    ),
  },
  (f, _, c) => uniqueNumbers(f.guidelines, '$.guidelines', c),
);
