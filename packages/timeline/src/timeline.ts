import { html, nothing, svg } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WirElement, renderEmpty, renderError, renderLoading, safeHref } from '@wir/core';
import { timelineKinds } from '@wir/feed';
import type { TimelineEntry, TimelineKind } from '@wir/feed';
import { calendarDays, entrySpan, entryStatus, formatDay, formatEntryDate, formattingLocale, isoDay, nowIndex, sortEntries } from './dates.js';
import type { EntryStatus } from './dates.js';
import type { CalendarEvent } from './ics.js';
import { OverflowController } from './overflow-controller.js';
import { TodayController } from './today-controller.js';
import { WirEntrySelectEvent } from './events.js';
import { styles } from './timeline.styles.js';

/**
 * A heading of the given level (2–6). Plain templates per level rather than lit/static-html,
 * which would add its template machinery to the widget bundle for this one use.
 */
function heading(level: number, className: string, id: string | undefined, part: string | undefined, content: unknown): TemplateResult {
  const i = id ?? nothing;
  const p = part ?? nothing;
  switch (level) {
    case 3:
      return html`<h3 class=${className} id=${i} part=${p}>${content}</h3>`;
    case 4:
      return html`<h4 class=${className} id=${i} part=${p}>${content}</h4>`;
    case 5:
      return html`<h5 class=${className} id=${i} part=${p}>${content}</h5>`;
    case 6:
      return html`<h6 class=${className} id=${i} part=${p}>${content}</h6>`;
    default:
      return html`<h2 class=${className} id=${i} part=${p}>${content}</h2>`;
  }
}

interface Row {
  entry: TimelineEntry;
  status: EntryStatus;
}

interface Download {
  href: string;
  filename: string;
}

/** A calendar event before it has its UID (which the lazily loaded iCalendar module builds). */
type PendingEvent = Omit<CalendarEvent, 'uid'> & { entryId: string };

type IcsModule = typeof import('./ics.js');
let icsModule: IcsModule | undefined;
let icsLoading: Promise<IcsModule> | undefined;

/**
 * The iCalendar writer is loaded on first need: most readers never download a calendar file,
 * and a feed whose upcoming entries are all month- or year-precise never offers one.
 */
function loadIcs(): Promise<IcsModule> {
  icsLoading ??= import('./ics.js').then((module) => (icsModule = module));
  return icsLoading;
}

/** Splits `kinds="phase, milestone"`; unknown words are ignored, and nothing valid means all. */
function parseKinds(value: string | undefined): Set<TimelineKind> {
  const wanted = (value ?? '')
    .split(/[\s,]+/)
    .map((word) => word.trim().toLowerCase())
    .filter((word): word is TimelineKind => (timelineKinds as readonly string[]).includes(word));
  return new Set(wanted.length ? wanted : timelineKinds);
}

/**
 * The strategy's timeline: phases, milestones and events in date order, each marked past,
 * current or upcoming, with a "today" marker in the list. Narrow containers get a vertical
 * list, wide ones a horizontal track that scrolls; both are one ordered list in reading order.
 * Entries open by their title to show text, a details link and — for what is still to come —
 * an iCalendar download.
 *
 * @summary The strategy's phases, milestones and events, past, current and upcoming.
 *
 * @csspart base - The timeline region (`<section>`).
 * @csspart header - Heading and strategy title.
 * @csspart filter - The group of kind filter buttons.
 * @csspart filter-button - One kind filter toggle (`aria-pressed`).
 * @csspart summary - "Angezeigt: 5 von 9", a polite live region.
 * @csspart list - The ordered list (a horizontal scroll track in wide containers).
 * @csspart entry - One entry (`<li>`); carries `data-kind`, `data-status` and `data-selected`.
 * @csspart marker - The shape on the line: bar (phase), diamond (milestone), dot (event).
 * @csspart date - The entry's date or period.
 * @csspart status - The entry's status in words (past, in progress, today, upcoming).
 * @csspart title - The entry's heading.
 * @csspart title-button - The button in the heading that opens the entry.
 * @csspart details - The opened part: text and links.
 * @csspart link - The "read more" link to the feed's details page.
 * @csspart calendar-link - The .ics download of one entry.
 * @csspart calendar-all-link - The .ics download of all upcoming entries shown.
 * @csspart now - The "today" marker in the list.
 * @csspart show-all-button - Lifts `limit`.
 * @csspart scroll-earlier-button - Scrolls the horizontal track towards earlier entries (only while it overflows).
 * @csspart scroll-later-button - Scrolls the horizontal track towards later entries.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - The retry button of the error state.
 * @csspart empty - The message when nothing is there to show.
 * @csspart empty-button - The button in the empty state that widens the selection.
 *
 * @cssprop --wir-timeline-min-height - Height reserved while loading (default 16rem).
 * @cssprop --wir-timeline-gap - Space between entries (default --wir-space-m).
 * @cssprop --wir-timeline-padding - Inner padding (default --wir-space-l).
 * @cssprop --wir-timeline-item-size - Width of an entry in the horizontal track (default 16rem).
 * @cssprop --wir-timeline-line-color - Colour of the time line (default --wir-color-border).
 * @cssprop --wir-color-accent - Accent colour of current entries, the today marker and buttons; see @wir/core for all tokens.
 *
 * @fires {WirEntrySelectEvent} wir-entry-select - The reader opened an entry by its title; detail `{ id, kind }`. Never fired when `entry` is set.
 * @fires {WirFeedLoadEvent} wir-feed-load - The feed loaded (from @wir/core).
 * @fires {WirFeedErrorEvent} wir-feed-error - The feed failed to load (from @wir/core).
 */
export class WirTimeline extends WirElement {
  static override styles = [...WirElement.styles, styles];

  // Kinds the reader has switched on: the `kinds` preset, then the filter buttons.
  @state() private activeKinds: Set<TimelineKind> = parseKinds(undefined);
  @state() private openIds = new Set<string>();
  @state() private selectedId?: string;
  // The reader lifted `limit` or `upcoming` from inside the widget.
  @state() private limitLifted = false;
  @state() private pastShown = false;

  /** Date taken as today, `YYYY-MM-DD` (previews and tests); default: the reader's local date. */
  @property({ reflect: true }) today?: string;

  /** Kinds shown at first, comma-separated: `phase`, `milestone`, `event`. Default: all. */
  @property({ reflect: true }) kinds?: string;

  /** Show only current and upcoming entries (a "next dates" sidebar). */
  @property({ type: Boolean, reflect: true }) upcoming = false;

  /** Show at most this many entries (after filtering), with a button to show the rest. */
  @property({ type: Number, reflect: true }) limit?: number;

  /** Id of an entry to open, scroll to and focus (a deep link), shown even if filters hide it. Unknown ids are ignored. */
  @property({ reflect: true }) entry?: string;

  /** Hide the kind filter buttons (a compact sidebar). */
  @property({ type: Boolean, attribute: 'no-filter', reflect: true }) noFilter = false;

  /** Visible heading text instead of the default ("Zeitleiste", or "Nächste Termine" with `upcoming`). */
  @property({ reflect: true }) heading?: string;

  /** Level of the timeline heading (2–6, default 2); entry titles are one level below. */
  @property({ type: Number, attribute: 'heading-level', reflect: true }) headingLevel = 2;

  private readonly todayController = new TodayController(this, () => this.today);
  private readonly overflow = new OverflowController(this, () => this.listElement);

  private appliedFeed?: object;
  private sortedFor?: readonly TimelineEntry[];
  private sortedEntries: TimelineEntry[] = [];
  private pendingFocus?: string;
  private pendingNowScroll = false;
  private downloads = new Map<string, Download>();
  private usedDownloads = new Set<string>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const { href } of this.downloads.values()) URL.revokeObjectURL(href);
    this.downloads.clear();
  }

  private get listElement(): HTMLElement | null {
    return this.renderRoot.querySelector('.list');
  }

  /** All entries of the feed in timeline order (sorted once per feed). */
  private get sorted(): TimelineEntry[] {
    const timeline = this.feed.feed?.timeline ?? [];
    if (this.sortedFor !== timeline) {
      this.sortedFor = timeline;
      this.sortedEntries = sortEntries(timeline);
    }
    return this.sortedEntries;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('kinds')) this.activeKinds = parseKinds(this.kinds);
    if (changed.has('limit')) this.limitLifted = false;
    if (changed.has('upcoming')) this.pastShown = false;

    const feed = this.feed.feed;
    const newFeed = !!feed && feed !== this.appliedFeed;
    if (newFeed) {
      this.appliedFeed = feed;
      this.pendingNowScroll = true;
    }
    if (changed.has('today')) this.pendingNowScroll = true;
    // The deep link applies when it changes and when a (new) feed arrives — silently, no event.
    if ((changed.has('entry') || newFeed) && this.entry) this.applyDeepLink(this.entry.trim());
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const [key, download] of this.downloads) {
      if (!this.usedDownloads.has(key)) {
        URL.revokeObjectURL(download.href);
        this.downloads.delete(key);
      }
    }
    if (this.pendingFocus) {
      const id = this.pendingFocus;
      this.pendingFocus = undefined;
      this.pendingNowScroll = false;
      this.revealEntry(id);
    } else if (this.pendingNowScroll && this.listElement) {
      this.pendingNowScroll = false;
      this.scrollTrackToNow();
    }
  }

  /**
   * Shows the linked entry whatever hides it — its kind switched off, `upcoming` for a past
   * entry, `limit` — because a reader who follows a link expects to land on that entry.
   */
  private applyDeepLink(id: string): void {
    const entry = this.sorted.find((e) => e.id === id);
    if (!entry) return;
    if (!this.activeKinds.has(entry.kind)) this.activeKinds = new Set(this.activeKinds).add(entry.kind);
    const status = entryStatus(entry, this.todayController.value);
    if (this.upcoming && status === 'past') this.pastShown = true;
    if (!this.visibleRows().rows.some((row) => row.entry.id === id)) this.limitLifted = true;
    this.selectedId = id;
    if (this.hasDetails(entry, status)) this.openIds = new Set(this.openIds).add(id);
    this.pendingFocus = id;
  }

  private prefersReducedMotion(): boolean {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  }

  private revealEntry(id: string): void {
    const item = this.renderRoot.querySelector<HTMLElement>(`#entry-${CSS.escape(id)}`);
    if (!item) return;
    const target = item.querySelector<HTMLElement>('.title-button') ?? item;
    target.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'center', inline: 'nearest', behavior: this.prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  // A wide track opens where "now" is, not at the oldest entry; only the track moves, never the page.
  private scrollTrackToNow(): void {
    const list = this.listElement;
    const now = list?.querySelector<HTMLElement>('.now');
    if (!list || !now || list.scrollWidth <= list.clientWidth + 1) return;
    const listBox = list.getBoundingClientRect();
    const nowBox = now.getBoundingClientRect();
    const delta = nowBox.left + nowBox.width / 2 - (listBox.left + listBox.width / 2);
    list.scrollBy({ left: delta, behavior: 'instant' });
  }

  // --- data -----------------------------------------------------------------------------------

  /**
   * `all`: entries of the active kinds in the active time window (what filters allow);
   * `rows`: those actually listed (after `limit`).
   */
  private visibleRows(): { window: Row[]; all: Row[]; rows: Row[]; truncated: boolean } {
    const today = this.todayController.value;
    const upcomingOnly = this.upcoming && !this.pastShown;
    const window = this.sorted
      .map((entry) => ({ entry, status: entryStatus(entry, today) }))
      .filter((row) => !upcomingOnly || row.status !== 'past');
    const all = window.filter((row) => this.activeKinds.has(row.entry.kind));
    const limit = Math.trunc(Number(this.limit));
    const limited = !this.limitLifted && Number.isFinite(limit) && limit > 0 && all.length > limit;
    return { window, all, rows: limited ? all.slice(0, limit) : all, truncated: limited };
  }

  private calendarEvent(entry: TimelineEntry, status: EntryStatus): PendingEvent | undefined {
    if (status === 'past') return undefined;
    const days = calendarDays(entry);
    const feed = this.feed.feed;
    if (!days || !feed) return undefined;
    const title = this.resolve(entry.title)!;
    const text = this.resolve(entry.text);
    const link = this.linkOf(entry);
    const url = link && /^https?:/i.test(link) ? link : undefined;
    // Many calendar apps show DESCRIPTION but ignore URL, so the link goes into both.
    const description = [text?.text, url].filter(Boolean).join('\n\n') || undefined;
    return {
      entryId: entry.id,
      firstDay: days.start,
      lastDay: days.end,
      summary: title.text,
      description,
      url,
      language: title.lang,
    };
  }

  /**
   * A Blob URL for an .ics file, reused while its content stays the same and revoked when no
   * longer shown. Undefined until the iCalendar module has loaded; the element renders again then.
   */
  private download(events: PendingEvent[], name: string): Download | undefined {
    const ics = icsModule;
    const feed = this.feed.feed;
    if (!ics || !feed) {
      void loadIcs().then(() => this.requestUpdate());
      return undefined;
    }
    const key = JSON.stringify([name, events]);
    this.usedDownloads.add(key);
    let download = this.downloads.get(key);
    if (!download) {
      // The publisher's host (strategy.source), else the feed's, makes the UID global.
      const domain = safeHost(feed.strategy.source) ?? safeHost(this.feed.result?.url);
      const calendar = ics.buildCalendar(events.map(({ entryId, ...event }) => ({ ...event, uid: ics.eventUid(entryId, feed.strategy.id, domain) })));
      const blob = new Blob([calendar], { type: 'text/calendar;charset=utf-8' });
      download = { href: URL.createObjectURL(blob), filename: ics.calendarFileName(name) };
      this.downloads.set(key, download);
    }
    return download;
  }

  /** The entry's details link, made absolute against the feed's URL; only http(s) and mailto. */
  private linkOf(entry: TimelineEntry): string | undefined {
    return safeHref(entry.link, this.feed.result?.url ?? document.baseURI);
  }

  private hasDetails(entry: TimelineEntry, status: EntryStatus): boolean {
    return !!entry.text || !!this.linkOf(entry) || !!this.calendarEvent(entry, status);
  }

  // --- user actions ---------------------------------------------------------------------------

  private toggleEntry(entry: TimelineEntry): void {
    const open = new Set(this.openIds);
    if (open.has(entry.id)) {
      open.delete(entry.id);
      this.openIds = open;
      return;
    }
    open.add(entry.id);
    this.openIds = open;
    this.selectedId = entry.id;
    const event = new WirEntrySelectEvent({ id: entry.id, kind: entry.kind });
    this.dispatchEvent(event);
  }

  private toggleKind(kind: TimelineKind): void {
    const active = new Set(this.activeKinds);
    if (active.has(kind)) active.delete(kind);
    else active.add(kind);
    this.activeKinds = active;
  }

  private resetKinds(): void {
    this.activeKinds = new Set(timelineKinds);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="filter-button"]')?.focus());
  }

  private showPast(): void {
    this.pastShown = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.title-button, [part~="filter-button"]')?.focus());
  }

  private showAll(firstHidden: string | undefined): void {
    this.limitLifted = true;
    // Focus moves to the first entry that was hidden, so keyboard users continue where they were.
    void this.updateComplete.then(() => {
      const item = firstHidden ? this.renderRoot.querySelector<HTMLElement>(`#entry-${CSS.escape(firstHidden)}`) : null;
      (item?.querySelector<HTMLElement>('.title-button') ?? item)?.focus();
    });
  }

  /** Scrolls the horizontal track by most of its width, towards earlier (-1) or later (1) entries. */
  private scrollTrack(towards: -1 | 1): void {
    const list = this.listElement;
    if (!list) return;
    if ((towards < 0 && this.overflow.atStart) || (towards > 0 && this.overflow.atEnd)) return;
    const physical = this.dir === 'rtl' ? -towards : towards;
    // No behavior given: the stylesheet's scroll-behavior decides (smooth unless reduced motion).
    list.scrollBy({ left: physical * list.clientWidth * 0.8 });
  }

  // --- text -----------------------------------------------------------------------------------

  private get dateLocale(): string {
    return formattingLocale(this.locale, this.uiLocale);
  }

  private formatNumber(value: number): string {
    try {
      return new Intl.NumberFormat(this.dateLocale).format(value);
    } catch {
      return String(value);
    }
  }

  // Invalid or out-of-range levels fall back into 2–6; at 6 the titles stay h6 too.
  private level(): number {
    const level = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(Math.max(level, 2), 6) : 2;
  }

  private headingText(): string {
    if (this.heading?.trim()) return this.heading.trim();
    return this.upcoming
      ? msg('Nächste Termine', { id: 'timeline.headingUpcoming', desc: 'Default heading of the timeline in "upcoming only" mode (a sidebar of next dates).' })
      : msg('Zeitleiste', { id: 'timeline.heading', desc: 'Default heading of the timeline widget (phases, milestones and events of the strategy).' });
  }

  private kindLabel(kind: TimelineKind): string {
    switch (kind) {
      case 'phase':
        return msg('Phase', { id: 'timeline.kind.phase', desc: 'Kind of a timeline entry: a period of work (singular).' });
      case 'milestone':
        return msg('Meilenstein', { id: 'timeline.kind.milestone', desc: 'Kind of a timeline entry: a point reached, e.g. a decision (singular).' });
      default:
        return msg('Veranstaltung', { id: 'timeline.kind.event', desc: 'Kind of a timeline entry: something to attend (singular).' });
    }
  }

  private kindFilterLabel(kind: TimelineKind): string {
    switch (kind) {
      case 'phase':
        return msg('Phasen', { id: 'timeline.filter.phase', desc: 'Filter button showing or hiding all phases (plural).' });
      case 'milestone':
        return msg('Meilensteine', { id: 'timeline.filter.milestone', desc: 'Filter button showing or hiding all milestones (plural).' });
      default:
        return msg('Veranstaltungen', { id: 'timeline.filter.event', desc: 'Filter button showing or hiding all events (plural).' });
    }
  }

  private statusLabel(row: Row): string {
    switch (row.status) {
      case 'past':
        return msg('Vergangen', { id: 'timeline.status.past', desc: 'Status of a timeline entry that is over.' });
      case 'upcoming':
        return msg('Bevorstehend', { id: 'timeline.status.upcoming', desc: 'Status of a timeline entry that has not started yet.' });
      default: {
        const span = entrySpan(row.entry);
        return span.start === span.end
          ? msg('Heute', { id: 'timeline.status.today', desc: 'Status of a one-day timeline entry that is today.' })
          : msg('Läuft gerade', { id: 'timeline.status.current', desc: 'Status of a timeline entry whose period includes today ("in progress").' });
      }
    }
  }

  // --- rendering ------------------------------------------------------------------------------

  private renderFilter(window: Row[]): TemplateResult | typeof nothing {
    const present = timelineKinds.filter((kind) => this.sorted.some((entry) => entry.kind === kind));
    if (this.noFilter || present.length < 2) return nothing;
    return html`<div class="filter" part="filter" role="group" aria-labelledby="filter-label">
      <span class="filter-label" id="filter-label">${msg('Anzeigen:', { id: 'timeline.filter.label', desc: 'Label before the group of buttons that choose which kinds of entries are shown.' })}</span>
      ${present.map((kind) => {
        const pressed = this.activeKinds.has(kind);
        const count = this.formatNumber(window.filter((row) => row.entry.kind === kind).length);
        return html`<button
          class="filter-button"
          part="filter-button"
          type="button"
          data-kind=${kind}
          aria-pressed=${pressed ? 'true' : 'false'}
          @click=${() => this.toggleKind(kind)}
        >
          <span class="check" aria-hidden="true"></span>
          <span>${this.kindFilterLabel(kind)}</span>
          <span class="count">(${count})</span>
        </button>`;
      })}
    </div>`;
  }

  private renderSummary(shown: number, total: number): TemplateResult {
    const shownText = this.formatNumber(shown);
    const totalText = this.formatNumber(total);
    return html`<p class="summary" part="summary" role="status">
      ${msg(str`Angezeigt: ${shownText} von ${totalText}`, { id: 'timeline.summary', desc: 'How many entries are listed out of all entries the filters allow, e.g. "Angezeigt: 5 von 9" = "Showing 5 of 9". Avoid a noun that would need plural forms.' })}
    </p>`;
  }

  private renderNow(today: number): TemplateResult {
    const date = formatDay(today, this.dateLocale);
    return html`<li class="now" part="now">
      <span class="now-line" aria-hidden="true"></span>
      <span class="now-text">
        <strong class="now-label">${msg('Heute', { id: 'timeline.now', desc: 'Label of the marker that shows where today falls between past and upcoming entries; followed by the date.' })}</strong>
        <time datetime=${isoDay(today)}>${date}</time>
      </span>
    </li>`;
  }

  private renderEntry(row: Row, titleLevel: number): TemplateResult {
    const { entry, status } = row;
    const id = entry.id;
    const open = this.openIds.has(id);
    const event = this.calendarEvent(entry, status);
    const href = this.linkOf(entry);
    const details = !!entry.text || !!href || !!event;
    const date = formatEntryDate(entry, this.dateLocale);
    const title = this.t(entry.title);
    const singleDate = !entry.end || entry.end === entry.date;
    const titleContent = details
      ? html`<button
          class="title-button"
          part="title-button"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="details-${id}"
          aria-describedby="when-${id}"
          @click=${() => this.toggleEntry(entry)}
        >
          <span class="chevron" aria-hidden="true"></span>
          <span class="title-text">${title}</span>
        </button>`
      : html`<span class="title-text">${title}</span>`;
    // Built only for an open entry: a closed one's link is not reachable anyway.
    const download = event && open ? this.download([event], `${this.feed.feed!.strategy.id}-${id}`) : undefined;

    return html`<li
      class="entry"
      part="entry"
      id="entry-${id}"
      data-kind=${entry.kind}
      data-status=${status}
      ?data-selected=${this.selectedId === id}
      tabindex=${details ? nothing : '-1'}
    >
      <span class="marker" part="marker" aria-hidden="true"></span>
      <div class="body">
        <p class="when" id="when-${id}">
          <span class="kind">${this.kindLabel(entry.kind)}</span>
          <span class="date" part="date">${singleDate ? html`<time datetime=${entry.date}>${date}</time>` : date}</span>
          <span class="status" part="status" data-status=${status}>${this.statusLabel(row)}</span>
        </p>
        ${heading(titleLevel, 'title', undefined, 'title', titleContent)}
        ${details
          ? html`<div class="details" part="details" id="details-${id}" ?hidden=${!open}>
              ${entry.text ? html`<p class="text">${this.t(entry.text)}</p>` : nothing}
              ${href || download
                ? html`<p class="actions">
                    ${href
                      ? html`<a class="action" part="link" href=${href}>
                          ${msg('Mehr erfahren', { id: 'timeline.more', desc: 'Link to a page with details about a timeline entry; followed by the entry title for screen readers.' })}<span class="visually-hidden">: ${title}</span>
                        </a>`
                      : nothing}
                    ${download
                      ? html`<a class="action" part="calendar-link" href=${download.href} download=${download.filename} type="text/calendar">
                          ${msg('In den Kalender (.ics)', { id: 'timeline.calendar', desc: 'Link that downloads an iCalendar file of one entry; followed by the entry title for screen readers.' })}<span class="visually-hidden">: ${title}</span>
                        </a>`
                      : nothing}
                  </p>`
                : nothing}
            </div>`
          : nothing}
      </div>
    </li>`;
  }

  // For pointer users whose scroll bars are hidden until they scroll (macOS, touch screens).
  // Keyboard users can use them too, or focus the track and use the arrow keys.
  private renderScrollButtons(): TemplateResult {
    const button = (towards: -1 | 1, disabled: boolean, label: string, part: string) => html`<button
      class="wir-button icon-button"
      part=${part}
      type="button"
      aria-label=${label}
      aria-disabled=${disabled ? 'true' : 'false'}
      @click=${() => this.scrollTrack(towards)}
    >
      <svg class="icon mirrored" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        ${towards < 0 ? svg`<path d="M15 5l-7 7 7 7"></path>` : svg`<path d="M9 5l7 7-7 7"></path>`}
      </svg>
    </button>`;
    return html`<div class="scroll-buttons">
      ${button(-1, this.overflow.atStart, msg('Frühere Einträge', { id: 'timeline.scrollEarlier', desc: 'Button that scrolls the horizontal timeline towards earlier entries.' }), 'scroll-earlier-button')}
      ${button(1, this.overflow.atEnd, msg('Spätere Einträge', { id: 'timeline.scrollLater', desc: 'Button that scrolls the horizontal timeline towards later entries.' }), 'scroll-later-button')}
    </div>`;
  }

  private renderEmptyFiltered(window: Row[]): TemplateResult {
    if (window.length === 0 && this.upcoming && !this.pastShown) {
      return html`<div class="empty-note" part="empty">
        <p>${msg('Zurzeit sind keine Termine geplant.', { id: 'timeline.emptyUpcoming', desc: 'Upcoming-only mode when nothing is current or upcoming.' })}</p>
        <button class="wir-button" part="empty-button" type="button" @click=${() => this.showPast()}>
          ${msg('Vergangene Einträge anzeigen', { id: 'timeline.showPast', desc: 'Button in the empty upcoming-only view that also lists past entries.' })}
        </button>
      </div>`;
    }
    return html`<div class="empty-note" part="empty">
      <p>${msg('Keine Einträge der gewählten Arten.', { id: 'timeline.emptyFiltered', desc: 'Shown when the kind filters exclude every entry; the button below it widens the selection.' })}</p>
      <button class="wir-button" part="empty-button" type="button" @click=${() => this.resetKinds()}>
        ${msg('Alle Arten anzeigen', { id: 'timeline.resetFilter', desc: 'Button that switches all kind filters back on.' })}
      </button>
    </div>`;
  }

  private renderTimeline(): TemplateResult {
    const level = this.level();
    const titleLevel = Math.min(level + 1, 6);
    const strategy = this.feed.feed?.strategy;
    const today = this.todayController.value;
    const { window, all, rows, truncated } = this.visibleRows();

    // "Today" goes where it falls among the listed entries; when `limit` hides entries that
    // started before today, it would be misplaced, so it is left out until they are shown.
    const nowAt = nowIndex(
      all.map((row) => row.entry),
      today,
    );
    const showNow = nowAt < rows.length || (nowAt === rows.length && rows.length > 0);
    const items: TemplateResult[] = [];
    rows.forEach((row, i) => {
      if (showNow && i === nowAt) items.push(this.renderNow(today));
      items.push(this.renderEntry(row, titleLevel));
    });
    if (showNow && nowAt === rows.length) items.push(this.renderNow(today));

    const offered = all.map((row) => this.calendarEvent(row.entry, row.status)).filter((e): e is PendingEvent => !!e);
    const all_ = offered.length > 1 && strategy ? this.download(offered, `${strategy.id}-termine`) : undefined;
    const firstHidden = truncated ? all[rows.length]?.entry.id : undefined;
    const totalText = this.formatNumber(all.length);

    return html`<section class="base" part="base" lang=${this.uiLocale} dir=${this.dir} aria-labelledby="heading">
      <div class="header" part="header">
        ${heading(level, 'heading', 'heading', undefined, this.headingText())}
        ${strategy ? html`<p class="strategy">${this.t(strategy.title)}</p>` : nothing}
      </div>
      <div class="toolbar">
        ${this.renderFilter(window)}
        <div class="toolbar-end">
          ${this.renderSummary(rows.length, all.length)} ${rows.length && this.overflow.overflowing ? this.renderScrollButtons() : nothing}
        </div>
      </div>
      ${rows.length
        ? html`<ol
            class="list"
            part="list"
            aria-labelledby="heading"
            tabindex=${this.overflow.overflowing ? '0' : nothing}
          >
            ${items}
          </ol>`
        : this.renderEmptyFiltered(window)}
      ${truncated || all_
        ? html`<div class="footer">
            ${truncated
              ? html`<button class="wir-button" part="show-all-button" type="button" @click=${() => this.showAll(firstHidden)}>
                  ${msg(str`Alle anzeigen (${totalText})`, { id: 'timeline.showAll', desc: 'Button that lists all entries when a limit hides some; the placeholder is their number.' })}
                </button>`
              : nothing}
            ${all_
              ? html`<a class="action" part="calendar-all-link" href=${all_.href} download=${all_.filename} type="text/calendar">
                  ${msg('Alle kommenden Termine in den Kalender (.ics)', { id: 'timeline.calendarAll', desc: 'Link that downloads one iCalendar file with every upcoming entry that has exact dates.' })}
                </a>`
              : nothing}
          </div>`
        : nothing}
    </section>`;
  }

  // Loading, error and empty states carry the UI language and direction like the timeline does.
  private renderState(content: TemplateResult): TemplateResult {
    return html`<div class="state" lang=${this.uiLocale} dir=${this.dir}>${content}</div>`;
  }

  protected override render(): TemplateResult {
    // Whatever this render does not show again is revoked in updated().
    this.usedDownloads = new Set();
    const { state, error } = this.feed;
    if (state === 'loading') return this.renderState(renderLoading('var(--wir-timeline-min-height, 16rem)'));
    if (state === 'error' && error) return this.renderState(renderError(error, () => this.feed.retry()));
    if (state === 'idle') {
      return this.renderState(
        renderEmpty(msg('Für diese Zeitleiste ist keine Datenquelle angegeben.', { id: 'timeline.noSource', desc: 'Shown when the element has no feed URL (no src attribute, no page default).' })),
      );
    }
    if (this.sorted.length === 0) {
      return this.renderState(
        renderEmpty(msg('Es sind noch keine Termine veröffentlicht.', { id: 'timeline.empty', desc: 'Shown when the feed contains no timeline entries.' })),
      );
    }
    return this.renderTimeline();
  }
}

function safeHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, document.baseURI).hostname || undefined;
  } catch {
    return undefined;
  }
}
