/**
 * <wir-timeline> in every option, state and layout.
 *
 * This module is also imported by stories.test.ts under web-test-runner, so it may import only
 * what a plain browser can load: Lit, the widget, and ./support. Storybook types are type-only.
 *
 * The state feeds (empty, one entry, long titles, hostile text) are written out below and served
 * from memory at /__wir-stories__/timeline/<name>.json by a fetch wrapper for that one path, as
 * `support/pending-feed.ts` does for the loading state: the widget makes its ordinary request,
 * and neither Storybook nor the test server needs extra fixture files.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@wir/timeline/wir-timeline.js';
import { STORY_GROUP, inGroup, offlineCopy } from './support/connected.js';
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
  wide as inWideContainer,
} from './support/widget-stories.js';

/** The element's attributes, as story args (named like the attributes). */
export interface TimelineArgs extends WidgetArgs {
  today?: string;
  kinds?: string;
  upcoming?: boolean;
  limit?: number;
  entry?: string;
  'no-filter'?: boolean;
  heading?: string;
  'heading-level'?: number;
}

// A fixed "today" inside the implementation phase, so every story looks the same on any day.
const PREVIEW_TODAY = '2026-03-10';

// --- in-memory state feeds -------------------------------------------------------------------

const STATE_FEED_PATH = '/__wir-stories__/timeline/';

function stateFeed(timeline: object[]): object {
  return storyFeed({ timeline }, { source: 'https://www.hannover.de/' });
}

const LONG_WORD = 'Integrationsbeiratsgeschäftsordnungsänderungsberatungsveranstaltung';

const stateFeeds: Record<string, object> = {
  empty: stateFeed([]),
  one: stateFeed([
    {
      id: 'stadtkonferenz',
      kind: 'event',
      date: '2026-09-05',
      title: { de: 'Stadtkonferenz „WIR 2.0“', en: 'City conference “WIR 2.0”', tr: 'Kent konferansı „WIR 2.0“', ar: 'مؤتمر المدينة «WIR 2.0»', ru: 'Городская конференция «WIR 2.0»', uk: 'Міська конференція «WIR 2.0»' },
      text: { de: 'Im Neuen Rathaus. Alle sind eingeladen.', en: 'At the New Town Hall. Everyone is welcome.', ar: 'في مبنى البلدية الجديد. الجميع مدعوون.' },
      link: 'https://www.hannover.de/',
    },
  ]),
  long: stateFeed([
    {
      id: 'beteiligung',
      kind: 'phase',
      date: '2025-01',
      end: '2026-12',
      title: {
        de: 'Beteiligungsphase zur Weiterentwicklung der Zusammenarbeit zwischen Migrant*innenselbstorganisationen, Verwaltung, Politik und Stadtgesellschaft in allen dreizehn Stadtbezirken',
        en: 'Participation phase on developing cooperation between migrant self-organisations, the administration, politics and civil society in all thirteen districts',
      },
      text: { de: `${LONG_WORD} und https://www.hannover.de/ein/sehr/langer/pfad/der/nicht/umbrechen/will/${'x'.repeat(40)}` },
    },
    { id: 'lang-wort', kind: 'event', date: '2026-04-01', title: LONG_WORD, link: 'https://www.hannover.de/' },
    {
      id: 'nur-deutsch',
      kind: 'milestone',
      date: '2026-10',
      approximate: 'mid',
      title: 'Nur auf Deutsch: Fortschreibung der Maßnahmen im Handlungsfeld Bildung, Sprache und Arbeit',
    },
  ]),
  xss: stateFeed([
    {
      id: 'markup',
      kind: 'event',
      date: '2026-05-01',
      title: '<img src=x onerror="globalThis.__wirXss=1">',
      text: '<script>globalThis.__wirXss=2</script><b>fett</b> ${globalThis.__wirXss=3} {{constructor}}',
      link: 'https://www.hannover.de/',
    },
    { id: 'bidi', kind: 'milestone', date: '2026-06-01', title: '\u202eevil\u202c <a href="javascript:alert(1)">link</a>' },
  ]),
};

let stateRouteInstalled = false;

/** Serves the feeds above at /__wir-stories__/timeline/<name>.json. Safe to call many times. */
function installStateFeedRoute(): void {
  if (stateRouteInstalled) return;
  stateRouteInstalled = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href);
    const name = url.pathname.startsWith(STATE_FEED_PATH) ? url.pathname.slice(STATE_FEED_PATH.length).replace(/\.json$/, '') : '';
    const feed = Object.hasOwn(stateFeeds, name) ? stateFeeds[name] : undefined;
    if (!feed) return realFetch(input, init);
    return Promise.resolve(new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/json' } }));
  };
}

const stateFeedUrl = (name: keyof typeof stateFeeds) => `${STATE_FEED_PATH}${name}.json`;

// --- rendering -------------------------------------------------------------------------------

function timeline(args: TimelineArgs): TemplateResult {
  installStateFeedRoute();
  return html`<wir-timeline
    src=${ifDefined(args.src || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    dir=${ifDefined(args.dir || undefined)}
    today=${ifDefined(args.today || undefined)}
    kinds=${ifDefined(args.kinds || undefined)}
    ?upcoming=${args.upcoming ?? false}
    limit=${ifDefined(args.limit || undefined)}
    entry=${ifDefined(args.entry || undefined)}
    ?no-filter=${args['no-filter'] ?? false}
    heading=${ifDefined(args.heading || undefined)}
    heading-level=${ifDefined(args['heading-level'] ?? undefined)}
    scheme=${ifDefined(args.scheme || undefined)}
  ></wir-timeline>`;
}

const meta = {
  title: 'Widgets/Timeline',
  // Storybook reads attributes, properties, events, parts and custom properties from the
  // custom-elements manifest (generated by .storybook/main.ts) for this tag.
  component: 'wir-timeline',
  tags: ['autodocs'],
  render: (args) => timeline(args),
  args: { src: HANNOVER_FEED, today: PREVIEW_TODAY },
  argTypes: {
    src: srcArgType,
    lang: langArgType('Reader language (BCP 47). Empty: the toolbar language. `ar-EG` shows Arabic-Indic digits.', ['ar-EG', 'en-GB', 'de-x-ls', 'fr']),
    dir: dirArgType,
    today: {
      description: 'The date taken as today (`YYYY-MM-DD`). Empty: the real date.',
      control: 'text',
      table: { category: 'attributes' },
    },
    kinds: {
      description: 'Kinds shown at first, comma-separated: `phase`, `milestone`, `event`.',
      control: 'text',
      table: { category: 'attributes' },
    },
    upcoming: {
      description: 'Only current and upcoming entries (a "next dates" sidebar).',
      control: 'boolean',
      table: { category: 'attributes' },
    },
    limit: {
      description: 'At most this many entries, with a button for the rest. 0: no limit.',
      control: { type: 'number', min: 0, max: 20, step: 1 },
      table: { category: 'attributes' },
    },
    entry: {
      description: 'Id of an entry to open, scroll to and focus (deep link).',
      control: 'text',
      table: { category: 'attributes' },
    },
    'no-filter': {
      description: 'Hide the kind filter buttons.',
      control: 'boolean',
      table: { category: 'attributes' },
    },
    heading: {
      description: 'Visible heading instead of “Zeitleiste” (or “Nächste Termine” with `upcoming`).',
      control: 'text',
      table: { category: 'attributes' },
    },
    'heading-level': headingLevelArgType('Level of the timeline heading (2–6); entry titles are one level below.'),
    scheme: schemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          'Phases, milestones and events of the strategy in date order, marked past, current or upcoming, with a “today” marker. A vertical list in narrow containers, a horizontal scrolling track in wide ones (container queries). Entries open by their title; upcoming ones with exact dates offer an .ics calendar file. Stories fix `today` to 10 March 2026 so they look the same every day; use the toolbar to switch language and direction.',
      },
    },
  },
  play: settleBeforeChecks,
} satisfies Meta<TimelineArgs>;

export default meta;
type Story = StoryObj<TimelineArgs>;

const narrow = inNarrowColumn(timeline);
const wide = inWideContainer(timeline);
const states = stateStories(timeline);

/** Every attribute as a control. */
export const Playground: Story = {
  args: {
    src: HANNOVER_FEED,
    lang: '',
    dir: '',
    today: PREVIEW_TODAY,
    kinds: '',
    upcoming: false,
    limit: 0,
    entry: '',
    'no-filter': false,
    heading: '',
    'heading-level': 2,
    scheme: '',
  },
};

/** The sample Hannover feed; the layout follows the width of the canvas. */
export const Default: Story = {};

/** In a 320 px column: a vertical list with the line on the inline-start side. */
export const Narrow: Story = {
  name: 'Narrow (320 px): vertical list',
  render: narrow,
};

/**
 * In a wide container: a horizontal track that opens at “today” and scrolls with the earlier /
 * later buttons, the arrow keys once focused, or by moving focus to an entry.
 */
export const Wide: Story = {
  name: 'Wide (1100 px): horizontal track',
  parameters: { layout: 'fullscreen' },
  render: wide,
};

/** `upcoming` and `limit="3"` without filters: a compact “next dates” sidebar. */
export const UpcomingSidebar: Story = {
  name: 'Upcoming, limit 3 (sidebar)',
  args: { upcoming: true, limit: 3, 'no-filter': true, today: '2021-03-01' },
  render: narrow,
};

/** `kinds="milestone"`: only milestones at first; the filter buttons can add the others. */
export const MilestonesOnly: Story = {
  name: 'Kinds: milestones only',
  args: { kinds: 'milestone' },
};

/** `entry="…"` opens, highlights and focuses an entry, and scrolls to it. */
export const DeepLink: Story = {
  name: 'Deep link to an entry',
  args: { entry: 'aktionswoche-einzigartig-vielfaeltig', today: '2021-05-20' },
};

/** `today` after the last entry: everything past, “today” at the end, no calendar files. */
export const AllPast: Story = {
  name: 'All past',
  args: { today: '2030-01-01' },
};

/** `today` before the first entry: everything upcoming, “today” first. */
export const AllFuture: Story = {
  name: 'All future',
  args: { today: '2019-06-01' },
};

/** Only current and upcoming entries, but nothing is: the widget says so and offers the past. */
export const NothingUpcoming: Story = {
  name: 'Empty: nothing upcoming',
  args: { upcoming: true, today: '2030-01-01' },
};

/** A feed without timeline entries. */
export const Empty: Story = {
  name: 'Empty feed',
  args: { src: stateFeedUrl('empty') },
};

/** A single entry: no filter, no “all dates” download. */
export const OneEntry: Story = {
  name: 'One entry',
  args: { src: stateFeedUrl('one'), entry: 'stadtkonferenz' },
};

/** Very long titles and words, a long URL, and a title only in German (fallback with its own `lang`). */
export const LongTitles: Story = {
  name: 'Long titles',
  args: { src: stateFeedUrl('long'), entry: 'beteiligung' },
};

/**
 * The loading state: the feed URL is one whose request never finishes (see
 * `stories/support/pending-feed.ts`); the widget reserves its height meanwhile.
 */
export const Loading: Story = { ...states.loading };

/** A feed URL that answers 404: the error message says so and offers a retry button. */
export const ErrorState: Story = {
  name: 'Error (404)',
  ...states.error,
};

/** Arabic: right-to-left layout, Arabic month names, mirrored track and buttons. */
export const RightToLeftArabic: Story = {
  name: 'RTL (Arabic)',
  ...states.rightToLeft,
};

/** Arabic in a wide container: the track runs from right to left. */
export const RightToLeftArabicWide: Story = {
  name: 'RTL (Arabic), wide',
  ...states.rightToLeft,
  parameters: { layout: 'fullscreen' },
  render: wide,
};

/** `lang="ar-EG"`: the locale asks for Arabic-Indic digits (٢٠٢١), and dates use them. */
export const ArabicIndicDigits: Story = {
  name: 'Arabic-Indic digits (ar-EG)',
  args: { lang: 'ar-EG' },
  render: narrow,
};

/** `scheme="dark"` on a dark partner page; contrast is checked by axe like every other story. */
export const DarkScheme: Story = {
  name: 'Dark scheme',
  ...states.dark,
  args: { ...states.dark.args, entry: 'umsetzung' },
};

/**
 * Feed text that looks like HTML, script, template syntax or bidi overrides. It must show as
 * plain characters and run nothing.
 */
export const XssInert: Story = {
  name: 'XSS-inert text',
  args: { src: stateFeedUrl('xss'), entry: 'markup' },
};

/**
 * In a widget group (`group="story"`) whose selection, from the page address, is the action
 * field Bildung: only the entries the feed links to it, under a note with "Auswahl aufheben".
 */
export const GroupFieldChosen: Story = {
  name: 'Widget group: action field chosen',
  beforeEach: inGroup('field:bildung'),
  render: (args) =>
    html`<wir-timeline src=${ifDefined(args.src || undefined)} today=${ifDefined(args.today || undefined)} group=${STORY_GROUP}></wir-timeline>`,
};

const offline = offlineCopy(
  'timeline',
  stateFeed([
    { id: 'umsetzung', kind: 'phase', date: '2025', end: '2027-12', title: 'Umsetzung der Maßnahmen' },
    { id: 'stadtkonferenz', kind: 'event', date: '2026-09-05', title: 'Stadtkonferenz „WIR 2.0“' },
  ]),
);

/** No network, but the copy saved on an earlier visit, marked as such at the foot. */
export const OfflineCopy: Story = {
  name: 'Offline: saved copy',
  args: { src: offline.src },
  beforeEach: offline.beforeEach,
};
