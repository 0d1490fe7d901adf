/**
 * The script-tag loader: a classic script (built as a minified IIFE) that partners paste as
 *
 *   <script src="https://…/wir-widgets.js" data-feed="https://…/feed.json" async></script>
 *
 * It loads nothing but the widget modules whose tags are on the page, now or later.
 * Everything heavy (Lit, the feed, the widgets) lives in the ES modules it imports, so this
 * file must stay tiny: it is fetched on every page of every partner site.
 */
import { widgetTags } from './registry.js';

declare const __WIR_VERSION__: string;

/** The global the loader shares with the widgets (read by @wir/core's getDefaultFeedUrl). */
export interface WIRWidgetsGlobal {
  /** Absolute URL of the default feed, from the script's `data-feed`. */
  feed?: string;
  /** Absolute URL of the folder that holds wir-widgets.js and widgets/. */
  base: string;
  version: string;
}

const FAILED = 2;
const REQUESTED = 1;

const host = window as unknown as { WIRWidgets?: Partial<WIRWidgetsGlobal> };
const version = typeof __WIR_VERSION__ == 'string' ? __WIR_VERSION__ : 'dev';

// Markup on the page can shadow what this script reads: an <img name="currentScript"> stands in
// for document.currentScript, and elements with the id or name WIRWidgets for window.WIRWidgets
// (DOM clobbering). A comment field that lets such markup through must not choose where widget
// modules come from, so only a real script element and a plain object set by a script count.
const current = document.currentScript;
// currentScript is null when the code runs after its script finished (a tag manager that
// re-injects it, for example); then the last matching script on the page is the best guess.
const ownScript =
  (current instanceof HTMLScriptElement ? current : undefined) ??
  [...document.querySelectorAll<HTMLScriptElement>('script[src]')]
    .reverse()
    .find((script) => /\/wir-widgets(\.min)?\.js$/.test(script.src.split(/[?#]/)[0]));

// A value no URL parser accepts (a typo in data-feed) is passed on as it is: throwing here would
// stop every widget on the page, while the widgets report a bad feed URL in their error state.
const absolute = (url: string, against = document.baseURI) => {
  try {
    return new URL(url, against).href;
  } catch {
    return url;
  }
};
const dataFeed = ownScript?.getAttribute('data-feed');
let config = host.WIRWidgets;
if (Object.getPrototypeOf(config ?? 0) != Object.prototype) {
  // An own property of window hides any element of that name for good.
  Object.defineProperty(host, 'WIRWidgets', { value: (config = {}), writable: true, configurable: true, enumerable: true });
}
const text = (value: unknown) => (typeof value == 'string' ? value : undefined);

if (text(config!.version)) {
  // A second copy, typically two CMS blocks that both carry the snippet. The first copy already
  // watches the whole page, so loading anything again would only define elements twice.
  if (dataFeed && absolute(dataFeed) != config!.feed) {
    console.warn(`WIR widgets: wir-widgets.js is included twice; its second data-feed (${dataFeed}) is ignored. Use the src attribute per element.`);
  }
} else {
  // Values set on window.WIRWidgets before the script ran win: they are the page's explicit
  // configuration (for example a base on a CDN while the loader is bundled elsewhere).
  const own = config!;
  let base = absolute(text(own.base) ?? '.', ownScript?.src || document.baseURI);
  if (!base.endsWith('/')) base += '/';
  own.base = base;
  const feed = text(own.feed);
  if (!feed && dataFeed) own.feed = absolute(dataFeed);
  else own.feed = feed && absolute(feed);
  own.version = version;

  const states = new Map<string, number>();

  const markFailed = (root: Element | Document, tag: string) => {
    for (const element of [root, ...root.querySelectorAll(tag)]) {
      // The attribute lets the page style its own fallback (the element's light-DOM children
      // stay visible because the element never upgrades).
      if ((element as Element).localName == tag) (element as Element).setAttribute('data-wir-load', 'failed');
    }
  };

  const scan = (root: Element | Document) => {
    for (const tag of widgetTags) {
      const state = states.get(tag);
      if (state == REQUESTED || !((root as Element).localName == tag || root.querySelector(tag))) continue;
      if (state == FAILED) {
        markFailed(root, tag);
      } else if (customElements.get(tag)) {
        states.set(tag, REQUESTED);
      } else {
        states.set(tag, REQUESTED);
        const url = `${base}widgets/${tag}.js`;
        import(/* @vite-ignore */ url).catch((error: unknown) => {
          states.set(tag, FAILED);
          console.error(`WIR widgets: <${tag}> could not be loaded from ${url}`, error);
          markFailed(document, tag);
        });
      }
    }
  };

  // Watching the document also sees what the parser adds after an async script ran, and what
  // frameworks stamp from templates later on.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType == 1) scan(node as Element);
    }
  }).observe(document, { childList: true, subtree: true });
  scan(document);
}
