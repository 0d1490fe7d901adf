/**
 * The reader's choice of easy German (Leichte Sprache), shared by every widget on the page and
 * remembered for this page (per path, in sessionStorage) across reloads.
 */
import type { ReactiveControllerHost } from 'lit';

/** The language tag of easy-German texts in the feed. */
export const EASY_GERMAN = 'de-x-ls';

const key = (): string => 'wir-easy-language:' + location.pathname;
const hosts = new Set<ReactiveControllerHost>();
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
  hosts.forEach((host) => host.requestUpdate());
}

/** Re-renders `host` when the choice changes; returns the function that stops it. */
export function followEasyLanguage(host: ReactiveControllerHost): () => void {
  hosts.add(host);
  return () => hosts.delete(host);
}
