/**
 * Reads the query of frame.html: which widget, which feed, which attributes.
 *
 *   frame.html?widget=<tag>&feed=<absolute http(s) URL>&id=<frame id>&accent=%23rrggbb&<attribute>=<value>…
 *
 * The address is written by partners' editors (through the configurator, or by hand) and can be
 * written by anyone, so everything is checked before a single element is created, and every
 * problem is reported at once: an editor fixes a broken snippet in one go.
 */

/** Parameters that configure the frame itself and never become attributes. */
const RESERVED = ['widget', 'feed', 'id', 'accent'];

export interface FrameConfig {
  tag: string;
  /** Absolute http(s) URL of the feed, set as the element's `src`. */
  feed: string;
  /** Echoed in height messages so the host can tell its frames apart; without it none are sent. */
  id?: string;
  /** `#rrggbb`, for `--wir-color-accent`. */
  accent?: string;
  /** The value of a `lang` attribute, for the page's own `lang` and `dir`. */
  lang?: string;
  /** Name → value, in the order given; set only with setAttribute. */
  attributes: Array<[string, string]>;
}

/**
 * In a browser, exactly the names that are event handler attributes on an element (so a widget
 * may still document `open` or `only-…`); elsewhere every name that starts with "on".
 */
const isEventHandler = (name: string) =>
  name.startsWith('on') && (typeof HTMLElement != 'function' || name in HTMLElement.prototype);

/** A refused address still yields its id when that is valid, so the message can be sized too. */
export type FrameQuery = { ok: true; config: FrameConfig } | { ok: false; problems: string[]; id?: string };

export function parseFrameQuery(search: string, knownTags: readonly string[]): FrameQuery {
  const problems: string[] = [];
  const params = new URLSearchParams(search);
  const seen = new Set<string>();
  const attributes: Array<[string, string]> = [];
  for (const [name, value] of params) {
    if (seen.has(name)) {
      // Which of two values wins is a guess either way; say so instead.
      problems.push(`"${name}" is given more than once.`);
      continue;
    }
    seen.add(name);
    if (RESERVED.includes(name)) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      problems.push(`"${name}" is not an attribute name (lower-case letters, digits and hyphens, starting with a letter).`);
    } else if (isEventHandler(name) || name == 'style' || name == 'src') {
      // Event handlers would be script from the address bar; style and src have their own,
      // checked parameters (accent=, feed=).
      problems.push(`"${name}" cannot be set through the frame address${name == 'src' ? '; use feed=' : name == 'style' ? '; use accent=' : ''}.`);
    } else {
      attributes.push([name, value]);
    }
  }

  const tag = params.get('widget') ?? '';
  if (!knownTags.includes(tag)) {
    problems.push(`${tag ? `widget=${tag} is not a known widget` : 'widget= is missing'}; expected one of ${knownTags.join(', ')}.`);
  }

  const feedParam = params.get('feed');
  let feed = '';
  try {
    const url = new URL(feedParam ?? '');
    if (url.protocol == 'https:' || url.protocol == 'http:') feed = url.href;
  } catch {
    // Relative or unparsable: reported below like any other scheme.
  }
  if (!feed) problems.push(feedParam ? 'feed= must be an absolute http: or https: URL.' : 'feed= is missing (the absolute URL of the strategy feed).');

  let id = params.get('id') ?? undefined;
  if (id !== undefined && !/^[\w.:-]{1,64}$/.test(id)) {
    problems.push('id= may hold only letters, digits, "_", "-", "." and ":" (1 to 64 of them).');
    id = undefined;
  }

  let accent = params.get('accent') ?? undefined;
  if (accent !== undefined) {
    // A "#" written unencoded would start the fragment, so the bare hex form is accepted too.
    if (/^#?[0-9a-f]{6}$/i.test(accent)) accent = `#${accent.replace('#', '').toLowerCase()}`;
    else problems.push('accent= must be a colour written as %23rrggbb (that is #rrggbb).');
  }

  const lang = params.get('lang') ?? undefined;
  if (lang !== undefined) {
    try {
      Intl.getCanonicalLocales(lang);
    } catch {
      problems.push(`lang=${lang} is not a language tag (such as de, en, tr, ar).`);
    }
  }

  return problems.length ? { ok: false, problems, id } : { ok: true, config: { tag, feed, id, accent, lang, attributes } };
}
