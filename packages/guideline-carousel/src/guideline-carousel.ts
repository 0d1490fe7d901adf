import { guidelinesPart } from '@wir/feed';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { WirElement, renderEmpty, renderError, renderLoading, safeImageSrc } from '@wir/core';
import type { Selection } from '@wir/core';
import type { Guideline } from '@wir/feed';
import { autoplayController, realClock } from './autoplay-controller.js';
import type { AutoplayClock } from './autoplay-controller.js';
import { swipeController } from './swipe-controller.js';
import { WirSlideChangeEvent } from './events.js';
import { styles } from './guideline-carousel.styles.js';

// The template strings of each heading level, made once: lit-html caches a template by the
// identity of its strings array.
const headingStrings: TemplateStringsArray[] = [];

/**
 * A heading of the given level (2–6), with the class `name` and `name` also as its id (the
 * carousel's heading) or as its part (a slide's). One template whose tag name is in its strings,
 * the way lit/static-html does it without shipping that module; lit-html accepts only arrays
 * marked as template strings (an own `raw`), which these are. The level is always an integer
 * 2–6 (see #level), never text from outside.
 */
function heading(level: number, name: string, asId: boolean, content: unknown): TemplateResult {
  const tag = `h${level}`;
  const strings = (headingStrings[level] ??= Object.assign([`<${tag} class=`, ' id=', ' part=', '>', `</${tag}>`], {
    raw: [],
  }) as unknown as TemplateStringsArray);
  return html(strings, name, asId ? name : nothing, asId ? nothing : name, content);
}

// The view of the guidelines an action field chosen in the widget group serves: only a carousel
// in a group can show it, so only such a carousel loads it, like core's group module.
let servedView: typeof import('./internal/served.js') | undefined;
let servedViewLoad: Promise<void> | undefined;
const loadServedView = (): Promise<void> =>
  (servedViewLoad ??= import('./internal/served.js').then((module) => {
    servedView = module;
  }));

const MIN_INTERVAL_SECONDS = 4;
const DEFAULT_INTERVAL_SECONDS = 8;

/**
 * The guidelines (Leitlinien) of the strategy as a carousel: one guideline at a time, with
 * previous/next buttons, a tabbed slide picker and, when `autoplay` is set, a rotation control.
 * Follows the WAI-ARIA APG carousel pattern, "tabbed" variant.
 *
 * @summary The strategy's guidelines as an accessible, swipeable carousel.
 *
 * @csspart base - The carousel region (`<section>`).
 * @csspart header - Heading and strategy title above the controls.
 * @csspart controls - The bar with rotation, previous/next, status and picker.
 * @csspart rotation-button - Stops or starts automatic rotation (only with `autoplay`).
 * @csspart previous-button - Shows the previous guideline.
 * @csspart next-button - Shows the next guideline.
 * @csspart status - The visible "3 / 7" position.
 * @csspart picker - The tab list for choosing a guideline.
 * @csspart picker-button - One tab of the picker.
 * @csspart slides - The live region holding the slides.
 * @csspart slide - One guideline.
 * @csspart slide-heading - Number and title of a guideline.
 * @csspart image - A guideline's image.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - The retry button of the error state.
 * @csspart empty - The message shown when the feed has no guidelines.
 * @csspart measures-link - "Maßnahmen zu dieser Leitlinie" on a slide: a button in a widget group, else a link to the feed's measures page.
 * @csspart served - In a widget group with an action field chosen: the guidelines that field serves, each a button.
 * @csspart easy-language - The Leichte Sprache switch (German readers, feeds with easy-German texts).
 * @csspart freshness - The "Stand:" line with the feed's date, and an offline badge on a saved copy.
 *
 * @cssprop --wir-carousel-min-height - Height reserved while loading and kept as the minimum (default by the carousel's width: 34rem up to 24rem, 33rem up to 28rem, 28rem up to 36rem, else 22rem).
 * @cssprop --wir-carousel-gap - Space between the carousel's parts (default --wir-space-m).
 * @cssprop --wir-carousel-padding - Inner padding (default --wir-space-l).
 * @cssprop --wir-carousel-image-ratio - Aspect ratio of guideline images (default 16 / 9).
 * @cssprop --wir-color-accent - Accent colour of buttons and the selected tab; see @wir/core for all tokens.
 *
 * @fires {WirSlideChangeEvent} wir-slide-change - Another slide is shown after a user action or auto-rotation; detail `{ index, id, number, cause }`.
 * @fires {WirFeedLoadEvent} wir-feed-load - The feed loaded (from @wir/core).
 * @fires {WirFeedErrorEvent} wir-feed-error - The feed failed to load (from @wir/core).
 */
export class WirGuidelineCarousel extends WirElement {
  static override styles = [...WirElement.styles, styles];
  static override feedPart = guidelinesPart;

  // Declared here rather than with @property/@state decorators: the same reactive properties
  // without the decorator helpers and per-field calls in the bundle (0.4 kB gzip). Each field
  // below keeps its JSDoc. `attribute: false` is implied by `state`, but the manifest analyzer
  // only recognises the explicit form.
  static override properties: PropertyDeclarations = {
    index: { state: true, attribute: false },
    motion: { state: true, attribute: false },
    start: { reflect: true },
    autoplay: { type: Boolean, reflect: true },
    interval: { type: Number, reflect: true },
    heading: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', reflect: true },
  };

  private index = 0;
  // Set when a user or rotation moved the carousel, to animate in that direction.
  private motion: 'forward' | 'backward' | undefined;

  /** Guideline to show first: its id (`leitlinie-3`) or number (`3`). Unknown values show the first. */
  start?: string;

  /** Rotate through the guidelines automatically. Never rotates when the reader prefers reduced motion. */
  autoplay = false;

  /** Seconds between automatic steps (default 8, at least 4). */
  interval = DEFAULT_INTERVAL_SECONDS;

  /** Visible heading text instead of the default ("Leitlinien"). */
  heading?: string;

  /** Level of the carousel heading (2–6, default 2); each guideline's title is one level below. */
  headingLevel = 2;

  /**
   * Timer used for rotation. Replace only in tests (a manual clock makes timing exact).
   * @internal
   */
  autoplayClock: AutoplayClock = realClock;

  readonly #autoplayController = autoplayController(this, {
    onTick: () => this.#step(1, 'rotation'),
    interval: () => this.#intervalMs,
    enabled: () => this.autoplay && this.#guidelines.length > 1,
    clock: () => this.autoplayClock,
  });

  #appliedFeed?: { guidelines: Guideline[] };

  constructor() {
    super();
    swipeController(
      this,
      // No slides rendered: querySelector gives null, which no event path contains.
      (path) => path.includes(this.renderRoot.querySelector('.slides')!),
      (towards) => this.#step((this.#isRtl() ? towards === 'right' : towards === 'left') ? 1 : -1, 'user'),
    );
    // As the APG carousel pattern asks: keyboard focus inside stops rotation until the reader
    // starts it again with the rotation control (which then says so); focus from a click only
    // pauses it, like hover.
    this.addEventListener('focusin', (event) => {
      const autoplay = this.#autoplayController;
      if (autoplay.playing && (event.composedPath()[0] as Element).matches(':focus-visible')) autoplay.toggle();
      else autoplay.pause('focus');
    });
    this.addEventListener('focusout', (event) => {
      // Moves inside the shadow root never reach the host (relatedTarget retargets to it), and
      // contains(null) (focus left the page) is false.
      if (!this.contains(event.relatedTarget as Node | null)) {
        this.#autoplayController.resume('focus');
      }
    });
  }

  /** Zero-based index of the guideline shown. */
  get currentIndex(): number {
    return this.index;
  }

  get #guidelines(): Guideline[] {
    return this.feed.feed?.guidelines ?? [];
  }

  get #intervalMs(): number {
    const seconds = Number.isFinite(this.interval) ? this.interval : DEFAULT_INTERVAL_SECONDS;
    return Math.max(MIN_INTERVAL_SECONDS, seconds) * 1000;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Fetched alongside core's group module, so it is there when a selection is.
    if (this.group) this.#servedLoad ??= loadServedView().then(() => this.requestUpdate());
    const feed = this.feed.feed;
    // `start` applies when it changes and when the first feed arrives — silently, no event. A
    // refreshed feed (a fresh copy replacing an offline one) keeps the reader on their guideline.
    if (changed.has('start') || (feed && feed !== this.#appliedFeed)) {
      const kept = this.#indexOf(!changed.has('start') && this.#appliedFeed?.guidelines[this.index]?.id);
      this.#appliedFeed = feed;
      this.index = kept >= 0 ? kept : this.#startIndex();
      this.motion = undefined;
    }
    // A guideline chosen in another widget of the group shows here too (silently, like `start`).
    const chosen = this.selection?.value;
    if (chosen !== this.#appliedSelection) {
      this.#appliedSelection = chosen;
      const found = this.#indexOf(chosen?.kind == 'guideline' && chosen.id);
      if (found >= 0) this.index = found;
    }
    if (this.index >= this.#guidelines.length) this.index = 0;
  }

  #appliedSelection?: Selection;

  /** Position of the guideline with this id; -1 for none (or no id: false, undefined). */
  #indexOf(id: string | false | undefined): number {
    return this.#guidelines.findIndex((g) => g.id === id);
  }
  #servedLoad?: Promise<void>;

  /**
   * Where "what is done about it" leads: in a widget group, the guideline is chosen for the
   * group (an explorer in it shows the fields serving it); otherwise the feed's measures page,
   * with the explorer's deep link. Nothing when no action field serves the guideline.
   */
  #renderMeasuresLink(guideline: Guideline): TemplateResult | typeof nothing {
    const feed = this.feed.feed!;
    if (!feed.actionFields.some((f) => f.guidelines?.includes(guideline.id))) return nothing;
    const label = msg('Maßnahmen zu dieser Leitlinie', { id: 'carousel.measures', desc: 'Link or button from a guideline to the measures of the action fields that serve it.' });
    // Decided by the attribute: the group's module may still be loading, and a link elsewhere
    // must not be offered to a reader who should stay on this page.
    if (this.group)
      return html`<button class="wir-button measures-link" part="measures-link" @click=${() => this.choose({ kind: 'guideline', id: guideline.id }, false, true)}>${label}</button>`;
    if (!feed.strategy.measuresPage) return nothing;
    // A fragment on the measures page names the explorer's element id ("/#massnahmen"): its
    // state segment then carries that id, and the anchor stays first for the page.
    const page = new URL(feed.strategy.measuresPage, this.feed.result!.url);
    const anchor = page.hash.slice(1);
    page.hash = `${anchor ? anchor + '&wir-explorer.' + anchor : 'wir-explorer'}=guideline:${guideline.id}`;
    // The schema admits only http(s) and relative links here, resolved against the http(s) feed.
    return html`<a class="measures-link" part="measures-link" href=${page.href}>${label}</a>`;
  }

  /** In a widget group with an action field chosen: the guidelines that field serves, to jump to. */
  #renderServed(list: Guideline[]): TemplateResult | typeof nothing {
    const chosen = this.selection?.value;
    const field = chosen?.kind == 'field' && this.feed.feed!.actionFields.find((f) => f.id == chosen.id);
    return field && servedView
      ? servedView.renderServed(list, field, (text) => this.t(text), (index) => this.#goTo(index, 'user'))
      : nothing;
  }

  #startIndex(): number {
    const wanted = this.start?.trim();
    if (!wanted) return 0;
    let found = this.#indexOf(wanted);
    if (found < 0 && /^\d+$/.test(wanted)) found = this.#guidelines.findIndex((g) => g.number === Number(wanted));
    return Math.max(found, 0);
  }

  // The carousel renders with dir=${this.dir}, so this is the direction its arrows and swipes follow.
  #isRtl(): boolean {
    return this.dir === 'rtl';
  }

  #goTo(index: number, cause: 'user' | 'rotation', motion?: 'forward' | 'backward'): void {
    const list = this.#guidelines;
    if (list.length === 0) return;
    const next = ((index % list.length) + list.length) % list.length;
    if (next === this.index) return;
    this.motion = motion ?? (next > this.index ? 'forward' : 'backward');
    this.index = next;
    if (cause === 'user') this.#autoplayController.restart();
    const guideline = list[next];
    // Built first, then dispatched: the manifest analyzer would list a nameless second event for
    // an inline \`dispatchEvent(new …)\`; the documented one is the @fires tag above.
    const event = new WirSlideChangeEvent({ index: next, id: guideline.id, number: guideline.number, cause });
    this.dispatchEvent(event);
  }

  #step(delta: 1 | -1, cause: 'user' | 'rotation'): void {
    this.#goTo(this.index + delta, cause, delta > 0 ? 'forward' : 'backward');
  }

  #onPickerKeydown(event: KeyboardEvent): void {
    const last = this.#guidelines.length - 1;
    const ahead = this.#isRtl() ? -1 : 1;
    let target: number | undefined = { ArrowRight: this.index + ahead, ArrowLeft: this.index - ahead, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Arrows wrap around, like the previous/next buttons.
    if (target < 0) target = last;
    if (target > last) target = 0;
    this.#goTo(target, 'user');
    // Only the picker's tabs carry aria-selected.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-selected=true]')?.focus());
  }

  #onPointerEnter(event: PointerEvent): void {
    if (event.pointerType === 'mouse' || event.pointerType === 'pen') this.#autoplayController.pause('hover');
  }

  // Levels outside 2–6 are brought into it, and no number at all (NaN) means 2; at 6 the titles
  // stay h6 too.
  #level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  #headingText(): string {
    return this.heading?.trim() || msg('Leitlinien', { id: 'carousel.heading', desc: 'Default heading of the guideline carousel ("Leitlinien" = guiding principles of the strategy).' });
  }

  // Words rather than "3 / 7": a slash between numbers reads backwards in RTL.
  #positionLabel(position: number, total: number): string {
    return msg(str`${position} von ${total}`, { id: 'carousel.slideLabel', desc: 'Position of a slide, e.g. "3 von 7" = "3 of 7".' });
  }

  /** The rotation, previous and next buttons: an icon, named by `label` for screen readers. */
  #renderIconButton(part: string, label: string, icon: 'previous' | 'next' | 'pause' | 'play', onClick: () => void): TemplateResult {
    const paths = {
      previous: 'M15 5l-7 7 7 7',
      next: 'M9 5l7 7-7 7',
      pause: 'M8 5v14M16 5v14',
      play: 'M7 4.5l12 7.5-12 7.5z',
    };
    // One template: the HTML parser puts <path> inside <svg> into the SVG namespace by itself.
    return html`<button class="wir-button icon-button" part=${part} type="button" aria-controls="slides" aria-label=${label} @click=${onClick}>
      <svg class=${part == 'rotation-button' ? 'icon' : 'icon mirrored'} viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${paths[icon]}></path></svg>
    </button>`;
  }

  #renderControls(list: Guideline[]): TemplateResult {
    const autoplay = this.#autoplayController;
    const total = list.length;
    return html`<div class="controls" part="controls">
      ${autoplay.available
        ? this.#renderIconButton(
            'rotation-button',
            autoplay.playing
              ? msg('Automatischen Wechsel anhalten', { id: 'carousel.stopRotation', desc: 'Rotation control label while slides change automatically.' })
              : msg('Automatischen Wechsel starten', { id: 'carousel.startRotation', desc: 'Rotation control label while automatic slide changes are stopped.' }),
            autoplay.playing ? 'pause' : 'play',
            () => autoplay.toggle(),
          )
        : nothing}
      <div class="nav">
        ${this.#renderIconButton(
          'previous-button',
          msg('Vorherige Leitlinie', { id: 'carousel.previous', desc: 'Button that shows the previous guideline.' }),
          'previous',
          () => this.#step(-1, 'user'),
        )}
        <p class="status" part="status" aria-hidden="true">${this.#positionLabel(this.index + 1, total)}</p>
        ${this.#renderIconButton(
          'next-button',
          msg('Nächste Leitlinie', { id: 'carousel.next', desc: 'Button that shows the next guideline.' }),
          'next',
          () => this.#step(1, 'user'),
        )}
      </div>
      <div
        class="picker"
        part="picker"
        role="tablist"
        aria-label=${msg('Leitlinie auswählen', { id: 'carousel.picker', desc: 'Label of the list of tabs that choose a guideline.' })}
        @keydown=${this.#onPickerKeydown}
      >
        ${list.map((guideline, i) => {
          const selected = i === this.index;
          const number = guideline.number;
          return html`<button
            class="picker-button"
            part="picker-button"
            type="button"
            role="tab"
            id="tab-${i}"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="slide-${i}"
            tabindex=${selected ? 0 : -1}
            @click=${() => this.#goTo(i, 'user')}
          >
            <span class="visually-hidden">${msg(str`Leitlinie ${number}`, { id: 'carousel.tab', desc: 'Screen-reader name of a picker tab; the placeholder is the guideline number.' })}</span>
            <span aria-hidden="true">${number}</span>
          </button>`;
        })}
      </div>
    </div>`;
  }

  #renderSlide(guideline: Guideline, i: number, total: number): TemplateResult {
    const active = i === this.index;
    const image = guideline.image;
    // Relative to the feed file, like every path in the feed.
    const src = image ? safeImageSrc(image.src, this.feed.result!.url) : undefined;
    const alt = image ? (this.resolve(image.alt)?.text ?? '') : '';
    const level = Math.min(this.#level() + 1, 6);
    const position = i + 1;
    const number = guideline.number;
    return html`<div
      class="slide"
      part="slide"
      id="slide-${i}"
      role="tabpanel"
      aria-roledescription=${msg('Folie', { id: 'carousel.slideRole', desc: 'Screen-reader role description of one slide (aria-roledescription).' })}
      aria-label=${this.#positionLabel(position, total)}
      ?data-active=${active}
      ?inert=${!active}
    >
      ${src ? html`<img class="image" part="image" src=${src} alt=${alt} loading="lazy" decoding="async" />` : nothing}
      <div class="slide-body">
        ${heading(
          level,
          'slide-heading',
          false,
          html`<span class="slide-number">${msg(str`Leitlinie ${number}`, { id: 'carousel.slideNumber', desc: 'Label before a guideline title; the placeholder is its number.' })}</span>
            <span class="slide-title">${this.t(guideline.title)}</span>`,
        )}
        <p class="slide-text">${this.t(guideline.text)}</p>
        ${this.#renderMeasuresLink(guideline)}
      </div>
    </div>`;
  }

  #renderCarousel(list: Guideline[]): TemplateResult {
    const single = list.length === 1;
    const level = this.#level();

    return html`<section
      class="base"
      part="base"
      lang=${this.uiLocale}
      dir=${this.dir}
      aria-roledescription=${msg('Karussell', { id: 'carousel.role', desc: 'Screen-reader role description of the whole carousel (aria-roledescription).' })}
      aria-labelledby="heading"
      @pointerenter=${this.#onPointerEnter}
      @pointerleave=${() => this.#autoplayController.resume('hover')}
    >
      <div class="header" part="header">
        ${heading(level, 'heading', true, this.#headingText())}
        <p class="strategy">${this.t(this.feed.feed!.strategy.title)}</p>
        ${this.renderEasyToggle()}
      </div>
      ${this.#renderServed(list)} ${single ? nothing : this.#renderControls(list)}
      <div
        class="slides"
        part="slides"
        id="slides"
        aria-live=${this.#autoplayController.rotating ? 'off' : 'polite'}
        data-motion=${this.motion ?? 'none'}
      >
        ${list.map((g, i) => this.#renderSlide(g, i, list.length))}
      </div>
      ${this.renderFreshness()}
    </section>`;
  }

  // Loading, error and empty states carry the UI language and direction like the carousel does.
  #renderState(content: TemplateResult): TemplateResult {
    return html`<div class="state" lang=${this.uiLocale} dir=${this.dir}>${content}</div>`;
  }

  protected override render(): TemplateResult {
    const { state, error } = this.feed;
    if (state === 'loading') return this.#renderState(renderLoading('var(--_min-height)'));
    if (state === 'error') return this.#renderState(renderError(error!, () => this.feed.retry()));
    if (state === 'idle') {
      return this.#renderState(
        renderEmpty(msg('Für diese Leitlinien ist keine Datenquelle angegeben.', { id: 'carousel.noSource', desc: 'Shown when the element has no feed URL (no src attribute, no page default).' })),
      );
    }
    const list = this.#guidelines;
    if (list.length === 0) {
      return this.#renderState(
        renderEmpty(msg('Es sind noch keine Leitlinien veröffentlicht.', { id: 'carousel.empty', desc: 'Shown when the feed contains no guidelines.' })),
      );
    }
    return this.#renderCarousel(list);
  }
}
