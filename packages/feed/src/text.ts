import type { LocalizedText } from './schema.js';

/** A localized text resolved for a reader. */
export interface ResolvedText {
  text: string;
  /** The language tag of `text`, as written in the feed (the feed's default for plain strings). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** True when `lang` is not the first wanted language (primary subtags compared). */
  fallback: boolean;
}

// A pattern rather than a Set of strings: no quote and comma per entry, no table built at load.
const RTL_SCRIPTS = /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg|Mand|Samr)$/;

const subtags = (tag: string): string[] => {
  const parts = String(tag).toLowerCase().split(/[-_]/);
  const privateUse = parts.indexOf('x');
  return privateUse < 0 ? parts : parts.slice(0, privateUse);
};

/** The primary language subtag in lower case (`tr-TR` → `tr`, `de-x-ls` → `de`, `pt_BR` → `pt`). */
export const primaryLanguage = (tag: string): string => subtags(tag)[0];
const primary = primaryLanguage;

/**
 * Writing direction of a language tag, from its likely script (CLDR likely subtags through
 * Intl.Locale#maximize: prs, ks, sdh, az-IR, pa-PK → Arab; syr → Syrc). An explicit script subtag
 * wins (az-Arab, sd-Deva, ar-Latn). A tag Intl.Locale rejects (zh-min-nan, en-GB-oed) is retried
 * without its last subtags.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const parts = subtags(lang);
  let script: string | undefined;
  for (let n = parts.length; n && !script; n--)
    try {
      script = new Intl.Locale(parts.slice(0, n).join('-')).maximize().script;
    } catch {
      // not a well-formed tag at this length
    }
  return RTL_SCRIPTS.test(script!) ? 'rtl' : 'ltr';
}

/**
 * Picks the best text for the wanted language(s): exact tag, then the same primary language
 * (tr-TR → tr, de → de-DE, preferring the plain tag and avoiding private-use variants such as
 * de-x-ls unless asked for), then the feed's default language, then the first text available.
 */
export function resolveText(
  value: LocalizedText,
  wanted: string | readonly string[],
  feedDefault: string,
): ResolvedText {
  const wants = [wanted].flat().filter(Boolean);
  const first = wants[0] ?? feedDefault;
  const result = (text: string, lang: string): ResolvedText => ({
    text,
    lang,
    dir: textDirection(lang),
    fallback: primary(lang) != primary(first),
  });
  if (typeof value == 'string') return result(value, feedDefault);

  // Object() makes null and other non-objects an empty object.
  const entries = Object.entries<unknown>(Object(value)).filter(
    (e): e is [string, string] => typeof e[1] == 'string' && e[1] != '',
  );
  const find = (tag: string): [string, string] | undefined => {
    const lower = tag.toLowerCase();
    const p = primary(tag);
    let best: [string, string] | undefined;
    let bestScore = 9;
    for (const entry of entries) {
      const key = entry[0].toLowerCase();
      const score = key == lower ? 0 : primary(key) != p ? 9 : key == p ? 1 : key.includes('-x-') ? 3 : 2;
      if (score < bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best;
  };
  let hit: [string, string] | undefined;
  [...wants, feedDefault].some((tag) => (hit = find(tag)));
  hit ??= entries[0];
  return hit ? result(hit[1], hit[0]) : result('', feedDefault);
}
