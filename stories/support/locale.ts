/**
 * The language/direction toolbar of Storybook, as plain functions: preview.ts's decorator and
 * stories.test.ts both call `withLocaleArgs`, so a test renders a story exactly as Storybook does.
 * No Storybook import here — web-test-runner loads this module too.
 */

/** The languages the strategy feed and the widgets' UI strings are written in. */
export const storyLanguages = [
  { value: 'de', title: 'Deutsch' },
  { value: 'en', title: 'English' },
  { value: 'tr', title: 'Türkçe' },
  { value: 'ar', title: 'العربية (Arabic, RTL)' },
  { value: 'ru', title: 'Русский' },
  { value: 'uk', title: 'Українська' },
] as const;

export type StoryDirection = 'auto' | 'ltr' | 'rtl';

/** Toolbar state: `locale` is a language tag, `direction` is auto (from the language) or forced. */
export interface LocaleGlobals {
  locale?: string;
  direction?: string;
}

export const defaultLocaleGlobals: Required<LocaleGlobals> = { locale: 'de', direction: 'auto' };

/** The args every widget story accepts for language and direction. */
export interface LocaleArgs {
  lang?: string;
  dir?: string;
}

/**
 * Args as the widget receives them: a story's own `lang`/`dir` win (a story about Arabic stays
 * Arabic); otherwise the toolbar's language applies. `dir` is set only when the toolbar forces
 * it, because with `auto` the widget derives its direction from its language by itself.
 */
export function withLocaleArgs<T extends LocaleArgs>(args: T, globals: LocaleGlobals = {}): T {
  const lang = args.lang || globals.locale || defaultLocaleGlobals.locale;
  const direction = globals.direction;
  const forced = direction === 'ltr' || direction === 'rtl' ? direction : undefined;
  return { ...args, lang, dir: args.dir || forced };
}
