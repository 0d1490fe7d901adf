let explicitDefault: string | undefined;

declare global {
  interface Window {
    /** Set by the classic-script loader (wir-widgets.js) before any widget module runs. */
    WIRWidgets?: { feed?: string; base: string; version: string };
  }
}

/** Sets the feed URL every widget without its own `src` uses (npm users; the loader uses data-feed). */
export function setDefaultFeedUrl(url: string): void {
  explicitDefault = url;
}

/** The page-wide feed URL: the value given to setDefaultFeedUrl, else the loader's `data-feed`. */
export function getDefaultFeedUrl(): string | undefined {
  return explicitDefault ?? (globalThis as { WIRWidgets?: Window['WIRWidgets'] }).WIRWidgets?.feed;
}
