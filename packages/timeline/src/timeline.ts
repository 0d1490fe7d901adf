import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { WirElement, renderEmpty, renderError, renderLoading, safeHref } from '@wir/core';
import type { Selection } from '@wir/core';
import { timelineKinds, timelinePart } from '@wir/feed';
import type { TimelineEntry, TimelineKind } from '@wir/feed';
import { calendarDays, entrySpan, entryStatus, formatDay, formatEntryDate, formattingLocale, isoDay, nowIndex, sortEntries } from './dates.js';
import type { EntryStatus } from './dates.js';
import type { CalendarEvent } from './ics.js';
import { OverflowController } from './overflow-controller.js';
import { TodayController } from './today-controller.js';
import { WirEntrySelectEvent } from './events.js';
import { styles } from './timeline.styles.js';

/**
 * A heading of the given level (2–6) with the class `name`, which is also its id (the widget
 * heading) or its part (entry titles). Plain templates per level rather than lit/static-html,
 * which would add its template machinery to the widget bundle for this one use.
 */
function heading(level: number, name: string, content: unknown, asPart?: boolean): TemplateResult {
  const id = asPart ? nothing : name;
  const part = asPart ? name : nothing;
  switch (level) {
    case 3:
      return html`<h3 class=${name} id=${id} part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 class=${name} id=${id} part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 class=${name} id=${id} part=${part}>${content}</h5>`;
    case 6:
      return html`<h6 class=${name} id=${id} part=${part}>${content}</h6>`;
    default:
      return html`<h2 class=${name} id=${id} part=${part}>${content}</h2>`;
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

/**
 * The iCalendar writer, loaded on first need: most readers never download a calendar file, and
 * a feed whose upcoming entries are all month- or year-precise never offers one.
 */
let icsModule: typeof import('./ics.js') | undefined;

/** Splits `kinds="phase, milestone"`; unknown words are ignored, and nothing valid means all. */
function parseKinds(value: string | undefined): Set<TimelineKind> {
  const wanted = (value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((word): word is TimelineKind => (timelineKinds as readonly string[]).includes(word));
  return new Set(wanted.length ? wanted : timelineKinds);
}

/** The host name of a URL, for calendar UIDs; undefined when there is none. */
function safeHost(url: string | undefined): string | undefined {
  try {
    return new URL(url!, document.baseURI).hostname || undefined;
  } catch {
    return undefined;
  }
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
 * @csspart summary - "Angezeigt: 5 von 9", a polite live region for the reader's own changes in this timeline (`aria-live="off"` while the count last changed otherwise, e.g. by the widget group's selection).
 * @csspart list - The ordered list (a horizontal scroll track in wide containers).
 * @csspart entry - One entry (`<li>`). It also has the part `entry-<kind>` (`entry-phase`, `entry-milestone`, `entry-event`) and `entry-<status>` (`entry-past`, `entry-current`, `entry-upcoming`), so a page can style them: `::part(entry entry-past)`.
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
 * @csspart selection-note - In a widget group: what was chosen in another widget, with `selection-clear`.
 * @csspart selection-clear - The "Auswahl aufheben" button of the selection note.
 * @csspart easy-language - The Leichte Sprache switch (German readers, feeds with easy-German texts).
 * @csspart freshness - The "Stand:" line with the feed's date, and an offline badge on a saved copy.
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
  static override feedPart = timelinePart;

  // Declared here rather than with @property decorators: the same reactive properties without
  // the decorator helpers in the bundle. Internal state lives in #private fields (renamed by the
  // minifier) and asks for an update where a reader's action changes it.
  static override properties: PropertyDeclarations = {
    today: { reflect: true },
    kinds: { reflect: true },
    upcoming: { type: Boolean, reflect: true },
    limit: { type: Number, reflect: true },
    entry: { reflect: true },
    noFilter: { type: Boolean, attribute: 'no-filter', reflect: true },
    heading: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', reflect: true },
  };

  /** Date taken as today, `YYYY-MM-DD` (previews and tests); default: the reader's local date. */
  today?: string;

  /** Kinds shown at first, comma-separated: `phase`, `milestone`, `event`. Default: all. */
  kinds?: string;

  /** Show only current and upcoming entries (a "next dates" sidebar). */
  upcoming = false;

  /** Show at most this many entries (after filtering), with a button to show the rest. */
  limit?: number;

  /** Id of an entry to open, scroll to and focus (a deep link), shown even if filters hide it. Unknown ids are ignored. */
  entry?: string;

  /** Hide the kind filter buttons (a compact sidebar). */
  noFilter = false;

  /** Visible heading text instead of the default ("Zeitleiste", or "Nächste Termine" with `upcoming`). */
  heading?: string;

  /** Level of the timeline heading (2–6, default 2); entry titles are one level below. */
  headingLevel = 2;

  // Kinds the reader has switched on: the `kinds` preset, then the filter buttons.
  #kinds = parseKinds(undefined);
  #open = new Set<string>();
  #selected?: string;
  // The reader lifted `limit` or `upcoming` from inside the widget.
  #lifted = false;
  #pastShown = false;

  readonly #today = new TodayController(this, () => this.today);
  readonly #overflow = new OverflowController(this, () => this.#list);

  #appliedFeed?: object;
  #sortedFor?: readonly TimelineEntry[];
  #sorted: TimelineEntry[] = [];
  #pendingFocus?: string;
  #pendingNowScroll = false;
  #downloads = new Map<string, Download>();
  #used = new Set<string>();
  // The summary's counts as last rendered, whether their last change is announced, and whether
  // the update underway is the reader's own action (see #renderTimeline).
  #counts?: string;
  #countsSpoken = false;
  #readerAction = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const { href } of this.#downloads.values()) URL.revokeObjectURL(href);
    this.#downloads.clear();
  }

  get #list(): HTMLElement | null {
    return this.renderRoot.querySelector('.list');
  }

  /** All entries of the feed in timeline order (sorted once per feed). */
  get #entries(): TimelineEntry[] {
    const timeline = this.feed.feed?.timeline ?? [];
    if (this.#sortedFor !== timeline) this.#sorted = sortEntries((this.#sortedFor = timeline));
    return this.#sorted;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('kinds')) this.#kinds = parseKinds(this.kinds);
    if (changed.has('limit')) this.#lifted = false;
    if (changed.has('upcoming')) this.#pastShown = false;

    const feed = this.feed.feed;
    const newFeed = !!feed && feed !== this.#appliedFeed;
    if (newFeed) this.#appliedFeed = feed;
    if (newFeed || changed.has('today')) this.#pendingNowScroll = true;
    // The deep link applies when it changes and when a (new) feed arrives — silently, no event.
    if ((changed.has('entry') || newFeed) && this.entry) this.#applyDeepLink(this.entry.trim());
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const [key, { href }] of this.#downloads) {
      if (!this.#used.has(key)) {
        URL.revokeObjectURL(href);
        this.#downloads.delete(key);
      }
    }
    const id = this.#pendingFocus;
    if (id) {
      this.#pendingFocus = undefined;
      this.#pendingNowScroll = false;
      this.#focusEntry(id)?.scrollIntoView({
        block: 'center',
        inline: 'center',
        behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
      });
    } else if (this.#pendingNowScroll && this.#list) {
      this.#pendingNowScroll = false;
      this.#scrollTrackToNow();
    }
  }

  /**
   * Shows the linked entry whatever hides it — its kind switched off, `upcoming` for a past
   * entry, `limit` — because a reader who follows a link expects to land on that entry.
   */
  #applyDeepLink(id: string): void {
    const entry = this.#entries.find((e) => e.id === id);
    if (!entry) return;
    this.#kinds.add(entry.kind);
    if (this.upcoming && entryStatus(entry, this.#today.value) === 'past') this.#pastShown = true;
    if (!this.#rows().rows.some((row) => row.entry === entry)) this.#lifted = true;
    this.#selected = id;
    // Open whether or not it has details now: "open" shows only where there are details to show.
    this.#open.add(id);
    this.#pendingFocus = id;
  }

  /** Focuses an entry's title button, or the item itself when it has none; returns the item. */
  #focusEntry(id: string): HTMLElement | null {
    const item = this.renderRoot.querySelector<HTMLElement>(`#entry-${CSS.escape(id)}`);
    (item?.querySelector<HTMLElement>('.title-button') ?? item)?.focus({ preventScroll: true });
    return item;
  }

  // A wide track opens where "now" is, not at the oldest entry; only the track moves, never the page.
  #scrollTrackToNow(): void {
    const list = this.#list!;
    const now = list.querySelector('.now');
    // A list that does not overflow (the vertical one) ignores the scroll.
    if (!now) return;
    const listBox = list.getBoundingClientRect();
    const nowBox = now.getBoundingClientRect();
    // From the list's centre to the marker's.
    list.scrollBy({ left: (nowBox.left + nowBox.right - listBox.left - listBox.right) / 2, behavior: 'instant' });
  }

  // --- data -----------------------------------------------------------------------------------

  /**
   * `window`: entries in the active time window; `all`: those of the active kinds (what filters
   * allow); `rows`: those actually listed (after `limit`).
   */
  #rows(): { window: Row[]; all: Row[]; rows: Row[]; truncated: boolean } {
    const today = this.#today.value;
    const upcomingOnly = this.upcoming && !this.#pastShown;
    // In a widget group, an action field or guideline chosen elsewhere narrows the entries to
    // those linked to its fields.
    const fields = this.selectedFields();
    const window = this.#entries
      .filter((entry) => !fields || entry.actionFields?.some((id) => fields.has(id)))
      .map((entry) => ({ entry, status: entryStatus(entry, today) }))
      .filter((row) => !upcomingOnly || row.status !== 'past');
    const all = window.filter((row) => this.#kinds.has(row.entry.kind));
    const limit = Math.trunc(this.limit!);
    const truncated = !this.#lifted && limit > 0 && all.length > limit;
    return { window, all, rows: truncated ? all.slice(0, limit) : all, truncated };
  }

  #calendarEvent({ id, title, text, ...dates }: TimelineEntry, status: EntryStatus): PendingEvent | undefined {
    const days = status !== 'past' && calendarDays(dates);
    if (!days) return undefined;
    const summary = this.resolve(title)!;
    const link = this.#linkOf(dates);
    const url = link && /^https?:/i.test(link) ? link : undefined;
    // Many calendar apps show DESCRIPTION but ignore URL, so the link goes into both.
    const description = [this.resolve(text)?.text, url].filter(Boolean).join('\n\n') || undefined;
    return { entryId: id, firstDay: days.start, lastDay: days.end, summary: summary.text, description, url, language: summary.lang };
  }

  /**
   * A Blob URL for an .ics file, reused while its content stays the same and revoked when no
   * longer shown. Undefined until the iCalendar module has loaded; the element renders again then.
   */
  #download(events: PendingEvent[], name: string): Download | undefined {
    const ics = icsModule;
    const { feed, result } = this.feed;
    if (!ics) {
      // The browser fetches a module once, however many renders ask before it has arrived.
      void import('./ics.js').then((module) => {
        icsModule = module;
        this.requestUpdate();
      });
      return undefined;
    }
    const key = JSON.stringify([name, events]);
    this.#used.add(key);
    let download = this.#downloads.get(key);
    if (!download) {
      const strategy = feed!.strategy;
      // The publisher's host (strategy.source), else the feed's, makes the UID global.
      const domain = safeHost(strategy.source) ?? safeHost(result?.url);
      const calendar = ics.buildCalendar(events.map(({ entryId, ...event }) => ({ ...event, uid: ics.eventUid(entryId, strategy.id, domain) })));
      download = { href: URL.createObjectURL(new Blob([calendar], { type: 'text/calendar;charset=utf-8' })), filename: ics.calendarFileName(name) };
      this.#downloads.set(key, download);
    }
    return download;
  }

  /** The entry's details link, made absolute against the feed's URL; only http(s) and mailto. */
  #linkOf(entry: { link?: string }): string | undefined {
    return safeHref(entry.link, this.feed.result?.url ?? document.baseURI);
  }

  // --- user actions ---------------------------------------------------------------------------

  #toggleEntry({ id, kind }: TimelineEntry): void {
    if (!this.#open.delete(id)) {
      this.#open.add(id);
      this.#selected = id;
      this.dispatchEvent(new WirEntrySelectEvent({ id, kind }));
    }
    this.requestUpdate();
  }

  #toggleKind(kind: TimelineKind): void {
    if (!this.#kinds.delete(kind)) this.#kinds.add(kind);
    this.#readerAction = true;
    this.requestUpdate();
  }

  // "Auswahl aufheben" in this timeline's selection note: the reader's own action here too.
  protected override choose(selection: Selection | undefined, replace?: boolean): void {
    this.#readerAction = true;
    super.choose(selection, replace);
  }

  /** Updates, then moves focus to the first element `selector` finds, so keyboard users keep their place. */
  async #focusAfterUpdate(selector: string): Promise<void> {
    this.#readerAction = true;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Chromium scrolls an element into view on focus only when it is wholly hidden, and that stays
   * its job; an entry cut by an edge of the track kept its title and focus ring partly out of
   * sight (review finding T4; WCAG 2.4.7, 2.4.11). It is scrolled in to a position the track snaps to — an item's start at
   * the track's start — because the snapping pulls any other position back: the entry itself
   * when its start is cut, otherwise the first item from which it fits. No behavior given: the
   * stylesheet's scroll-behavior decides (smooth unless reduced motion).
   */
  #revealEntry(event: FocusEvent): void {
    const entry = (event.target as Element).closest('.entry');
    if (!entry) return;
    const list = event.currentTarget as HTMLElement;
    const track = list.getBoundingClientRect();
    // How far an item starts from the track's start, in the reading direction.
    const from = (item: Element) => {
      const box = item.getBoundingClientRect();
      return this.dir == 'rtl' ? track.right - box.right : box.left - track.left;
    };
    const start = from(entry);
    const end = start + entry.getBoundingClientRect().width;
    if (start < -1 ? end > 0 : start < track.width && end > track.width + 1) {
      const fits = end - track.width + parseFloat(getComputedStyle(list).scrollPaddingInlineStart) - 1;
      (start < 0 ? entry : [...list.children].find((item) => from(item) >= fits))!.scrollIntoView({ block: 'nearest', inline: 'start' });
    }
  }

  // The browser's Home and End scroll only vertically; in the focused track they go to its start
  // and end (a title inside the track keeps the page's Home and End).
  #onTrackKey(event: KeyboardEvent): void {
    const towards = event.target == event.currentTarget && !(event.altKey || event.ctrlKey || event.metaKey) && ({ Home: -1, End: 1 } as Record<string, number>)[event.key];
    if (towards) {
      event.preventDefault();
      this.#scrollTrack(towards, true);
    }
  }

  /**
   * Scrolls the horizontal track by most of its width (or all of it: to either end), towards
   * earlier (-1) or later (1) entries.
   */
  #scrollTrack(towards: number, toEnd?: boolean): void {
    // At either end the browser clamps the scroll, so a click on a disabled button does nothing.
    const list = this.#list!;
    // No behavior given: the stylesheet's scroll-behavior decides (smooth unless reduced motion).
    list.scrollBy({ left: (this.dir === 'rtl' ? -towards : towards) * (toEnd ? list.scrollWidth : list.clientWidth * 0.8) });
  }

  // --- text -----------------------------------------------------------------------------------

  get #locale(): string {
    return formattingLocale(this.locale, this.uiLocale);
  }

  #number(value: number): string {
    return value.toLocaleString(this.#locale);
  }

  #kindLabel(kind: TimelineKind, plural?: boolean): string {
    return kind === 'phase'
      ? plural
        ? msg('Phasen', { id: 'timeline.filter.phase', desc: 'Filter button showing or hiding all phases (plural).' })
        : msg('Phase', { id: 'timeline.kind.phase', desc: 'Kind of a timeline entry: a period of work (singular).' })
      : kind === 'milestone'
        ? plural
          ? msg('Meilensteine', { id: 'timeline.filter.milestone', desc: 'Filter button showing or hiding all milestones (plural).' })
          : msg('Meilenstein', { id: 'timeline.kind.milestone', desc: 'Kind of a timeline entry: a point reached, e.g. a decision (singular).' })
        : plural
          ? msg('Veranstaltungen', { id: 'timeline.filter.event', desc: 'Filter button showing or hiding all events (plural).' })
          : msg('Veranstaltung', { id: 'timeline.kind.event', desc: 'Kind of a timeline entry: something to attend (singular).' });
  }

  #statusLabel({ entry, status }: Row): string {
    const span = entrySpan(entry);
    return status === 'past'
      ? msg('Vergangen', { id: 'timeline.status.past', desc: 'Status of a timeline entry that is over.' })
      : status === 'upcoming'
        ? msg('Bevorstehend', { id: 'timeline.status.upcoming', desc: 'Status of a timeline entry that has not started yet.' })
        : span.start === span.end
          ? msg('Heute', { id: 'timeline.status.today', desc: 'Status of a one-day timeline entry that is today.' })
          : msg('Läuft gerade', { id: 'timeline.status.current', desc: 'Status of a timeline entry whose period includes today ("in progress").' });
  }

  // --- rendering ------------------------------------------------------------------------------

  #renderFilter(window: Row[]): TemplateResult | typeof nothing {
    const present = timelineKinds.filter((kind) => this.#entries.some((entry) => entry.kind === kind));
    if (this.noFilter || present.length < 2) return nothing;
    return html`<div class="filter" part="filter" role="group" aria-labelledby="filter-label">
      <strong id="filter-label">${msg('Anzeigen:', { id: 'timeline.filter.label', desc: 'Label before the group of buttons that choose which kinds of entries are shown.' })}</strong>
      ${present.map(
        (kind) => html`<button
          class="wir-button filter-button"
          part="filter-button"
          type="button"
          data-kind=${kind}
          aria-pressed=${this.#kinds.has(kind)}
          @click=${() => this.#toggleKind(kind)}
        >
          <span class="check" aria-hidden="true"></span>
          <span>${this.#kindLabel(kind, true)}</span>
          <span class="count">(${this.#number(window.filter((row) => row.entry.kind === kind).length)})</span>
        </button>`,
      )}
    </div>`;
  }

  #renderNow(today: number): TemplateResult {
    return html`<li class="now" part="now">
      <span class="now-line" aria-hidden="true"></span>
      <span class="now-text">
        <strong>${msg('Heute', { id: 'timeline.now', desc: 'Label of the marker that shows where today falls between past and upcoming entries; followed by the date.' })}</strong>
        <time datetime=${isoDay(today)}>${formatDay(today, this.#locale)}</time>
      </span>
    </li>`;
  }

  /** A link in an entry's details or the footer; `title` names the entry for screen readers. */
  #action(part: string, href: string, label: string, title?: unknown, filename?: string): TemplateResult {
    return html`<a class="action" part=${part} href=${href} download=${filename ?? nothing} type=${filename ? 'text/calendar' : nothing}
      >${label}${title ? html`<span class="visually-hidden">: ${title}</span>` : nothing}</a
    >`;
  }

  #renderEntry(row: Row, titleLevel: number): TemplateResult {
    const { entry, status } = row;
    const id = entry.id;
    const open = this.#open.has(id);
    const event = this.#calendarEvent(entry, status);
    const href = this.#linkOf(entry);
    const details = entry.text || href || event;
    const date = formatEntryDate(entry, this.#locale);
    const title = this.t(entry.title);
    const titleText = html`<span class="title-text">${title}</span>`;
    // Built only for an open entry: a closed one's link is not reachable anyway.
    const download = event && open ? this.#download([event], `${this.feed.feed!.strategy.id}-${id}`) : undefined;

    return html`<li
      class="entry"
      part="entry entry-${entry.kind} entry-${status}"
      id="entry-${id}"
      data-kind=${entry.kind}
      data-status=${status}
      ?data-selected=${this.#selected === id}
      tabindex=${details ? nothing : '-1'}
    >
      <span class="marker" part="marker" aria-hidden="true"></span>
      <div class="body">
        <p class="when" id="when-${id}">
          <span class="kind">${this.#kindLabel(entry.kind)}</span>
          <span class="date" part="date">${!entry.end || entry.end === entry.date ? html`<time datetime=${entry.date}>${date}</time>` : date}</span>
          <span class="status" part="status" data-status=${status}>${this.#statusLabel(row)}</span>
        </p>
        ${heading(
          titleLevel,
          'title',
          details
            ? html`<button
                class="title-button"
                part="title-button"
                type="button"
                aria-expanded=${open}
                aria-controls="details-${id}"
                aria-describedby="when-${id}"
                @click=${() => this.#toggleEntry(entry)}
              >
                <span class="chevron" aria-hidden="true"></span>${titleText}
              </button>`
            : titleText,
          true,
        )}
        ${details
          ? html`<div class="details" part="details" id="details-${id}" ?hidden=${!open}>
              ${entry.text ? html`<p class="text">${this.t(entry.text)}</p>` : nothing}
              ${href || download
                ? html`<p class="actions">
                    ${href ? this.#action('link', href, msg('Mehr erfahren', { id: 'timeline.more', desc: 'Link to a page with details about a timeline entry; followed by the entry title for screen readers.' }), title) : nothing}
                    ${download
                      ? this.#action(
                          'calendar-link',
                          download.href,
                          msg('In den Kalender (.ics)', { id: 'timeline.calendar', desc: 'Link that downloads an iCalendar file of one entry; followed by the entry title for screen readers.' }),
                          title,
                          download.filename,
                        )
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
  #scrollButton(towards: -1 | 1, label: string, part: string): TemplateResult {
    return html`<button
      class="wir-button icon-button"
      part=${part}
      type="button"
      aria-label=${label}
      aria-disabled=${towards < 0 ? this.#overflow.atStart : this.#overflow.atEnd}
      @click=${() => this.#scrollTrack(towards)}
    >
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9 5l7 7-7 7"></path></svg>
    </button>`;
  }

  /**
   * Why nothing is listed, with a button that widens the selection (nothing upcoming, or every
   * kind switched off); none for a group's selection, which its note above already offers to clear.
   */
  #emptyNote(message: string, label?: string, action?: () => void): TemplateResult {
    return html`<div class="empty-note" part="empty">
      <p>${message}</p>
      ${label ? html`<button class="wir-button" part="empty-button" type="button" @click=${action}>${label}</button>` : nothing}
    </div>`;
  }

  #renderTimeline(): TemplateResult {
    const level = Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
    const strategy = this.feed.feed!.strategy;
    const today = this.#today.value;
    const { window, all, rows, truncated } = this.#rows();
    const overflowing = this.#overflow.overflowing;
    // "Angezeigt: 5 von 9" speaks (a polite live region) when the reader changed it here: a
    // filter, "show all", an empty note's button, "Auswahl aufheben" in this timeline's selection
    // note. When something else changes it — a selection
    // made in another widget of the group (which only asks this one to update), a deep link, a
    // refreshed feed — it changes silently, as an announcement would come out of context.
    const counts = `${rows.length} ${all.length}`;
    if (counts != this.#counts) [this.#counts, this.#countsSpoken] = [counts, this.#readerAction];
    this.#readerAction = false;

    // "Today" goes where it falls among the listed entries; when `limit` hides entries that
    // started before today, it would be misplaced, so it is left out until they are shown.
    const nowAt = nowIndex(
      all.map((row) => row.entry),
      today,
    );
    const items: unknown[] = rows.map((row) => this.#renderEntry(row, Math.min(level + 1, 6)));
    if (rows.length && nowAt <= rows.length) items.splice(nowAt, 0, this.#renderNow(today));

    const offered = all.map((row) => this.#calendarEvent(row.entry, row.status)).filter((e): e is PendingEvent => !!e);
    const allEvents = offered.length > 1 ? this.#download(offered, `${strategy.id}-termine`) : undefined;
    const firstHidden = truncated && all[rows.length].entry.id;

    return html`<section class="base" part="base" lang=${this.uiLocale} dir=${this.dir} aria-labelledby="heading">
      <div class="header" part="header">
        ${heading(
          level,
          'heading',
          this.heading?.trim() ||
            (this.upcoming
              ? msg('Nächste Termine', { id: 'timeline.headingUpcoming', desc: 'Default heading of the timeline in "upcoming only" mode (a sidebar of next dates).' })
              : msg('Zeitleiste', { id: 'timeline.heading', desc: 'Default heading of the timeline widget (phases, milestones and events of the strategy).' })),
        )}
        <p class="strategy">${this.t(strategy.title)}</p>
        ${this.renderEasyToggle()}
      </div>
      ${this.renderSelectionNote()}
      <div class="toolbar">
        ${this.#renderFilter(window)}
        <div class="toolbar-end">
          <p class="summary" part="summary" role="status" aria-live=${this.#countsSpoken ? nothing : 'off'}>
            ${msg(str`Angezeigt: ${this.#number(rows.length)} von ${this.#number(all.length)}`, { id: 'timeline.summary', desc: 'How many entries are listed out of all entries the filters allow, e.g. "Angezeigt: 5 von 9" = "Showing 5 of 9". Avoid a noun that would need plural forms.' })}
          </p>
          ${rows.length && overflowing
            ? [
                this.#scrollButton(-1, msg('Frühere Einträge', { id: 'timeline.scrollEarlier', desc: 'Button that scrolls the horizontal timeline towards earlier entries.' }), 'scroll-earlier-button'),
                this.#scrollButton(1, msg('Spätere Einträge', { id: 'timeline.scrollLater', desc: 'Button that scrolls the horizontal timeline towards later entries.' }), 'scroll-later-button'),
              ]
            : nothing}
        </div>
      </div>
      ${rows.length
        ? html`<ol
            class="list"
            part="list"
            aria-labelledby="heading"
            tabindex=${overflowing ? '0' : nothing}
            @focusin=${this.#revealEntry}
            @keydown=${this.#onTrackKey}
          >
            ${items}
          </ol>`
        : !window.length && this.selectedFields()
          ? this.#emptyNote(
              msg('Zu dieser Auswahl gibt es keine Einträge.', { id: 'timeline.emptySelection', desc: 'The action field or guideline chosen in another widget of the group has no timeline entries; the selection note above offers to clear it.' }),
            )
          : !window.length && this.upcoming && !this.#pastShown
          ? this.#emptyNote(
              msg('Zurzeit sind keine Termine geplant.', { id: 'timeline.emptyUpcoming', desc: 'Upcoming-only mode when nothing is current or upcoming.' }),
              msg('Vergangene Einträge anzeigen', { id: 'timeline.showPast', desc: 'Button in the empty upcoming-only view that also lists past entries.' }),
              () => {
                this.#pastShown = true;
                void this.#focusAfterUpdate('.title-button, [part~="filter-button"]');
              },
            )
          : this.#emptyNote(
              msg('Keine Einträge der gewählten Arten.', { id: 'timeline.emptyFiltered', desc: 'Shown when the kind filters exclude every entry; the button below it widens the selection.' }),
              msg('Alle Arten anzeigen', { id: 'timeline.resetFilter', desc: 'Button that switches all kind filters back on.' }),
              () => {
                this.#kinds = new Set(timelineKinds);
                void this.#focusAfterUpdate('[part~="filter-button"]');
              },
            )}
      ${truncated || allEvents
        ? html`<p class="footer">
            ${firstHidden
              ? html`<button
                  class="wir-button"
                  part="show-all-button"
                  type="button"
                  @click=${() => {
                    this.#lifted = true;
                    this.#readerAction = true;
                    // Focus moves to the first entry that was hidden, so keyboard users continue
                    // where they were; updated() also scrolls it into view, as for a deep link.
                    this.#pendingFocus = firstHidden;
                    this.requestUpdate();
                  }}
                >
                  ${msg(str`Alle anzeigen (${this.#number(all.length)})`, { id: 'timeline.showAll', desc: 'Button that lists all entries when a limit hides some; the placeholder is their number.' })}
                </button>`
              : nothing}
            ${allEvents
              ? this.#action(
                  'calendar-all-link',
                  allEvents.href,
                  msg('Alle kommenden Termine in den Kalender (.ics)', { id: 'timeline.calendarAll', desc: 'Link that downloads one iCalendar file with every upcoming entry that has exact dates.' }),
                  undefined,
                  allEvents.filename,
                )
              : nothing}
          </p>`
        : nothing}
      ${this.renderFreshness()}
    </section>`;
  }

  protected override render(): TemplateResult {
    // Whatever this render does not show again is revoked in updated().
    this.#used = new Set();
    const { state, error } = this.feed;
    // Loading, error and empty states carry the UI language and direction like the timeline does.
    return state === 'ready' && this.#entries.length
      ? this.#renderTimeline()
      : html`<div lang=${this.uiLocale} dir=${this.dir}>
          ${state === 'loading'
            ? renderLoading('var(--wir-timeline-min-height, 16rem)')
            : state === 'error'
              ? renderError(error!, () => this.feed.retry())
              : renderEmpty(
                  state === 'idle'
                    ? msg('Für diese Zeitleiste ist keine Datenquelle angegeben.', { id: 'timeline.noSource', desc: 'Shown when the element has no feed URL (no src attribute, no page default).' })
                    : msg('Es sind noch keine Termine veröffentlicht.', { id: 'timeline.empty', desc: 'Shown when the feed contains no timeline entries.' }),
                )}
        </div>`;
  }
}
