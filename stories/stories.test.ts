/**
 * Every story, rendered as Storybook renders it and checked with axe in real Chromium.
 *
 * Storybook's composeStories does not load under web-test-runner (a CommonJS dependency), so
 * this file composes by hand: meta.args + story.args, the toolbar decorator's
 * `withLocaleArgs` with the story's globals, then the story's (or meta's) render function.
 * One `it` per named export, so a new story is tested without touching this file; a new
 * story module needs one line in `storyModules`.
 */
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as guidelineCarouselStories from './guideline-carousel.stories.js';
import * as timelineStories from './timeline.stories.js';
import * as actionFieldExplorerStories from './action-field-explorer.stories.js';
import * as votingBoxStories from './voting-box.stories.js';
import { defaultLocaleGlobals, withLocaleArgs } from './support/locale.js';
import type { LocaleGlobals } from './support/locale.js';
import { findWidgets, settleWidgets } from './support/settle.js';
import type { WirStoryParameters } from './support/widget-stories.js';

type Args = Record<string, unknown>;
type Render = (args: Args) => TemplateResult;

interface StoryLike {
  name?: string;
  args?: Args;
  globals?: LocaleGlobals;
  parameters?: Record<string, unknown>;
  render?: unknown;
  /** Runs before the story renders, as in Storybook; may return its cleanup. */
  beforeEach?: unknown;
  /** A story's own play function: a reader's action that brings it into its state. */
  play?: unknown;
}

type Play = (context: { canvasElement: HTMLElement; parameters: Record<string, unknown> }) => Promise<void>;

/** Runs the story's own play function, as Storybook does after rendering (meta's play only settles, done here anyway). */
async function play(meta: MetaLike, story: StoryLike, el: HTMLElement): Promise<void> {
  // Storybook's canvas is the element the story renders into: here the fixture's container.
  const canvasElement = el.parentElement ?? el;
  if (typeof story.play === 'function') await (story.play as Play)({ canvasElement, parameters: { ...meta.parameters, ...story.parameters } });
}

interface MetaLike extends StoryLike {
  title: string;
}

const storyModules: Array<{ default: MetaLike } & Record<string, unknown>> = [
  guidelineCarouselStories,
  timelineStories,
  actionFieldExplorerStories,
  votingBoxStories,
];

// Storybook serves demo/feeds at /feeds and stories/fixtures at /fixtures (.storybook/main.ts);
// the test server serves the repository root, so story URLs are mapped onto it.
const staticDirs: Array<[storybookPath: string, repoPath: string]> = [
  ['/feeds/', '/demo/feeds/'],
  ['/fixtures/', '/stories/fixtures/'],
];

function onTestServer(args: Args): Args {
  const mapped: Args = { ...args };
  for (const [key, value] of Object.entries(mapped)) {
    if (typeof value !== 'string') continue;
    const dir = staticDirs.find(([from]) => value.startsWith(from));
    if (dir) mapped[key] = dir[1] + value.slice(dir[0].length);
  }
  return mapped;
}

/** False for stories that show a state that never settles (loading). */
function settles(meta: MetaLike, story: StoryLike): boolean {
  const wir = (story.parameters?.wir ?? meta.parameters?.wir) as WirStoryParameters | undefined;
  return wir?.settles ?? true;
}

function isStory(name: string, value: unknown): value is StoryLike {
  return name !== 'default' && !name.startsWith('__') && typeof value === 'object' && value !== null;
}

/** Renders one story the way Storybook does with the toolbar at its initial values. */
async function mountStory(meta: MetaLike, story: StoryLike): Promise<HTMLElement> {
  const render = (story.render ?? meta.render) as Render;
  const globals = { ...defaultLocaleGlobals, ...meta.globals, ...story.globals };
  const args = withLocaleArgs(onTestServer({ ...meta.args, ...story.args }), globals);
  return fixture<HTMLElement>(render(args));
}

function shadowOf(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no shadow root`);
  return root;
}

for (const module of storyModules) {
  const meta = module.default;

  describe(`${meta.title} stories`, () => {
    for (const [exportName, story] of Object.entries(module)) {
      if (!isStory(exportName, story)) continue;

      it(story.name ?? exportName, async () => {
        // The stories' beforeEach set-ups take no context argument.
        const cleanup = await (story.beforeEach as (() => unknown) | undefined)?.();
        try {
          await checkStory(meta, story);
        } finally {
          if (typeof cleanup === 'function') cleanup();
        }
      });
    }
  });
}

/** Renders a story, waits for its feed and runs axe on it. */
async function checkStory(meta: MetaLike, story: StoryLike): Promise<void> {
  const el = await mountStory(meta, story);
  const widgets = findWidgets(el);
  expect(widgets.length, 'widgets in the story').to.be.greaterThan(0);

  if (settles(meta, story)) {
    expect(await settleWidgets(el), 'the feed settled (loaded or failed) within 5 s').to.equal(true);
  } else {
    // A story that never settles (loading): it must still render its placeholder.
    for (const widget of widgets) await widget.updateComplete;
  }
  await play(meta, story, el);
  for (const widget of widgets) {
    expect(shadowOf(widget).childElementCount, `<${widget.localName}> rendered`).to.be.greaterThan(0);
  }

  await expect(el).to.be.accessible();
}

// What the generic loop cannot know: each state story shows the state it is named after.
describe('Widgets/Guideline Carousel stories show their state', () => {
  const meta = guidelineCarouselStories.default as MetaLike;
  const mountCarousel = async (story: StoryLike) => {
    const el = await mountStory(meta, story);
    const [carousel] = findWidgets(el);
    if (settles(meta, story)) await settleWidgets(el);
    else await carousel.updateComplete;
    return { el, carousel, root: shadowOf(carousel) };
  };

  it('Default shows guideline 1 of 7 from the Hannover feed', async () => {
    const { root } = await mountCarousel(guidelineCarouselStories.Default);
    expect(root.querySelectorAll('[role="tab"]')).to.have.length(7);
    const active = root.querySelector('[part~="slide"][data-active]');
    expect(active?.textContent).to.contain('Offene Stadt der Vielfalt');
  });

  it('Start at guideline 4 opens on the fourth slide', async () => {
    const { root } = await mountCarousel(guidelineCarouselStories.StartAtGuideline4);
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).to.contain('4');
  });

  it('Loading reserves space and is announced as busy', async () => {
    const { root } = await mountCarousel(guidelineCarouselStories.Loading);
    const loading = root.querySelector('[part~="loading"]');
    expect(loading?.getAttribute('aria-busy')).to.equal('true');
    expect((loading as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('Error (404) says so in an alert with a retry button', async () => {
    const { root } = await mountCarousel(guidelineCarouselStories.ErrorState);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('404');
    expect(root.querySelector('[part~="retry-button"]')).to.exist;
  });

  it('One slide has no previous/next buttons and no picker', async () => {
    const { root } = await mountCarousel(guidelineCarouselStories.OneSlide);
    expect(root.querySelector('[part~="next-button"]')).to.equal(null);
    expect(root.querySelector('[role="tablist"]')).to.equal(null);
  });

  it('RTL (Arabic) gets lang="ar" from the toolbar decorator and renders right-to-left', async () => {
    const { carousel, root } = await mountCarousel(guidelineCarouselStories.RightToLeftArabic);
    expect(carousel.getAttribute('lang')).to.equal('ar');
    const base = root.querySelector('[part~="base"]') as HTMLElement;
    expect(getComputedStyle(base).direction).to.equal('rtl');
  });

  it('Narrow (320 px) does not overflow its column', async () => {
    const { el, root } = await mountCarousel(guidelineCarouselStories.Narrow);
    const base = root.querySelector('[part~="base"]') as HTMLElement;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('XSS-inert text shows markup as characters and runs nothing', async () => {
    const { root } = await mountCarousel(guidelineCarouselStories.XssInert);
    const scope = globalThis as { __wirXss?: unknown };
    expect(scope.__wirXss, 'injected script ran').to.equal(undefined);
    expect(root.querySelector('script, style, svg[onload], img[onerror], a[href]')).to.equal(null);
    expect(root.textContent).to.contain('<script>');
    // The image's alt and src stay inside their attributes: no event-handler attribute appears.
    for (const image of root.querySelectorAll('img')) {
      expect(image.getAttributeNames().filter((name) => name.startsWith('on'))).to.deep.equal([]);
    }
  });
});

describe('Widgets/Voting Box stories show their state', () => {
  it('Storage full: the vote waits in this page, and the reader is asked to keep it open', async () => {
    const meta = votingBoxStories.default as MetaLike;
    const story = votingBoxStories.NotStored as StoryLike;
    const cleanup = (story.beforeEach as () => () => void)();
    try {
      const el = await mountStory(meta, story);
      await settleWidgets(el);
      await play(meta, story, el);
      const [box] = findWidgets(el);
      const message = shadowOf(box).querySelector('[part~="message"]');
      expect(message?.textContent).to.match(/konnte in diesem Browser nicht gespeichert werden/);
      expect(message?.textContent).to.match(/solange diese Seite geöffnet ist/);
      expect(message?.getAttribute('data-status')).to.equal('pending');
      // The story's own poll API (named in its feed's address) has nothing in storage.
      const scenario = /([a-z0-9-]+)\.json$/.exec(box.getAttribute('src')!)![1];
      expect(Object.keys(localStorage).filter((key) => key.includes(`/${scenario}/`))).to.deep.equal([]);
    } finally {
      cleanup();
    }
  });
});

// Issue 7's states, shared by the widgets: each story shows the state it is named after.
describe('Connected-reading stories show their state', () => {
  /** Renders the story with its set-up in place, runs `check` on the widget's shadow root, then cleans up. */
  const shown = async (module: { default: MetaLike }, story: StoryLike, check: (root: ShadowRoot) => void) => {
    // Widgets of earlier stories leave first, so the story's group starts from its address.
    fixtureCleanup();
    const cleanup = await (story.beforeEach as (() => unknown) | undefined)?.();
    try {
      const el = await mountStory(module.default, story);
      await settleWidgets(el);
      const [widget] = findWidgets(el);
      // The group module loads on demand; its re-render follows the first one.
      if (widget.hasAttribute('group')) await waitUntil(() => 'selection' in widget && widget.selection, 'the group module loaded');
      await widget.updateComplete;
      check(shadowOf(widget));
    } finally {
      if (typeof cleanup === 'function') cleanup();
    }
  };

  it('the carousel in a group names the guidelines the chosen field serves', () =>
    shown(guidelineCarouselStories, guidelineCarouselStories.GroupFieldChosen, (root) => {
      const buttons = [...root.querySelectorAll('[part~="served"] button')].map((b) => b.textContent!.trim());
      expect(buttons).to.deep.equal(['Leitlinie 2', 'Leitlinie 5', 'Leitlinie 6']);
    }));

  it('Leichte Sprache shows easy-German texts with their lang', () =>
    shown(guidelineCarouselStories, guidelineCarouselStories.EasyGerman, (root) => {
      expect(root.querySelector('[part~="easy-language"]')!.getAttribute('aria-pressed')).to.equal('true');
      expect(root.querySelector('#slide-0 .slide-title [lang="de-x-ls"]')).to.not.equal(null);
    }));

  it('the offline stories show the saved copy with its badge', async () => {
    for (const [module, story] of [
      [guidelineCarouselStories, guidelineCarouselStories.OfflineCopy],
      [timelineStories, timelineStories.OfflineCopy],
    ] as const) {
      await shown(module, story, (root) =>
        expect(root.querySelector('[part~="freshness"] .wir-stale')?.textContent).to.match(/Offline: gespeicherte Fassung vom/),
      );
    }
  });

  it('the timeline in a group lists only the chosen field’s entries', () =>
    shown(timelineStories, timelineStories.GroupFieldChosen, (root) => {
      const ids = [...root.querySelectorAll('[part~="entry"]')].map((li) => li.id);
      expect(ids).to.deep.equal(['entry-lenkungsgruppe-und-klausur', 'entry-lenkungsgruppe-bildung']);
      expect(root.querySelector('[part~="selection-note"]')).to.not.equal(null);
    }));

  it('the voting box in a group shows the chosen field’s poll', () =>
    shown(votingBoxStories, votingBoxStories.GroupFieldPoll, (root) => {
      expect(root.querySelector('[part~="base"]')!.textContent).to.match(/Jugend/);
      expect(root.querySelector('[part~="selection-note"]')).to.not.equal(null);
    }));
});
