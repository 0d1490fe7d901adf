/**
 * The reader's choice of easy German (Leichte Sprache), shared by every widget on the page and
 * remembered for this page (per path, in sessionStorage) across reloads.
 */
import { notifyLangListeners } from './internal/lang.js';

/** The language tag of easy-German texts in the feed. */
export const EASY_GERMAN = 'de-x-ls';

const key = (): string => 'wir-easy-language:' + location.pathname;
let chosen: boolean | undefined;

export function easyLanguageChosen(): boolean {
  if (chosen === undefined) {
    try {
      chosen = sessionStorage.getItem(key()) == '1';
    } catch {
      // Blocked storage: the choice lasts until the page unloads.
      chosen = false;
    }
  }
  return chosen;
}

/** Switches every widget on the page to (or from) easy German. */
export function chooseEasyLanguage(on: boolean): void {
  chosen = on;
  try {
    sessionStorage.setItem(key(), on ? '1' : '0');
  } catch {
    // As above: the choice still holds for this page view.
  }
  // Every widget on the page listens for language changes; this one re-renders them all.
  notifyLangListeners(true);
}
