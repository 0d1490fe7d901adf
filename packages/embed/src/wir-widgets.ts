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

// currentScript is null when the code runs after its script finished (a tag manager that
// re-injects it, for example); then the last matching script on the page is the best guess.
const ownScript =
  (document.currentScript as HTMLScriptElement | null) ??
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
const config = (host.WIRWidgets ??= {});

if (config.version) {
  // A second copy, typically two CMS blocks that both carry the snippet. The first copy already
  // watches the whole page, so loading anything again would only define elements twice.
  if (dataFeed && absolute(dataFeed) != config.feed) {
    console.warn(`WIR widgets: wir-widgets.js is included twice; its second data-feed (${dataFeed}) is ignored. Use the src attribute per element.`);
  }
} else {
  // Values set on window.WIRWidgets before the script ran win: they are the page's explicit
  // configuration (for example a base on a CDN while the loader is bundled elsewhere).
  let base = absolute(config.base ?? '.', ownScript?.src || document.baseURI);
  if (!base.endsWith('/')) base += '/';
  config.base = base;
  if (!config.feed && dataFeed) config.feed = absolute(dataFeed);
  else if (config.feed) config.feed = absolute(config.feed);
  config.version = version;

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
