/**
 * A tiny schema language: plain data objects that carry a phantom TypeScript type.
 *
 * Specs are data rather than classes so that the validator (`check`) and the JSON Schema
 * emitter (`json-schema.ts`) are two separate functions: a widget bundle that only validates
 * never pays for the emitter or its descriptions.
 */

export interface Problem {
  path: string;
  message: string;
  code: string;
}

export type Kind = 'str' | 'num' | 'bool' | 'enum' | 'arr' | 'obj' | 'text';

/**
 * A cross-field check on an object that passed its type check. Its fields may still be wrong, of
 * any JSON type: guard with typeof before Date.parse, ==, > or a template literal, which call an
 * object's toString or valueOf (and {"toString": 0} makes them throw).
 */
export type Rule = (value: Record<string, any>, path: string, c: Checker) => void;

export interface Spec<T = unknown> {
  /** Phantom: never set at runtime; carries the inferred type. */
  readonly _?: T;
  readonly k: Kind;
  /** Optional property of its object. */
  readonly o?: true;
  /** str: pattern, what it means ("is not <like>"), and the problem code when it fails. */
  readonly re?: RegExp;
  readonly like?: string;
  readonly code?: string;
  /** str: a link; 'abs' needs http(s), 'rel' also accepts relative references. */
  readonly url?: 'abs' | 'rel';
  /** str: checked as a calendar date after the pattern passed. */
  readonly date?: 1;
  /** str: a BCP 47 tag; checked by the second pass, and by a pattern in the JSON Schema. */
  readonly lang?: 1;
  /** str: an id that must exist in the id scope `to`; `what` names it in messages. */
  readonly to?: string;
  readonly what?: string;
  /** str: JSON Schema `format` annotation. */
  readonly format?: string;
  /** num */
  readonly int?: true;
  readonly min?: number;
  /** enum values */
  readonly v?: readonly string[];
  /** arr item */
  readonly of?: Spec;
  /** arr: the items' `id`s are unique in this scope, feed-wide ('' = within this array only). */
  readonly ids?: string;
  /** obj properties and cross-field rule */
  readonly p?: Readonly<Record<string, Spec>>;
  readonly rule?: Rule;
}

export type Infer<S> = S extends Spec<infer T> ? T : never;

type Flat<T> = { [K in keyof T]: T[K] } & {};
type ObjOut<P extends Record<string, Spec>> = Flat<
  { -readonly [K in keyof P as P[K] extends { o: true } ? never : K]: Infer<P[K]> } & {
    -readonly [K in keyof P as P[K] extends { o: true } ? K : never]?: Infer<P[K]>;
  }
>;

export type Text = string | { [languageTag: string]: string };

export interface StrOptions {
  re?: RegExp;
  like?: string;
  code?: string;
  url?: 'abs' | 'rel';
  date?: 1;
  lang?: 1;
  to?: string;
  what?: string;
  format?: string;
}

export const str = (o: StrOptions = {}): Spec<string> => ({ k: 'str', ...o });
export const num = (o: { int?: true; min?: number } = {}): Spec<number> => ({ k: 'num', ...o });
export const bool = (): Spec<boolean> => ({ k: 'bool' });
export const oneOf = <const V extends readonly string[]>(v: V): Spec<V[number]> => ({ k: 'enum', v });
export const arr = <T>(of: Spec<T>, o: { min?: number; ids?: string } = {}): Spec<T[]> => ({ k: 'arr', of, ...o });
export const obj = <P extends Record<string, Spec>>(p: P, rule?: Rule): Spec<ObjOut<P>> => ({ k: 'obj', p, rule });
export const text = (): Spec<Text> => ({ k: 'text' });
export const optional = <S extends Spec>(s: S): S & { o: true } => ({ ...s, o: true });

/** `$.a.b`, `$.a[2]`, or `$.title["de-x-ls"]` for keys that are not identifiers. */
export const at = (path: string, key: string | number): string =>
  typeof key == 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/** Quote a value for a message, shortened so one bad 10 kB string cannot flood the output. */
export const quote = (v: unknown): string =>
  JSON.stringify(typeof v == 'string' && v.length > 60 ? v.slice(0, 57) + '…' : v);

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v == 'object' ? 'an object' : 'a ' + typeof v;

export interface Checker {
  problems: Problem[];
  /** Every localized-text object met, for the language checks of the second pass. */
  texts: [path: string, value: Record<string, string>][];
  /** Id scope → id → path of its first use. A scope is absent when its array never appeared. */
  ids: Map<string, Map<string, string>>;
  /** References met, resolved once every scope is known. */
  refs: [spec: Spec, id: string, path: string][];
}

export const problem = (c: Checker, path: string, code: string, message: string): void => {
  c.problems.push({ path, message, code });
};

const wrongType = (c: Checker, path: string, want: string, v: unknown): void =>
  problem(c, path, 'type', `Expected ${want}, got ${typeName(v)}.`);

export const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v);

/** A real calendar day: rejects 2026-02-30 (which Date.parse would roll over into March). */
const realDay = (s: string): boolean => {
  const d = +s.slice(8);
  // An ISO date string, not Date.UTC, which reads the years 0–99 as 1900–1999.
  return !d || new Date(s).getUTCDate() == d;
};

/**
 * What RFC 3986 allows in a URI reference: spaces, quotes, `<`, `>`, non-ASCII letters and the
 * like must be percent-encoded. Browsers would patch such a link up, but the JSON Schema
 * ("uri", "uri-reference") rejects it, and the validator must not accept what editors' tools
 * refuse. Shared with the JSON Schema emitter as a pattern.
 */
export const URI_CHARS = /^([\w\-.~:/?#[\]@!$&'()*+,;=]|%[\da-fA-F]{2})*$/;

/**
 * A link with a scheme must start with http:// or https:// (the URL parser would turn "http:x"
 * and "https:/x" into http://x/, which the JSON Schema and other tools refuse); one without is
 * only allowed where relative links are, and either must parse.
 */
const badLink = (s: string, relative: boolean): boolean => {
  try {
    new URL(s, 'https://relative.invalid/');
    return /^[a-z][a-z\d+.-]*:/i.test(s) ? !/^https?:\/\/[^/]/i.test(s) : !relative;
  } catch {
    return true;
  }
};

function checkString(s: Spec, v: string, path: string, c: Checker): void {
  if (!v.trim()) return problem(c, path, 'empty', 'Expected a non-empty string.');
  if (s.re && !s.re.test(v)) return problem(c, path, s.code ?? 'pattern', `${quote(v)} is not ${s.like}.`);
  if (s.date && (!realDay(v.slice(0, 10)) || (v.length > 10 && isNaN(Date.parse(v)))))
    return problem(c, path, 'date', `${quote(v)} is not a real calendar date.`);
  if (s.url && badLink(v, s.url == 'rel'))
    return problem(c, path, 'link', `${quote(v)} is not an http or https link${s.url == 'rel' ? ' or a relative path' : ''}.`);
  if (s.url && !URI_CHARS.test(v))
    return problem(c, path, 'link', `${quote(v)} contains characters a link cannot have; percent-encode them (a space as %20, " as %22, < as %3C, > as %3E).`);
  if (s.to) c.refs.push([s, v, path]);
}

/**
 * Structural pass: types, required fields, enums, patterns, id uniqueness and object rules.
 * Collects every problem found, in document order.
 */
export function check(s: Spec, v: unknown, path: string, c: Checker): void {
  switch (s.k) {
    case 'str':
      return typeof v == 'string' ? checkString(s, v, path, c) : wrongType(c, path, 'a string', v);
    case 'num':
      if (typeof v != 'number') return wrongType(c, path, 'a number', v);
      // 1e400 in the JSON text: JSON.parse makes it Infinity.
      if (!isFinite(v)) return problem(c, path, 'type', `Expected a number, got one too large.`);
      if (s.int && !Number.isInteger(v)) return problem(c, path, 'integer', `Expected a whole number, got ${v}.`);
      if (s.min != null && v < s.min) problem(c, path, 'minimum', `Expected a number of at least ${s.min}, got ${v}.`);
      return;
    case 'bool':
      return typeof v == 'boolean' ? undefined : wrongType(c, path, 'true or false', v);
    case 'enum':
      if (typeof v != 'string') return wrongType(c, path, 'a string', v);
      if (!s.v!.includes(v)) problem(c, path, 'enum', `${quote(v)} is not one of: ${s.v!.join(', ')}.`);
      return;
    case 'arr': {
      if (!Array.isArray(v)) return wrongType(c, path, 'an array', v);
      if (v.length < (s.min ?? 0))
        problem(c, path, 'min-items', `Expected at least ${s.min} ${s.min! > 1 ? 'entries' : 'entry'}, got ${v.length}.`);
      const seen = s.ids == null ? undefined : s.ids ? (c.ids.get(s.ids) ?? new Map<string, string>()) : new Map();
      if (s.ids) c.ids.set(s.ids, seen!);
      v.forEach((item, i) => {
        const id = isObject(item) ? item.id : undefined;
        if (seen && typeof id == 'string') {
          const first = seen.get(id);
          if (first) problem(c, `${path}[${i}].id`, 'duplicate-id', `Duplicate id ${quote(id)}: already used at ${first}.`);
          else seen.set(id, `${path}[${i}].id`);
        }
        check(s.of!, item, at(path, i), c);
      });
      return;
    }
    case 'obj':
      if (!isObject(v)) return wrongType(c, path, 'an object', v);
      for (const [key, p] of Object.entries(s.p!)) {
        if (v[key] !== undefined) check(p, v[key], at(path, key), c);
        else if (!p.o) problem(c, at(path, key), 'required', `Missing required field "${key}".`);
      }
      return s.rule?.(v, path, c);
    case 'text':
      if (typeof v == 'string') return checkString(s, v, path, c);
      if (!isObject(v)) return wrongType(c, path, 'a text (a string, or an object mapping language tags to strings)', v);
      if (!Object.keys(v).length) return problem(c, path, 'empty', 'Expected at least one language.');
      for (const [lang, t] of Object.entries(v)) {
        if (typeof t == 'string') checkString(s, t, at(path, lang), c);
        else wrongType(c, at(path, lang), 'a string', t);
      }
      c.texts.push([path, v]);
  }
}
