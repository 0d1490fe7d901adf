import { type ValidationResult, validatePart } from './internal/validate-part.js';
import { feedSchema } from './schema.js';

export type { ValidationResult };

/**
 * Checks that `data` is a whole feed this package understands and reports every problem found,
 * each with the JSON path of the offending value. Never throws. (Widgets check only the part
 * they read, with the specs in ./slices/, so a broken poll cannot take down a carousel.)
 */
export const validateFeed = (data: unknown): ValidationResult => validatePart(feedSchema, data);
