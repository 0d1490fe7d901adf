/**
 * What every widget's story module has in common: the feed URLs, the args for language, direction
 * and scheme, the play function that waits for the feed, the layout wrappers, and the state
 * stories (loading, 404, RTL, dark) that each widget shows the same way.
 *
 * A story module still writes its `title`, `component`, `tags` and each story's `name` as
 * literals: Storybook's indexer reads them from the source, so they must not hide in a call.
 * Storybook types are type-only here — web-test-runner loads this module too.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { StoryObj } from '@storybook/web-components-vite';
import type { LocaleArgs } from './locale.js';
import { storyLanguages } from './locale.js';
import { PENDING_FEED_URL, installPendingFeedRoute } from './pending-feed.js';
import { settleWidgets } from './settle.js';

/** Extra story parameters read by the play function and stories.test.ts. */
export interface WirStoryParameters {
  /** false: the story shows a state that never settles (loading); do not wait for the feed. */
  settles?: boolean;
}

/** The args every widget story has besides language and direction. */
export interface WidgetArgs extends LocaleArgs {
  src?: string;
  scheme?: 'light' | 'dark' | 'auto' | '';
}

export type WidgetRender<A> = (args: A) => TemplateResult;

// Storybook serves demo/feeds at /feeds (see .storybook/main.ts).
export const HANNOVER_FEED = '/feeds/hannover.json';
export const MISSING_FEED = '/feeds/does-not-exist.json';

// --- args ------------------------------------------------------------------------------------

const attribute = { category: 'attributes' } as const;

export const srcArgType = {
  description: 'URL of the strategy feed. Without it the page default applies (the loader’s `data-feed`).',
  control: 'text',
  table: attribute,
} as const;

/** The `lang` control: the toolbar's languages, then `extra` tags worth trying. */
export function langArgType(description: string, extra: string[]) {
  return {
    description,
    control: { type: 'select', labels: { '': '(toolbar)' } },
    options: ['', ...storyLanguages.map((l) => l.value), ...extra],
    table: attribute,
  } as const;
}

export const dirArgType = {
  description: 'Writing direction. Empty: from the language, or forced by the toolbar.',
  control: { type: 'inline-radio', labels: { '': '(auto)' } },
  options: ['', 'ltr', 'rtl'],
  table: attribute,
} as const;

export function headingLevelArgType(description: string) {
  return { description, control: { type: 'number', min: 2, max: 6, step: 1 }, table: attribute } as const;
}

export const schemeArgType = {
  description: 'Colour scheme: light, dark, or auto (follows prefers-color-scheme).',
  control: { type: 'inline-radio', labels: { '': '(unset = auto)' } },
  options: ['', 'light', 'dark', 'auto'],
  table: attribute,
} as const;

// --- meta ------------------------------------------------------------------------------------

/** The meta's play function: waits for the feed so the a11y panel checks the finished widget, not the skeleton. */
export async function settleBeforeChecks({ canvasElement, parameters }: { canvasElement: HTMLElement; parameters: Record<string, unknown> }): Promise<void> {
  const wir = parameters.wir as WirStoryParameters | undefined;
  if (wir?.settles === false) return;
  await settleWidgets(canvasElement);
}

// --- layouts ---------------------------------------------------------------------------------

/** In a 320 px column (a sidebar). */
export const narrow =
  <A>(render: WidgetRender<A>): WidgetRender<A> =>
  (args) =>
    html`<div style="inline-size: 320px; max-inline-size: 100%">${render(args)}</div>`;

/** In an 1100 px container. */
export const wide =
  <A>(render: WidgetRender<A>): WidgetRender<A> =>
  (args) =>
    html`<div style="inline-size: 1100px; max-inline-size: 100%">${render(args)}</div>`;

/** On a dark partner page. */
export const onDarkPage =
  <A>(render: WidgetRender<A>): WidgetRender<A> =>
  (args) =>
    html`<div style="padding: 1rem; background: #101418">${render(args)}</div>`;

// --- state stories ---------------------------------------------------------------------------

/**
 * The state stories every widget shows alike, rendered by `render`; `args` (not `src`, which the
 * states set) are added to each, as the voting box needs a poll. Spread one into an export and
 * give it its `name` there.
 */
export function stateStories<A extends WidgetArgs>(render: WidgetRender<A>, args: Partial<A> = {}) {
  return {
    /** The feed URL is one whose request never finishes (see pending-feed.ts). */
    loading: {
      args: { src: PENDING_FEED_URL, ...args },
      parameters: { wir: { settles: false } satisfies WirStoryParameters },
      render: (storyArgs: A) => {
        installPendingFeedRoute();
        return render(storyArgs);
      },
    } satisfies StoryObj<A>,
    /** A feed URL that answers 404. */
    error: { args: { src: MISSING_FEED, ...args } } satisfies StoryObj<A>,
    /** Arabic from the toolbar: right to left. */
    rightToLeft: { args, globals: { locale: 'ar', direction: 'auto' } } satisfies StoryObj<A>,
    /** `scheme="dark"` on a dark page, without Storybook's own background. */
    dark: {
      args: { ...args, scheme: 'dark' },
      parameters: { backgrounds: { disable: true } },
      render: onDarkPage(render),
    } satisfies StoryObj<A>,
  };
}
