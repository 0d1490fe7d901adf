/**
 * <wir-action-field-explorer> in every option and state.
 *
 * This module is also imported by stories.test.ts under web-test-runner, so it may import only
 * what a plain browser can load: Lit, the widget, its feed generator, and ./support. Storybook
 * types are type-only.
 *
 * State feeds (empty, hostile text, a large generated catalogue) are served from memory at
 * /__wir-stories__/explorer/<name>.json by a fetch wrapper for that one path, as
 * `support/pending-feed.ts` does for the loading state: the widget makes its ordinary request.
 * Deep-link stories write their state into the URL fragment before rendering, under their own
 * explorer id, exactly as a shared link would.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { chooseEasyLanguage } from '@wir/core';
import '@wir/action-field-explorer/wir-action-field-explorer.js';
import { generateFeed } from '../packages/action-field-explorer/test/fixtures/generate-feed.js';
import { storyFeed } from './support/story-feed.js';
import type { WidgetArgs } from './support/widget-stories.js';
import {
  HANNOVER_FEED,
  dirArgType,
  headingLevelArgType,
  langArgType,
  narrow as inNarrowColumn,
  schemeArgType,
  settleBeforeChecks,
  srcArgType,
  stateStories,
} from './support/widget-stories.js';

/** The element's attributes, as story args (named like the attributes). */
export interface ExplorerArgs extends WidgetArgs {
  id?: string;
  field?: string;
  theme?: string;
  layout?: 'default' | 'compact' | '';
  heading?: string;
  'heading-level'?: number;
  'page-size'?: number;
}

// --- in-memory state feeds -------------------------------------------------------------------

const STATE_FEED_PATH = '/__wir-stories__/explorer/';

function stateFeed(actionFields: object[]): object {
  return storyFeed({ actionFields });
}

// Built on first request: the generator is quick, but no story should pay for another's feed.
const stateFeeds: Record<string, () => object> = {
  empty: () => stateFeed([]),
  // 1,500 measures: enough for paging and a realistic search, light enough for a docs page
  // (the benchmark in packages/action-field-explorer/bench uses 5,000).
  large: () => generateFeed({ measures: 1500 }),
  progress: progressFeed,
  xss: () =>
    stateFeed(
      [
        {
          id: 'markup',
          number: 1,
          title: '<img src=x onerror="globalThis.__wirXss=1">Feld',
          summary: '<script>globalThis.__wirXss=2</script><b>fett</b> ${globalThis.__wirXss=3} {{constructor}}',
          goals: [
            {
              id: 'markup-z1',
              title: '\u202eevil\u202c <a href="javascript:alert(1)">Ziel</a>',
              measures: [
                {
                  id: 'markup-m1',
                  title: '"><svg onload="globalThis.__wirXss=4"></svg>Maßnahme',
                  description: '<iframe src="javascript:globalThis.__wirXss=5"></iframe>',
                  status: [{ status: 'in-progress', date: '2025', note: '<style>*{display:none}</style>' }],
                  responsible: '<u>Amt</u>',
                  partners: ['javascript:globalThis.__wirXss=6'],
                  themes: [],
                },
              ],
            },
          ],
        },
      ],
    ),
};
const builtFeeds = new Map<string, string>();

/**
 * Indicators with a series (charts), measures with a long status history, guidelines linked to
 * the fields, and easy-German texts (`de-x-ls`), so the switch is offered.
 */
function progressFeed(): object {
  const feed = storyFeed(
    {
      guidelines: [
        {
          id: 'leitlinie-2',
          number: 2,
          title: { de: 'Gleiche Chancen für alle', en: 'Equal opportunities for all', ar: 'تكافؤ الفرص للجميع', 'de-x-ls': 'Alle sollen die gleichen Möglichkeiten haben' },
          text: 'Alle Menschen in Hannover sollen gleiche Chancen haben.',
        },
        { id: 'leitlinie-5', number: 5, title: { de: 'Bildung öffnet Türen', en: 'Education opens doors' }, text: 'Bildung ist der Schlüssel zur Teilhabe.' },
      ],
      crossCuttingThemes: [{ id: 'kommunikation', title: { de: 'Kommunikation', en: 'Communication', ar: 'التواصل' } }],
      actionFields: [
        {
          id: 'bildung',
          number: 1,
          color: '#1a5fb4',
          guidelines: ['leitlinie-2', 'leitlinie-5'],
          title: { de: 'Bildung', en: 'Education', ar: 'التعليم' },
          summary: {
            de: 'Bildung von Anfang an und ein Leben lang, mit Mehrsprachigkeit als Stärke.',
            en: 'Education from the start and for life, with multilingualism as a strength.',
            'de-x-ls': 'Alle sollen gut lernen können. Von klein auf. Ihr ganzes Leben lang.',
          },
          goals: [
            {
              id: 'bildung-z1',
              title: { de: 'Sprache fördern', en: 'Promote language', ar: 'تعزيز اللغة' },
              measures: [
                {
                  id: 'bildung-m1',
                  title: { de: 'Sprachcafés in den Stadtteilbibliotheken', en: 'Language cafés in the district libraries', ar: 'مقاهي اللغة في مكتبات الأحياء' },
                  status: [
                    { status: 'proposed', date: '2021-07', note: { de: 'Vorschlag der AG Bildung', en: 'Proposed by the education working group' } },
                    { status: 'accepted', date: '2021-11-08', note: { de: 'Ratsbeschluss', en: 'Council decision' } },
                    { status: 'in-progress', date: '2022-09' },
                    { status: 'done', date: '2025-06-30', note: { de: 'In allen 18 Stadtteilbibliotheken', en: 'In all 18 district libraries' } },
                  ],
                  responsible: 'Stadtbibliothek Hannover',
                  themes: ['kommunikation'],
                  indicators: [
                    {
                      id: 'bildung-i1',
                      title: { de: 'Teilnehmende pro Jahr', en: 'Participants per year', ar: 'المشاركون في السنة' },
                      unit: { de: 'Personen', en: 'people', ar: 'شخصًا' },
                      baseline: { value: 0, date: '2021' },
                      target: { value: 2400, date: '2026' },
                      current: { value: 1850, date: '2025-12' },
                      series: [
                        { value: 0, date: '2021' },
                        { value: 620, date: '2022-12' },
                        { value: 1340, date: '2023-12' },
                        { value: 1700, date: '2024-12' },
                        { value: 1850, date: '2025-12' },
                      ],
                    },
                  ],
                },
                {
                  id: 'bildung-m2',
                  title: { de: 'Mehrsprachige Kita-Beratung', en: 'Multilingual day-care advice' },
                  status: [
                    { status: 'proposed', date: '2022' },
                    { status: 'accepted', date: '2023-02' },
                    { status: 'in-progress', date: '2023-09-01', note: 'Start in drei Stadtbezirken' },
                  ],
                  themes: ['kommunikation'],
                  indicators: [
                    {
                      id: 'bildung-i2',
                      title: { de: 'Wartezeit auf einen Beratungstermin', en: 'Waiting time for an appointment' },
                      unit: { de: 'Wochen', en: 'weeks', ar: 'أسابيع' },
                      baseline: { value: 14, date: '2022' },
                      target: { value: 4, date: '2027' },
                      current: { value: 9, date: '2025-06' },
                      series: [
                        { value: 14, date: '2022' },
                        { value: 12, date: '2023' },
                        { value: 11, date: '2024' },
                        { value: 9, date: '2025-06' },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          id: 'soziales',
          number: 2,
          color: '#a51d5d',
          guidelines: ['leitlinie-2'],
          title: { de: 'Soziales', en: 'Social affairs', ar: 'الشؤون الاجتماعية' },
          summary: { de: 'Teilhabe für alle.', en: 'Participation for everyone.', 'de-x-ls': 'Alle sollen mitmachen können.' },
          goals: [
            {
              id: 'soziales-z1',
              title: 'Beratung stärken',
              measures: [{ id: 'soziales-m1', title: 'Lotsenprojekt für Neuzugewanderte', status: [{ status: 'accepted', date: '2024' }], themes: [] }],
            },
          ],
        },
      ],
    },
  ) as { strategy: { languages: string[] } };
  // Listing the tag is what makes the widgets offer the switch.
  feed.strategy.languages.push('de-x-ls');
  return feed;
}

let stateRouteInstalled = false;

/** Serves the feeds above at /__wir-stories__/explorer/<name>.json. Safe to call many times. */
function installStateFeedRoute(): void {
  if (stateRouteInstalled) return;
  stateRouteInstalled = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href);
    const name = url.pathname.startsWith(STATE_FEED_PATH) ? url.pathname.slice(STATE_FEED_PATH.length).replace(/\.json$/, '') : '';
    if (!Object.hasOwn(stateFeeds, name)) return realFetch(input, init);
    let body = builtFeeds.get(name);
    if (body === undefined) {
      body = JSON.stringify(stateFeeds[name]());
      builtFeeds.set(name, body);
    }
    return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } }));
  };
}

const stateFeedUrl = (name: keyof typeof stateFeeds) => `${STATE_FEED_PATH}${name}.json`;

/**
 * Puts a deep link for the explorer with `id` into the page's fragment, keeping everything else
 * there — what arriving through a shared link looks like.
 */
function arriveWith(id: string, state: string): void {
  const name = `wir-explorer.${id}`;
  const others = location.hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part && part.split('=')[0] !== name);
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${[...others, `${name}=${state}`].join('&')}`);
}

// --- rendering -------------------------------------------------------------------------------

function explorer(args: ExplorerArgs): TemplateResult {
  installStateFeedRoute();
  return html`<wir-action-field-explorer
    id=${ifDefined(args.id || undefined)}
    src=${ifDefined(args.src || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    dir=${ifDefined(args.dir || undefined)}
    field=${ifDefined(args.field || undefined)}
    theme=${ifDefined(args.theme || undefined)}
    layout=${ifDefined(args.layout || undefined)}
    heading=${ifDefined(args.heading || undefined)}
    heading-level=${ifDefined(args['heading-level'] ?? undefined)}
    page-size=${ifDefined(args['page-size'] ?? undefined)}
    scheme=${ifDefined(args.scheme || undefined)}
  ></wir-action-field-explorer>`;
}

const meta = {
  title: 'Widgets/Action Field Explorer',
  // Storybook reads attributes, properties, events, parts and custom properties from the
  // custom-elements manifest (generated by .storybook/main.ts) for this tag.
  component: 'wir-action-field-explorer',
  tags: ['autodocs'],
  render: (args) => explorer(args),
  args: { src: HANNOVER_FEED },
  argTypes: {
    src: srcArgType,
    id: {
      description: 'Names the explorer’s segment in the URL fragment (`#wir-explorer.<id>=…`); give each explorer on a page its own.',
      control: 'text',
      table: { category: 'attributes' },
    },
    lang: langArgType('Reader language (BCP 47). Empty: the toolbar language, as if inherited from the page.', ['de-x-ls', 'fr']),
    dir: dirArgType,
    field: {
      description: 'Pin one action field by id (`bildung`, `soziales`, `demokratie`, `stadtleben-kultur`, `wirtschaft`, `stadtverwaltung`): no overview, no field navigation.',
      control: 'text',
      table: { category: 'attributes' },
    },
    theme: {
      description: 'Pin one cross-cutting theme by id (`gleichbehandlung`, `diversitaet`, `kommunikation`); readers cannot remove it.',
      control: 'text',
      table: { category: 'attributes' },
    },
    layout: {
      description: '`compact`: denser cards without summaries, for sidebars.',
      control: { type: 'inline-radio', labels: { '': '(default)' } },
      options: ['', 'compact'],
      table: { category: 'attributes' },
    },
    heading: {
      description: 'Visible heading instead of “Handlungsfelder und Maßnahmen” (or the pinned field’s title).',
      control: 'text',
      table: { category: 'attributes' },
    },
    'heading-level': headingLevelArgType('Level of the explorer heading (2–6); views, goals and measures follow below it.'),
    'page-size': {
      description: 'Measures shown before a “show more” button (default 50, at least 5).',
      control: { type: 'number', min: 5, max: 200, step: 5 },
      table: { category: 'attributes' },
    },
    scheme: schemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          'The six action fields of the strategy with their goals and measures: an overview with counts and a status breakdown per field (and the youth group’s contributions), each field’s goals and measures with status history, responsibilities, partners, themes and indicators, filters by theme, status and group, and a word search. Every view is a deep link in the URL fragment. Use the toolbar to switch the language and the writing direction.',
      },
    },
  },
  play: settleBeforeChecks,
} satisfies Meta<ExplorerArgs>;

export default meta;
type Story = StoryObj<ExplorerArgs>;

const narrow = inNarrowColumn(explorer);
const states = stateStories(explorer);

/** Every attribute as a control. */
export const Playground: Story = {
  args: {
    src: HANNOVER_FEED,
    id: 'playground',
    lang: '',
    dir: '',
    field: '',
    theme: '',
    layout: '',
    heading: '',
    'heading-level': 2,
    'page-size': 50,
    scheme: '',
  },
};

/** The sample Hannover feed: six fields and the youth group's contributions. */
export const Default: Story = {};

/** `field="bildung"` on a partner page about education: only that field, headed by its title. */
export const PinnedField: Story = {
  name: 'Pinned field (bildung)',
  args: { id: 'pinned-field', field: 'bildung' },
};

/** `theme="gleichbehandlung"`: every count and list shows only measures on equal treatment. */
export const PinnedTheme: Story = {
  name: 'Pinned theme (gleichbehandlung)',
  args: { id: 'pinned-theme', theme: 'gleichbehandlung' },
};

/** `layout="compact"` in a 320 px sidebar. */
export const Compact: Story = {
  name: 'Compact (320 px sidebar)',
  args: { id: 'compact', layout: 'compact' },
  render: narrow,
};

/** The default layout in a 320 px column: cards stack, filters stack, nothing scrolls sideways. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { id: 'narrow' },
  render: narrow,
};

/**
 * Arriving through a shared link to one measure:
 * `#wir-explorer.deep-link=field:bildung;measure:bildung-m1` opens the field with that measure's
 * status history and indicator expanded.
 */
export const DeepLink: Story = {
  name: 'Deep link to a measure',
  args: { id: 'deep-link' },
  render: (args) => {
    arriveWith('deep-link', 'field:bildung;measure:bildung-m1');
    return explorer(args);
  },
};

/** The youth group's contributions across fields (`group:ag-jugend`), as its overview card opens them. */
export const YouthContributions: Story = {
  name: 'Youth group contributions',
  args: { id: 'youth' },
  render: (args) => {
    arriveWith('youth', 'group:ag-jugend');
    return explorer(args);
  },
};

/** A search with filters that finds nothing: the message names the active filters and offers to remove each or reset all. */
export const NoResults: Story = {
  name: 'No results',
  args: { id: 'no-results' },
  render: (args) => {
    arriveWith('no-results', 'field:demokratie;status:deferred;q:Sprachkurs');
    return explorer(args);
  },
};

/** Arabic: right-to-left layout, mirrored arrows, Arabic UI strings and feed text. */
export const RightToLeftArabic: Story = {
  name: 'RTL (Arabic)',
  ...states.rightToLeft,
  args: { id: 'rtl' },
};

/** Arabic in an open field with a measure's details. */
export const RightToLeftArabicField: Story = {
  name: 'RTL (Arabic), field detail',
  ...states.rightToLeft,
  args: { id: 'rtl-field' },
  render: (args) => {
    arriveWith('rtl-field', 'field:bildung;measure:bildung-m2');
    return explorer(args);
  },
};

/**
 * The loading state: the feed URL is one whose request never finishes (see
 * `stories/support/pending-feed.ts`); the widget reserves its height and says it is loading.
 */
export const Loading: Story = { ...states.loading };

/** A feed URL that answers 404: the error message says so and offers a retry button. */
export const ErrorState: Story = {
  name: 'Error (404)',
  ...states.error,
};

/** A valid feed that has no action fields yet. */
export const Empty: Story = {
  name: 'Empty feed',
  args: { src: stateFeedUrl('empty') },
};

/** A generated catalogue of 1,500 measures: paging with “show more”, and search on every keystroke. */
export const LargeCatalogue: Story = {
  name: 'Large catalogue (1,500 measures)',
  args: { id: 'large', src: stateFeedUrl('large') },
};

/** `scheme="dark"` on a dark partner page; contrast is checked by axe like every other story. */
export const DarkScheme: Story = {
  name: 'Dark scheme',
  ...states.dark,
  args: { id: 'dark', ...states.dark.args },
};

/** Feed text that looks like HTML, script or template syntax shows as plain characters and runs nothing. */
export const XssInert: Story = {
  name: 'XSS-inert text',
  args: { id: 'xss', src: stateFeedUrl('xss') },
  render: (args) => {
    arriveWith('xss', 'field:markup;measure:markup-m1');
    return explorer(args);
  },
};

/** Clicks every "values as a table" button once the explorer has settled, so the table shows. */
async function openTables({ canvasElement, parameters }: { canvasElement: HTMLElement; parameters: Record<string, unknown> }): Promise<void> {
  await settleBeforeChecks({ canvasElement, parameters });
  for (const el of canvasElement.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('wir-action-field-explorer')) {
    for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.indicator > button[aria-expanded="false"]')) button.click();
    await el.updateComplete;
  }
}

/**
 * Progress over time: an indicator with a dated series shows a small chart — the measured values
 * as a line, the baseline dotted, the target dashed — in a figure whose caption says the course
 * in one sentence. "Werte als Tabelle" discloses the same numbers as a table (opened here).
 */
export const ProgressChart: Story = {
  name: 'Progress chart and table',
  args: { id: 'progress', src: stateFeedUrl('progress') },
  render: (args) => {
    arriveWith('progress', 'field:bildung;measure:bildung-m1');
    return explorer(args);
  },
  play: openTables,
};

/** The same chart in Arabic: mirrored, so time runs from right to left like the reading. */
export const ProgressChartRightToLeft: Story = {
  name: 'Progress chart, RTL (Arabic)',
  ...states.rightToLeft,
  args: { id: 'progress-rtl', src: stateFeedUrl('progress') },
  render: (args) => {
    arriveWith('progress-rtl', 'field:bildung;measure:bildung-m2');
    return explorer(args);
  },
  play: openTables,
};

/**
 * The value table in a 320 px column (a phone, or 400 % zoom): a table wider than the column
 * scrolls sideways in its own box, named after the indicator and reachable with Tab, while the
 * indicator's title, figures and chart stay within the column (WCAG 1.4.10 Reflow).
 */
export const ProgressTableNarrow: Story = {
  name: 'Progress table, narrow (320 px)',
  args: { id: 'progress-narrow', src: stateFeedUrl('progress') },
  render: (args) => {
    arriveWith('progress-narrow', 'field:bildung;measure:bildung-m1');
    return narrow(args);
  },
  play: openTables,
};

/**
 * A measure's status history, oldest first: proposed, adopted, started, done, each with its
 * date at the precision the feed gives (year, month or day) and the editors' notes.
 */
export const StatusHistory: Story = {
  name: 'Status history',
  args: { id: 'history', src: stateFeedUrl('progress') },
  render: (args) => {
    arriveWith('history', 'field:bildung;measure:bildung-m2');
    return explorer(args);
  },
};

/**
 * The overview narrowed to the fields that serve one guideline, as the guideline carousel links
 * to it (`#wir-explorer=guideline:leitlinie-4`) or as another widget of the group chooses it; the
 * notice says which guideline, and "Alle Handlungsfelder" removes the filter.
 */
export const GuidelineFilter: Story = {
  name: 'Guideline filter (leitlinie-4)',
  args: { id: 'guideline' },
  render: (args) => {
    arriveWith('guideline', 'guideline:leitlinie-4');
    return explorer(args);
  },
};

/**
 * A feed with easy-German texts (`de-x-ls` in `strategy.languages`): German readers get the
 * "Leichte Sprache" switch in the header; it is switched on for this story (and off again when
 * it is left), so the field summaries show in easy German, marked `lang="de-x-ls"`.
 */
export const EasyLanguage: Story = {
  name: 'Leichte Sprache on',
  args: { id: 'easy', src: stateFeedUrl('progress'), lang: 'de' },
  beforeEach: () => {
    chooseEasyLanguage(true);
    return () => chooseEasyLanguage(false);
  },
};
