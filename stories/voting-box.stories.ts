/**
 * <wir-voting-box> in every state.
 *
 * This module is also imported by stories.test.ts under web-test-runner, so it may import only
 * what a plain browser can load: Lit, the widget, and ./support. Storybook types are type-only.
 *
 * Storybook is static: no vote server runs behind it. So the stories bring their own, in memory:
 *
 * - Story feeds are served at /__wir-stories__/voting-box/<scenario>.json by a fetch wrapper
 *   (as stories/support/pending-feed.ts does for the loading state). Each feed's polls name the
 *   vote API `https://votes.stories.invalid/<scenario>/v1`, so every story has its own API and
 *   its own record in the browser's outbox.
 * - The same wrapper answers requests to that API the way packages/vote-server does (see
 *   docs/vote-api.md), by the scenario's first word: `ok` counts votes and shows results by
 *   the poll's rule, `down` fails like an unreachable server, `limited` answers 429 with
 *   Retry-After, `pow` asks for a real SHA-256 proof of work. Every other request goes to the
 *   real fetch unchanged; the `.invalid` host can never be reached by accident.
 * - States that follow a vote (counted, kept, refused) are set up by writing the outbox record
 *   the widget itself would have written into localStorage before the story renders.
 *
 * Nothing inside the widget is faked: it makes its ordinary requests and keeps its ordinary queue.
 * With `npm start` running, the Playground's "Hannover feed" option talks to the real server.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@wir/voting-box/wir-voting-box.js';
import { STORY_GROUP, inGroup } from './support/connected.js';
import { storyFeed } from './support/story-feed.js';
import type { WidgetArgs, WidgetRender } from './support/widget-stories.js';
import {
  HANNOVER_FEED,
  dirArgType,
  headingLevelArgType,
  langArgType,
  narrow,
  onDarkPage,
  schemeArgType,
  settleBeforeChecks,
  stateStories,
} from './support/widget-stories.js';

/** The element's attributes, as story args (named like the attributes). */
export interface VotingBoxArgs extends WidgetArgs {
  poll?: string;
  'heading-level'?: number;
}

const FEED_PATH = '/__wir-stories__/voting-box/';
const API_HOST = 'https://votes.stories.invalid';
const DAY = 86_400_000;

// --- the story feed --------------------------------------------------------------------------

type Text = Record<string, string>;

const topics: Array<[string, Text]> = [
  ['wohnen', { de: 'Fairer Zugang zu Wohnraum', en: 'Fair access to housing', tr: 'Konuta adil erişim', ar: 'الوصول العادل إلى السكن', ru: 'Справедливый доступ к жилью', uk: 'Справедливий доступ до житла' }],
  ['mehrsprachigkeit', { de: 'Mehrsprachigkeit in Kita und Schule', en: 'Multilingualism in day care and school', tr: 'Kreşte ve okulda çok dillilik', ar: 'تعدد اللغات في الحضانة والمدرسة', ru: 'Многоязычие в детском саду и школе', uk: 'Багатомовність у дитячому садку та школі' }],
  ['anerkennung', { de: 'Anerkennung ausländischer Abschlüsse', en: 'Recognition of qualifications from abroad', tr: 'Yurt dışında alınan diplomaların tanınması', ar: 'الاعتراف بالشهادات الأجنبية', ru: 'Признание иностранных дипломов', uk: 'Визнання іноземних дипломів' }],
  ['jugendbeteiligung', { de: 'Beteiligung junger Menschen', en: 'Youth participation', tr: 'Gençlerin katılımı', ar: 'مشاركة الشباب', ru: 'Участие молодёжи', uk: 'Участь молоді' }],
];

const titles: Array<[string, Text]> = [
  ['wir-sind-hannover', { de: 'WIR sind Hannover – Zusammenleben in der Stadt', en: 'WE are Hannover – Living together in the city', ar: 'نحن هانوفر – العيش معًا في المدينة' }],
  ['vielfalt-verbindet', { de: 'Vielfalt verbindet – Hannover gemeinsam gestalten', en: 'Diversity connects – Shaping Hannover together', ar: 'التنوع يجمعنا – لنشكّل هانوفر معًا' }],
  ['hannover-fuer-alle', { de: 'Hannover für alle – Teilhabe in der Einwanderungsstadt', en: 'Hannover for all – Participation in the immigration city', ar: 'هانوفر للجميع – المشاركة في مدينة الهجرة' }],
];

/** Sample counts the in-story API starts from, per option id. */
const startCounts: Record<string, number> = {
  wohnen: 41, mehrsprachigkeit: 27, anerkennung: 19, jugendbeteiligung: 12,
  'wir-sind-hannover': 1146, 'vielfalt-verbindet': 612, 'hannover-fuer-alle': 389,
  a: 0, b: 0,
};

interface StoryPoll {
  id: string;
  question: string | Text;
  description?: string | Text;
  choice: 'single' | 'multiple';
  maxChoices?: number;
  options: Array<{ id: string; label: string | Text }>;
  opens: string;
  closes: string;
  results: 'after-vote' | 'after-close' | 'always';
  api?: string;
}

function polls(now: number): StoryPoll[] {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const open = { opens: iso(now - 30 * DAY), closes: iso(now + 60 * DAY) };
  return [
    {
      id: 'thema',
      question: { de: 'Welches Thema soll der nächste Runde Tisch besprechen?', en: 'Which topic should the next Round Table discuss?', tr: 'Bir sonraki Yuvarlak Masa hangi konuyu ele almalı?', ar: 'ما الموضوع الذي ينبغي أن تناقشه الطاولة المستديرة القادمة؟', ru: 'Какую тему стоит обсудить на следующем Круглом столе?', uk: 'Яку тему варто обговорити на наступному Круглому столі?' },
      description: { de: 'Sie können bis zu zwei Themen wählen.', en: 'You can choose up to two topics.', ar: 'يمكنكم اختيار موضوعين كحد أقصى.' },
      choice: 'multiple',
      maxChoices: 2,
      options: topics.map(([id, label]) => ({ id, label })),
      ...open,
      results: 'after-vote',
    },
    {
      id: 'titel',
      question: { de: 'Wie soll das neue Strategiepapier heißen?', en: 'What should the new strategy paper be called?', ar: 'ما الاسم الذي ينبغي أن تحمله ورقة الاستراتيجية الجديدة؟' },
      choice: 'single',
      options: titles.map(([id, label]) => ({ id, label })),
      ...open,
      results: 'always',
    },
    {
      id: 'geheim',
      question: { de: 'Welcher Titel soll es werden? (Ergebnis erst nach dem Ende)', en: 'Which title should it be? (Results only after closing)', ar: 'أي عنوان تختارون؟ (النتائج بعد الانتهاء فقط)' },
      choice: 'single',
      options: titles.map(([id, label]) => ({ id, label })),
      ...open,
      results: 'after-close',
    },
    {
      id: 'beendet',
      question: { de: 'Wie soll das Strategiepapier heißen? (Titelvoting 2020)', en: 'What should the strategy paper be called? (Title vote 2020)', ar: 'ما اسم ورقة الاستراتيجية؟ (التصويت على العنوان 2020)' },
      description: { de: 'Die Abstimmung ist beendet. Der Gewinnertitel ist heute der Name der Strategie.', en: 'Voting has closed. The winning title is now the name of the strategy.', ar: 'انتهى التصويت. العنوان الفائز هو اليوم اسم الاستراتيجية.' },
      choice: 'single',
      options: titles.map(([id, label]) => ({ id, label })),
      opens: '2020-10-01T00:00:00+02:00',
      closes: '2020-10-31T23:59:00+01:00',
      results: 'after-close',
    },
    {
      id: 'bald',
      question: { de: 'Wo soll das Stadtfest 2027 stattfinden?', en: 'Where should the 2027 city festival take place?', ar: 'أين ينبغي أن يُقام مهرجان المدينة 2027؟' },
      choice: 'single',
      options: [
        { id: 'a', label: { de: 'Am Maschsee', en: 'At the Maschsee', ar: 'عند بحيرة ماش' } },
        { id: 'b', label: { de: 'Auf dem Opernplatz', en: 'On the Opernplatz', ar: 'في ساحة الأوبرا' } },
      ],
      opens: iso(now + 20 * DAY),
      closes: iso(now + 50 * DAY),
      results: 'always',
    },
    {
      id: 'xss',
      question: '<img src=x onerror="globalThis.__wirXss=1">Frage mit Markup?',
      description: '<script>globalThis.__wirXss=2</script><b>fett</b> ${globalThis.__wirXss=3} \u202eevil\u202c',
      choice: 'single',
      options: [
        { id: 'a', label: '<svg onload="globalThis.__wirXss=4">' },
        { id: 'b', label: '<a href="javascript:alert(1)">link</a>' },
      ],
      ...open,
      results: 'always',
    },
  ];
}

const apiFor = (scenario: string) => `${API_HOST}/${scenario}/v1`;

function scenarioFeed(scenario: string): object {
  return storyFeed({ polls: polls(Date.now()).map((poll) => ({ ...poll, api: apiFor(scenario) })) });
}

// --- the in-story vote API -------------------------------------------------------------------

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 304 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const counts = new Map<string, Record<string, number>>();
const ballots = new Map<string, { total: number; keys: Map<string, string>; voters: Set<string> }>();

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Answers like packages/vote-server for `scenario` (its first word is the behaviour). */
async function storyApi(scenario: string, path: string, init: RequestInit | undefined): Promise<Response> {
  const mode = scenario.split('-')[0];
  if (mode === 'down') throw new TypeError('Failed to fetch');
  const now = Date.now();
  if (path === '/challenge') {
    if (mode === 'limited') return json(429, { error: 'rate-limited', message: 'Too many requests.' }, { 'Retry-After': '120' });
    const maxnumber = 100_000;
    const salt = `${crypto.randomUUID().slice(0, 8)}?expires=${Math.floor(now / 1000) + 600}`;
    const challenge = await sha256Hex(salt + Math.floor(maxnumber * (0.6 + Math.random() * 0.3)));
    return json(200, { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: '0'.repeat(64) });
  }
  const match = /^\/polls\/([a-z0-9-]+)(\/votes)?$/.exec(path);
  const poll = match && polls(now).find((p) => p.id === match[1]);
  if (!poll) return json(404, { error: 'unknown-poll', message: 'There is no such poll.' });
  const state = now < Date.parse(poll.opens) ? 'not-open' : now < Date.parse(poll.closes) ? 'open' : 'closed';
  const id = `${scenario}|${poll.id}`;
  const tally = counts.get(id) ?? Object.fromEntries(poll.options.map((o) => [o.id, startCounts[o.id] ?? 0]));
  counts.set(id, tally);
  const box = ballots.get(id) ?? { total: Math.max(...Object.values(tally)) + 23, keys: new Map(), voters: new Set() };
  ballots.set(id, box);

  if (match![2]) {
    if (mode === 'limited') return json(429, { error: 'rate-limited', message: 'Too many requests.' }, { 'Retry-After': '120' });
    const body = JSON.parse(String(init?.body ?? '{}')) as { options: string[]; voter: string; idempotencyKey: string };
    const replay = box.keys.get(body.idempotencyKey);
    const answer = { poll: poll.id, options: poll.options.map((o) => o.id).filter((o) => body.options.includes(o)), voted: true };
    if (replay) return json(200, answer, { 'Idempotent-Replayed': 'true' });
    if (state !== 'open') return json(403, { error: state === 'closed' ? 'poll-closed' : 'poll-not-open', message: 'Not open.' });
    if (box.voters.has(body.voter)) return json(409, { error: 'already-voted', message: 'Already voted.' });
    box.keys.set(body.idempotencyKey, body.voter);
    box.voters.add(body.voter);
    box.total++;
    for (const option of answer.options) tally[option]++;
    return json(201, answer);
  }

  // A story that shows a counted vote seeded the outbox, so any voter token counts as "voted".
  const voted = new Headers(init?.headers).has('Wir-Voter') ? true : null;
  const visible = poll.results === 'always' || state === 'closed' || (poll.results === 'after-vote' && voted === true);
  return json(200, {
    id: poll.id,
    state,
    opens: poll.opens,
    closes: poll.closes,
    choice: poll.choice,
    minChoices: 1,
    maxChoices: poll.maxChoices ?? (poll.choice === 'single' ? 1 : poll.options.length),
    resultsVisibility: poll.results,
    question: poll.question,
    options: poll.options,
    challengeRequired: mode === 'pow',
    voted,
    results: visible ? { counts: { ...tally }, total: box.total } : null,
    refreshAfter: visible && state === 'open' ? 10 : 60,
  });
}

let routesInstalled = false;

/** Serves the story feeds and the in-story vote API. Safe to call many times. */
function installStoryRoutes(): void {
  if (routesInstalled) return;
  routesInstalled = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href);
    if (url.origin === API_HOST) {
      const [, scenario, version, ...rest] = url.pathname.split('/');
      if (version === 'v1') return storyApi(scenario, `/${rest.join('/')}`, init);
    }
    if (url.pathname.startsWith(FEED_PATH)) {
      const scenario = url.pathname.slice(FEED_PATH.length).replace(/\.json$/, '');
      if (/^[a-z0-9-]+$/.test(scenario)) return Promise.resolve(json(200, scenarioFeed(scenario)));
    }
    return realFetch(input, init);
  };
}

const feedUrl = (scenario: string) => `${FEED_PATH}${scenario}.json`;

interface Seed {
  status: 'pending' | 'sent' | 'rejected';
  options: string[];
  reason?: string;
  /** Seconds until the next automatic try (pending). */
  nextIn?: number;
  pow?: boolean;
}

/**
 * Puts the outbox record the widget would have written for a vote in `scenario` (or removes
 * it), so a story opens in the state after a vote. The shape is the one in src/outbox.ts.
 */
function seed(scenario: string, poll: string, vote: Seed | null): void {
  const api = apiFor(scenario);
  const key = `wir-vote:${api}|${poll}`;
  if (!vote) {
    localStorage.removeItem(key);
    return;
  }
  const record = {
    api,
    poll,
    voter: 'StoryVoterToken0123456789',
    key: crypto.randomUUID(),
    options: vote.options,
    status: vote.status,
    reason: vote.reason,
    tries: vote.status === 'pending' ? 3 : 0,
    next: Date.now() + (vote.nextIn ?? 0) * 1000,
    pow: vote.pow,
  };
  localStorage.setItem(key, JSON.stringify(record));
}

/**
 * Makes this page's storage refuse the voting box's writes as a full one does (QuotaExceededError);
 * returns the cleanup that lifts it. Other keys (Storybook's own) are stored as usual.
 */
function refuseVoteStorage(): () => void {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (key.startsWith('wir-vote')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    setItem.call(this, key, value);
  };
  return () => {
    Storage.prototype.setItem = setItem;
  };
}

/** Resolves once `found` returns something, polling each frame for at most 5 s. */
async function waitFor(found: () => unknown): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!found() && performance.now() < deadline) await new Promise(requestAnimationFrame);
}

// --- rendering -------------------------------------------------------------------------------

function votingBox(args: VotingBoxArgs): TemplateResult {
  installStoryRoutes();
  return html`<wir-voting-box
    src=${ifDefined(args.src || undefined)}
    poll=${ifDefined(args.poll || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    dir=${ifDefined(args.dir || undefined)}
    heading-level=${ifDefined(args['heading-level'] ?? undefined)}
    scheme=${ifDefined(args.scheme || undefined)}
  ></wir-voting-box>`;
}

/**
 * A story in scenario `scenario` for `poll`, opening with the outbox record `vote` (null: none),
 * rendered in `layout`.
 */
function scenarioStory(
  scenario: string,
  poll: string,
  vote: Seed | null,
  extra: Partial<Story> = {},
  layout: (render: WidgetRender<VotingBoxArgs>) => WidgetRender<VotingBoxArgs> = (render) => render,
): Story {
  const render = layout(votingBox);
  return {
    args: { src: feedUrl(scenario), poll },
    render: (args) => {
      installStoryRoutes();
      seed(scenario, poll, vote);
      return render(args);
    },
    ...extra,
  };
}

const meta = {
  title: 'Widgets/Voting Box',
  // Storybook reads attributes, properties, events, parts and custom properties from the
  // custom-elements manifest (generated by .storybook/main.ts) for this tag.
  component: 'wir-voting-box',
  tags: ['autodocs'],
  render: (args) => votingBox(args),
  args: { src: feedUrl('ok-playground'), poll: 'thema' },
  argTypes: {
    src: {
      description: 'URL of the strategy feed. The in-story feeds use an in-memory vote API; the Hannover feed talks to the real one on localhost:8787 (`npm start`).',
      control: { type: 'select', labels: { [feedUrl('ok-playground')]: 'Story feed (in-memory API)', [HANNOVER_FEED]: 'Hannover feed (real API, npm start)' } },
      options: [feedUrl('ok-playground'), HANNOVER_FEED],
      table: { category: 'attributes' },
    },
    poll: {
      description: 'Id of the poll in the feed. Story feed: `thema`, `titel`, `geheim`, `beendet`, `bald`. Hannover feed: `runder-tisch-thema`, `title-vote`.',
      control: { type: 'select' },
      options: ['thema', 'titel', 'geheim', 'beendet', 'bald', 'runder-tisch-thema', 'title-vote', 'does-not-exist'],
      table: { category: 'attributes' },
    },
    lang: langArgType('Reader language (BCP 47). Empty: the toolbar language. `ar-EG` shows Arabic-Indic digits.', ['ar-EG', 'en-GB', 'fr']),
    dir: dirArgType,
    'heading-level': headingLevelArgType('Level of the question heading (2–6); the results heading is one below.'),
    scheme: schemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          'A poll from the strategy feed as an accessible form (radio or checkbox group in a fieldset whose legend is the question), with opening and closing times, a confirmation that takes the focus, and results as a list with numbers and percentages in text when the poll’s rule allows. Votes are kept in the browser until the vote API acknowledged them. These stories run against an in-memory vote API (see the source of this file); use the toolbar to switch language and direction.',
      },
    },
  },
  play: settleBeforeChecks,
} satisfies Meta<VotingBoxArgs>;

export default meta;
type Story = StoryObj<VotingBoxArgs>;

const states = stateStories(votingBox, { poll: 'thema' });

/** Every attribute as a control. Votes here are counted by the in-memory API (reload to reset). */
export const Playground: Story = {
  args: { src: feedUrl('ok-playground'), poll: 'thema', lang: '', dir: '', 'heading-level': 2, scheme: '' },
};

/** An open poll with one answer (radio group; arrow keys move between answers). Results are public. */
export const OpenSingle = scenarioStory('ok-single', 'titel', null, { name: 'Open: single choice' });

/** Up to two answers (checkbox group): a third tick is refused with an explanation. Results after voting. */
export const OpenMultiple = scenarioStory('ok-multiple', 'thema', null, { name: 'Open: up to 2 answers' });

/** After voting in an after-vote poll: the confirmation, the reader's choice, and the interim results. */
export const Counted = scenarioStory('ok-counted', 'thema', { status: 'sent', options: ['wohnen', 'anerkennung'] }, { name: 'Voted: counted, with results' });

/** After voting in a poll whose results come only after it closes. */
export const ResultsHidden = scenarioStory('ok-hidden', 'geheim', { status: 'sent', options: ['vielfalt-verbindet'] }, { name: 'Voted: results hidden until close' });

/** The vote server was unreachable: the vote is kept in the browser and will be sent automatically. */
export const KeptOffline = scenarioStory('down-kept', 'titel', { status: 'pending', options: ['hannover-fuer-alle'], reason: 'network', nextIn: 30 }, { name: 'Server unreachable: vote kept' });

/** The server asked to wait (429, e.g. a school network): the vote is kept and its next try shown. */
export const RateLimited = scenarioStory('limited-wait', 'titel', { status: 'pending', options: ['wir-sind-hannover'], reason: 'rate-limited', nextIn: 120 }, { name: 'Rate limited: vote kept' });

/** The server refused the vote for good (here: an answer the poll no longer has); the form is back. */
export const Rejected = scenarioStory('ok-rejected', 'thema', { status: 'rejected', options: ['jugendbeteiligung'], reason: 'unknown-option' }, { name: 'Refused: unknown answer' });

/** Refused because the poll had closed meanwhile: no form, the reason in words. */
export const RejectedClosed = scenarioStory('ok-rejected-closed', 'titel', { status: 'rejected', options: ['wir-sind-hannover'], reason: 'poll-closed' }, { name: 'Refused: poll closed' });

/** Another tab (same browser token) had voted first: "already voted", no choice claimed. */
export const AlreadyVoted = scenarioStory('ok-elsewhere', 'titel', { status: 'sent', options: ['vielfalt-verbindet'], reason: 'already-voted' }, { name: 'Already voted (another tab)' });

/** The city asks for a proof of work: the browser computes it (SHA-256, no puzzle) and shows progress. */
export const ProofOfWork = scenarioStory('pow-solving', 'titel', null, { name: 'Proof of work (vote to see the progress)' });

/** Closed, results public after closing: no form, the final result. */
export const Closed = scenarioStory('ok-closed', 'beendet', null, { name: 'Closed with results' });

/** Not yet open: the opening time and the answers as a preview; results public (zero). */
export const NotYetOpen = scenarioStory('ok-future', 'bald', null, { name: 'Not yet open' });

/** A poll id the feed does not have: an error that names it. */
export const UnknownPoll = scenarioStory('ok-unknown', 'gibt-es-nicht', null, { name: 'Unknown poll id' });

/** The loading state: a feed request that never finishes; the widget reserves its height. */
export const Loading: Story = { ...states.loading };

/** A feed URL that answers 404: the error message says so and offers a retry button. */
export const ErrorState: Story = {
  name: 'Error (404)',
  ...states.error,
};

/** Arabic: right-to-left, Arabic labels, bars growing from the right. */
export const RightToLeftArabic = scenarioStory('ok-arabic', 'thema', { status: 'sent', options: ['mehrsprachigkeit'] }, { name: 'RTL (Arabic), counted', globals: { locale: 'ar', direction: 'auto' } });

/** Arabic, open form: the radio group's arrow keys follow the reading direction. */
export const RightToLeftArabicForm = scenarioStory('ok-arabic-form', 'titel', null, { name: 'RTL (Arabic), open', globals: { locale: 'ar', direction: 'auto' } });

/** `scheme="dark"` on a dark partner page. */
export const DarkScheme = scenarioStory(
  'ok-dark',
  'titel',
  { status: 'sent', options: ['wir-sind-hannover'] },
  { name: 'Dark scheme', args: { src: feedUrl('ok-dark'), poll: 'titel', scheme: 'dark' }, parameters: { backgrounds: { disable: true } } },
  onDarkPage,
);

/**
 * The browser refuses to store votes (storage full, or blocked by privacy settings) and the vote
 * API is unreachable: the vote waits in this page's memory, and the reader is told to keep the
 * page open until it is counted. The story votes by itself (its play function), as a reader
 * would: the state exists only after a vote in this page.
 */
export const NotStored: Story = {
  name: 'Storage full: vote kept in this page only',
  args: { poll: 'titel' },
  beforeEach: refuseVoteStorage,
  // Each view starts before the vote: with a poll API of its own, which no earlier view (whose
  // vote this page still holds) voted in.
  render: (args) => {
    installStoryRoutes();
    return votingBox({ ...args, src: feedUrl(`down-unstored-${Math.random().toString(36).slice(2, 8)}`) });
  },
  play: async (context) => {
    await settleBeforeChecks(context);
    const box = context.canvasElement.querySelector('wir-voting-box')!;
    const root = box.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="hannover-fuer-alle"]')!.click();
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitFor(() => root.querySelector('[part~="message"]'));
  },
};

/** In a 320 px column (a sidebar): answers and results wrap, nothing overflows. */
export const Narrow = scenarioStory('ok-narrow', 'thema', { status: 'sent', options: ['anerkennung'] }, { name: 'Narrow (320 px), counted' }, narrow);

/** Feed text that looks like HTML, script, template syntax or bidi overrides: shown as characters, runs nothing. */
export const XssInert = scenarioStory('ok-xss', 'xss', null, { name: 'XSS-inert text' });

/**
 * In a widget group (`group="story"`) whose selection is the action field Bildung: the sample
 * feed's poll about that field replaces the element's own poll, under a note that clears the
 * choice. (Its vote API is the demo's, which Storybook does not run: results are unavailable.)
 */
export const GroupFieldPoll: Story = {
  name: 'Widget group: the field’s poll',
  args: { src: HANNOVER_FEED, poll: 'runder-tisch-thema' },
  beforeEach: inGroup('field:bildung'),
  render: (args) =>
    html`<wir-voting-box src=${ifDefined(args.src || undefined)} poll=${ifDefined(args.poll || undefined)} group=${STORY_GROUP}></wir-voting-box>`,
};
