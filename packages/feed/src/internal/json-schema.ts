import { type Spec, URI_CHARS } from './spec.js';

type Json = Record<string, unknown>;

/**
 * What the validator accepts (Intl.getCanonicalLocales, a 2–3 letter language first): Unicode
 * BCP 47 locale ids, so no extended language (zh-min-nan), no grandfathered tags (en-GB-oed),
 * no empty private use (de-x). Extensions are only checked for their subtag lengths, and a
 * repeated variant (de-1996-1996) is not caught.
 */
const LANGUAGE_TAG =
  '^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\\d{3}))?(-([A-Za-z\\d]{5,8}|\\d[A-Za-z\\d]{3}))*' +
  '(-[A-WYZa-wyz\\d](-[A-Za-z\\d]{2,8})+)*(-[Xx](-[A-Za-z\\d]{1,8})+)?$';

/** A real YYYY-MM-DD day, leap years included, as the validator checks it with Date. */
const REAL_DAY =
  '(\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8])|\\d{4}-(0[13-9]|1[0-2])-(29|30)|\\d{4}-(0[13578]|1[02])-31|' +
  '(\\d\\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)';

/** Not only white space: the validator trims before it checks for emptiness. */
const NOT_BLANK = '\\S';

/**
 * An absolute http(s) link with a host and, if any, a port up to 65535: what the WHATWG URL
 * parser accepts, which the validator uses ("uri" lets https://:80/ and https://a:99999/ pass).
 */
const HTTP_LINK =
  '[Hh][Tt][Tt][Pp][Ss]?://(?![:/?#]|$)(?![^/?#]*:(\\d{6,}|[7-9]\\d{4}|6[6-9]\\d{3}|65[6-9]\\d\\d|655[4-9]\\d|6553[6-9])([/?#]|$))';

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
          pattern: NOT_BLANK,
          ...(s.re && { pattern: s.re.source }),
          // A pattern cannot tell 2026-02-29 from 2028-02-29 on its own: the day must also be real.
          ...(s.re && s.date && { pattern: `(?=${s.re.source})^(\\d{4}(-\\d\\d)?$|${REAL_DAY})` }),
          ...(s.lang && { pattern: LANGUAGE_TAG }),
          ...(s.format && { format: s.format }),
          ...(s.url == 'abs' && { pattern: `(?=${URI_CHARS.source})^${HTTP_LINK}` }),
          ...(s.url == 'rel' && { pattern: `(?=${URI_CHARS.source})^(${HTTP_LINK}|(?![A-Za-z][A-Za-z0-9+.-]*:))` }),
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
            { type: 'string', minLength: 1, pattern: NOT_BLANK },
            {
              type: 'object',
              minProperties: 1,
              propertyNames: { pattern: LANGUAGE_TAG },
              additionalProperties: { type: 'string', minLength: 1, pattern: NOT_BLANK },
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
