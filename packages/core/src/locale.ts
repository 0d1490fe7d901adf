/**
 * The one place where @lit/localize is configured for every WIR widget.
 *
 * lit-localize's own runtime (`configureLocalization` + `setLocale`) keeps ONE active locale per
 * page. WIR widgets must be able to speak different languages side by side
 * (`<wir-guideline-carousel lang="tr">` next to one with `lang="ar"`), so instead of that runtime
 * this module installs its own `msg` implementation: it looks up the translation in the template
 * map of the locale of the element that is rendering right now. `WirElement` sets that locale
 * synchronously around each update (see `withRenderLocale`), and renders only once the locale's
 * template module is loaded, so `msg()` never has to wait.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { defaultMsg } from '@lit/localize/internal/default-msg.js';
import { isStrTagged, joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { LocaleModule, MsgFn, MsgOptions, TemplateLike, TemplateMap } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.js';
import { primaryLanguage } from '@wir/feed';

export { allLocales, sourceLocale, targetLocales };

/** A locale the widgets' own UI strings are translated into. */
export type Locale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];

// Explicit imports (not a template string) so every bundler sees each locale as its own chunk.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./generated/locales/ar.js'),
  en: () => import('./generated/locales/en.js'),
  ru: () => import('./generated/locales/ru.js'),
  tr: () => import('./generated/locales/tr.js'),
  uk: () => import('./generated/locales/uk.js'),
};

const loaded = new Map<Locale, TemplateMap | undefined>([[sourceLocale, undefined]]);
const loading = new Map<Locale, Promise<void>>();
let renderLocale: Locale | undefined;

/**
 * Maps any BCP 47 tag to the UI locale that serves it: exact match, then the same primary
 * language (`tr-TR` → `tr`, `de-x-ls` → `de`), else the source locale German.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const lower = tag?.trim().toLowerCase().replace(/_/g, '-') ?? '';
  return (
    allLocales.find((l) => l.toLowerCase() === lower) ??
    allLocales.find((l) => primaryLanguage(l) === primaryLanguage(lower)) ??
    sourceLocale
  );
}

/** True once `msg()` can answer synchronously in this locale. */
export function isLocaleLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/**
 * Loads (once, cached) the translations of a UI locale. Resolves also when loading fails: the
 * widget then shows German rather than nothing, and a later call tries again.
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as TargetLocale]()
      .then((mod) => {
        loaded.set(locale, mod.templates);
      })
      .catch((error: unknown) => {
        console.warn(`[wir] Could not load the "${locale}" UI strings; showing German.`, error);
      })
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Runs `fn` with `msg()` answering in `locale`. Used by WirElement around each update; nested
 * calls restore the outer locale.
 */
export function withRenderLocale<T>(locale: Locale, fn: () => T): T {
  const outer = renderLocale;
  renderLocale = locale;
  try {
    return fn();
  } finally {
    renderLocale = outer;
  }
}

/** The locale `msg()` answers in right now (outside any render: the page's `<html lang>`). */
export function currentRenderLocale(): Locale {
  return renderLocale ?? resolveLocale(globalThis.document?.documentElement.lang);
}

/*
 * A lean version of lit-localize's runtime lookup: every WIR message has an explicit id, so the
 * id hashing of the stock implementation (for messages without one) would be dead weight in
 * each widget bundle. Ids missing from the map, and lit-html templates (which WIR does not
 * localize), fall back to the German source, the way lit-localize's default msg() answers. The
 * str`` helpers are lit-localize's own, which that default already brings into the bundle.
 */
const localizedMsg = ((template: TemplateLike, options?: MsgOptions) => {
  // Every WIR message has an id; without one nothing is found and the source text answers.
  const translated = loaded.get(currentRenderLocale())?.[options?.id as string];
  if (typeof translated === 'string') return translated;
  // `values` of a translation maps its placeholders to the source's values, since a translation
  // may reorder them ("7 içinden 3").
  if (translated && isStrTagged(translated) && isStrTagged(template)) {
    return joinStringsAndValues(translated.strings, template.values, translated.values as number[]);
  }
  // Cast to a plain function type: lit-localize's extractor takes any call of a value typed as
  // msg() for a message to extract, and would fail on this one. No code changes.
  return (defaultMsg as (template: TemplateLike) => ReturnType<MsgFn>)(template);
}) as MsgFn;

declare const __WIR_SCRIPT_BUNDLE__: boolean | undefined;

let installed = true;
// The script-tag bundle (see vite.config.ts) carries its own @lit/localize, which nothing else
// can have configured.
if (typeof __WIR_SCRIPT_BUNDLE__ != 'undefined') _installMsgImplementation(localizedMsg);
else {
  try {
    _installMsgImplementation(localizedMsg);
  } catch {
    // Another configureLocalization() on the same @lit/localize copy got there first (an npm
    // app that localizes itself). msg() then follows that app's global locale; we warn rather
    // than break the host page.
    installed = false;
    console.warn('[wir] @lit/localize was already configured on this page; WIR widgets follow its locale.');
  }
}

/** Whether per-element UI languages are active (false only when another app owns lit-localize). */
export const perElementLocalization: boolean = installed;
