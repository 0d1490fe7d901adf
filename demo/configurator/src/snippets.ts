/**
 * The two snippets an editor copies: the one-script embed (docs/embedding.md) and the iframe
 * embed (frame.html and wir-frame-resize.js beside wir-widgets.js). Pure functions of the
 * editor's choice, so tests can check them without a page.
 */

export interface EmbedChoice {
  tag: string;
  /** Absolute feed URL. */
  feed: string;
  /** Reader language; undefined = the partner page's. */
  lang?: string;
  /** undefined = automatic (follows the reader's system setting). */
  scheme?: 'light' | 'dark';
  /** `#rrggbb`; undefined = the widgets' own accent colour. */
  accent?: string;
  /** Documented attributes that are set, in manifest order; `true` = boolean attribute present. */
  attributes: ReadonlyArray<readonly [name: string, value: string | true]>;
}

export interface FrameOptions {
  /** Folder that holds wir-widgets.js, frame.html and wir-frame-resize.js (absolute URL). */
  base: string;
  /** Identifies the frame to the resize script (its data-wir-frame and the URL's id). */
  id: string;
  /** Fixed height in CSS px, used until (or unless) the resize script sets the real one. */
  height: number;
  title: string;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes text for an HTML attribute value in double quotes (and for text content). Every
 * attribute in the snippets is double-quoted, so an apostrophe stays as it is and a title like
 * "The strategy's guidelines" stays readable.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => htmlEscapes[c]);
}

const attribute = (name: string, value: string | true) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`);

/** The widget element with its attributes (no `src`: the script tag's data-feed names the feed). */
export function elementMarkup(choice: EmbedChoice): string {
  let attributes = choice.lang ? attribute('lang', choice.lang) : '';
  for (const [name, value] of choice.attributes) attributes += attribute(name, value);
  if (choice.scheme) attributes += attribute('scheme', choice.scheme);
  // A style attribute keeps the colour on this one element; pages whose CSP forbids inline
  // styles put the same declaration into their stylesheet (docs/editor-guide.md says so).
  if (choice.accent) attributes += attribute('style', `--wir-color-accent: ${choice.accent}`);
  return `<${choice.tag}${attributes}></${choice.tag}>`;
}

/** Script tag + element, as in docs/embedding.md. `loader` is the absolute URL of wir-widgets.js. */
export function scriptSnippet(choice: EmbedChoice, loader: string): string {
  return (
    `<script src="${escapeHtml(loader)}"\n        data-feed="${escapeHtml(choice.feed)}" async></script>\n\n` +
    `${elementMarkup(choice)}\n`
  );
}

/**
 * `<base>/frame.html?widget=<tag>&feed=<feed>&id=<id>&<attribute>=<value>…`: the documented
 * attributes verbatim (booleans with an empty value), then `scheme` and `accent`.
 */
export function frameUrl(choice: EmbedChoice, base: string, id: string): string {
  const params = new URLSearchParams({ widget: choice.tag, feed: choice.feed, id });
  if (choice.lang) params.append('lang', choice.lang);
  for (const [name, value] of choice.attributes) params.append(name, value === true ? '' : value);
  if (choice.scheme) params.append('scheme', choice.scheme);
  if (choice.accent) params.append('accent', choice.accent);
  return `${new URL('frame.html', base).href}?${params}`;
}

/** The iframe, then the optional resize script that fits its height to the content. */
export function frameSnippet(choice: EmbedChoice, frame: FrameOptions): string {
  const src = frameUrl(choice, frame.base, frame.id);
  const resize = new URL('wir-frame-resize.js', frame.base).href;
  return (
    `<iframe src="${escapeHtml(src)}"\n        data-wir-frame="${escapeHtml(frame.id)}" width="100%" height="${frame.height}"` +
    ` title="${escapeHtml(frame.title)}" loading="lazy"></iframe>\n` +
    `<script src="${escapeHtml(resize)}" async></script>\n`
  );
}
