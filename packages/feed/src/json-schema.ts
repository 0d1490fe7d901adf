import { toJsonSchema } from './internal/json-schema.js';
import { descriptions } from './internal/schema-docs.js';
import { feedSchema, schemaDefs } from './schema.js';

/** The feed's JSON Schema (2020-12), generated from the same source as the types and validator. */
export function feedJsonSchema(): object {
  return toJsonSchema(
    feedSchema,
    schemaDefs,
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'feed.schema.json',
      title: 'WIR strategy feed',
    },
    (key) => descriptions[key],
  );
}
