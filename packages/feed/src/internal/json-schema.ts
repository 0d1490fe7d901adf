import { type Spec, URI_CHARS } from './spec.js';

type Json = Record<string, unknown>;

const LANGUAGE_TAG = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';

/** The entry of `named` for `s`: the same object, or an `optional()` copy of it. */
const nameOf = (s: Spec, named: Record<string, Spec>): string | undefined => {
  const plain = (x: Spec) => Object.entries(x).filter(([key]) => key != 'o');
  const own = plain(s);
  return Object.keys(named).find((name) => {
    const def = named[name];
    if (def === s) return true;
    const other = plain(def);
    return other.length == own.length && own.every(([key, value]) => def[key as keyof Spec] === value);
  });
};

/** Turns a spec into JSON Schema 2020-12, with the specs of `named` under `$defs`. */
export function toJsonSchema(
  root: Spec,
  named: Record<string, Spec>,
  head: Json,
  describe: (key: string) => string | undefined,
): Json {
  const defs: Record<string, Json> = {};
  const withDescription = (schema: Json, key: string | undefined): Json => {
    const description = key && describe(key);
    return description ? { description, ...schema } : schema;
  };

  const emit = (s: Spec, owner?: string): Json => {
    const name = nameOf(s, named);
    if (name && !(name in defs)) {
      defs[name] = {};
      defs[name] = withDescription(body(s, name), name);
    }
    return name ? { $ref: `#/$defs/${name}` } : body(s, owner);
  };

  const body = (s: Spec, owner?: string): Json => {
    switch (s.k) {
      case 'str':
        return {
          type: 'string',
          minLength: 1,
          ...(s.re && { pattern: s.re.source }),
          ...(s.lang && { pattern: LANGUAGE_TAG }),
          ...(s.format && { format: s.format }),
          ...(s.url == 'abs' && { pattern: `(?=${URI_CHARS.source})^[Hh][Tt][Tt][Pp][Ss]?://` }),
          ...(s.url == 'rel' && { pattern: `(?=${URI_CHARS.source})^([Hh][Tt][Tt][Pp][Ss]?://|(?![A-Za-z][A-Za-z0-9+.-]*:))` }),
        };
      case 'num':
        return { type: s.int ? 'integer' : 'number', ...(s.min != null && { minimum: s.min }) };
      case 'bool':
        return { type: 'boolean' };
      case 'enum':
        return { type: 'string', enum: [...s.v!] };
      case 'arr':
        return { type: 'array', items: emit(s.of!, owner), ...(s.min && { minItems: s.min }) };
      case 'obj': {
        const entries = Object.entries(s.p!);
        return {
          type: 'object',
          required: entries.filter(([, p]) => !p.o).map(([key]) => key),
          properties: Object.fromEntries(
            entries.map(([key, p]) => {
              const property = emit(p, owner && `${owner}.${key}`);
              return [key, withDescription(property, owner && `${owner}.${key}`)];
            }),
          ),
        };
      }
      case 'text':
        return {
          anyOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              minProperties: 1,
              propertyNames: { pattern: LANGUAGE_TAG },
              additionalProperties: { type: 'string', minLength: 1 },
            },
          ],
        };
    }
  };

  // The root is inlined rather than referenced so editors show its properties directly.
  const rootName = nameOf(root, named);
  const top = withDescription(body(root, rootName), rootName);
  return { ...head, ...top, $defs: defs };
}
