import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { EASY_GERMAN, WirElement, customProperty, renderEmpty, renderError, renderLoading, selectedFields, withRenderLocale } from '@wir/core';
import { cataloguePart, resolveText } from '@wir/feed';
import type { Goal, Guideline, Indicator, IndicatorValue, LocalizedText, Measure, MeasureStatus } from '@wir/feed';
import { AnnounceController } from './announce-controller.js';
import { UrlStateController } from './url-state-controller.js';
import type { UrlState, UrlWriteMode } from './url-state-controller.js';
import { WirFieldSelectEvent } from './events.js';
import type { FieldSelectDetail } from './events.js';
import { STATUS_ORDER, buildCatalogue, summarize } from './internal/catalogue.js';
import type { Catalogue, FieldInfo, StatusCounts, Summary } from './internal/catalogue.js';
import { applyFilters } from './internal/filter.js';
import type { FilterOutcome, Filters } from './internal/filter.js';
import { IncrementalSearch, SearchIndex } from './internal/search.js';
import { MAX_QUERY_LENGTH, isInstanceKey, segmentName } from './internal/url-state.js';
import { formatNumber, formatPartialDate, formatPercent, indicatorChart, indicatorProgress } from './internal/format.js';
import type { Chart } from './internal/format.js';
import { styles } from './action-field-explorer.styles.js';

/**
 * A heading of the given level (2–6), optionally a focus target after navigation. Plain
 * templates per level rather than lit/static-html: the same result without shipping the
 * static-template machinery, and a plain template is also the faster one to update.
 */
function heading(level: number, className: string, id: string | undefined, focusable: boolean, content: unknown): TemplateResult {
  const i = id ?? nothing;
  const t = focusable ? '-1' : nothing;
  switch (level) {
    case 3:
      return html`<h3 class=${className} id=${i} tabindex=${t}>${content}</h3>`;
    case 4:
      return html`<h4 class=${className} id=${i} tabindex=${t}>${content}</h4>`;
    case 5:
      return html`<h5 class=${className} id=${i} tabindex=${t}>${content}</h5>`;
    case 6:
      return html`<h6 class=${className} id=${i} tabindex=${t}>${content}</h6>`;
    default:
      return html`<h2 class=${className} id=${i} tabindex=${t}>${content}</h2>`;
  }
}

// Static markup: one template for every back link, not a nested template per render.
const backIcon = html`<svg class="icon back" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M15 5l-7 7 7 7"></path></svg>`;

const DEFAULT_PAGE_SIZE = 50;
const MIN_PAGE_SIZE = 5;

type ViewKind = 'overview' | 'results' | 'field';

/** Everything one render needs, computed once per update in willUpdate. */
interface ViewModel {
  kind: ViewKind;
  catalogue: Catalogue;
  /** The field shown (pinned or selected). */
  field?: FieldInfo;
  pinnedField: boolean;
  pinnedTheme?: string;
  /** The guideline whose fields the overview is narrowed to, and those fields' positions. */
  guideline?: Guideline;
  scope?: Set<number>;
  outcome: FilterOutcome;
  /** Search words or a filter the reader chose (a pinned theme does not count). */
  filtered: boolean;
  /** Per field and group, the measures in the pinned scope: counts of the overview. */
  base: BaseSummaries;
}

interface BaseSummaries {
  fields: Summary[];
  groups: Map<string, Summary>;
}

interface PendingFocus {
  /** The target; where it is not rendered, the view's heading, else the explorer's. */
  selector: string;
  /** After Back/Forward the browser restores the scroll position; focus must not fight it. */
  preventScroll?: boolean;
  /** Only if focus left the widget with the render (a filter control Back took away). */
  ifLost?: boolean;
}

/**
 * The strategy's action fields (Handlungsfelder) with their goals and measures: an overview of
 * the fields and of the measures contributed by groups such as the youth group, one field's
 * goals and measures with status history, responsibilities and indicators, filters by
 * cross-cutting theme, status and group, and a word search — every view a deep link in the
 * page's URL fragment.
 *
 * Navigation between views uses links (each view has its own URL, so tabs would be the wrong
 * pattern); each measure's details are a disclosure (APG); goals and measures are lists. An
 * indicator with a series of values also gets a small chart, told in its caption and, behind a
 * disclosure, as a table. With `group`, the explorer follows and publishes the chosen action
 * field or guideline (see @wir/core's SelectionController).
 *
 * @summary Searchable, filterable catalogue of the strategy's action fields, goals and measures.
 *
 * @csspart base - The explorer (`<section>`).
 * @csspart header - The heading and the strategy's title.
 * @csspart filters - The search form with the word search and the filter selects.
 * @csspart search-input - The word search field.
 * @csspart theme-select - The cross-cutting theme filter.
 * @csspart status-select - The status filter.
 * @csspart group-select - The filter by contributing group.
 * @csspart pinned-theme - The note shown instead of the theme filter when `theme` is set.
 * @csspart reset-button - Clears the search and every filter the reader chose.
 * @csspart result-count - The visible number of matching measures.
 * @csspart fields - The overview's list of field (and group) cards.
 * @csspart field-card - One card in the overview.
 * @csspart group-card - The card of a contributing group in the overview.
 * @csspart field-link - The link that opens a field (or a group's contributions).
 * @csspart status-breakdown - Bar and legend of measures by status.
 * @csspart field-nav - Links to the other fields, above a field's goals.
 * @csspart back-link - The link back to the overview.
 * @csspart field-header - Title, summary and counts of the field shown.
 * @csspart goals - The list of goals.
 * @csspart goal - One goal with its measures.
 * @csspart measure - One measure.
 * @csspart measure-button - The disclosure button with a measure's title and status.
 * @csspart measure-details - A measure's details (description, history, indicators).
 * @csspart status-badge - A status label.
 * @csspart indicator - One indicator with its values and progress meter.
 * @csspart meter - An indicator's progress bar (role meter).
 * @csspart more-button - Shows the next page of measures.
 * @csspart no-results - The explanation shown when nothing matches.
 * @csspart guideline-filter - The notice above the fields of one guideline, with its "all fields" button.
 * @csspart easy-language - The Leichte Sprache switch in the header (when the feed has easy German).
 * @csspart freshness - The feed's as-of date at the foot, with the offline note when a saved copy is shown.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - The retry button of the error state.
 * @csspart empty - The message shown when there is nothing to show.
 *
 * @cssprop --wir-explorer-min-height - Height reserved while loading (default 24rem).
 * @cssprop --wir-explorer-gap - Space between the explorer's parts (default --wir-space-m).
 * @cssprop --wir-explorer-padding - Inner padding (default --wir-space-l).
 * @cssprop --wir-explorer-card-min-width - Narrowest overview card before the grid drops a column (default 16rem).
 * @cssprop --wir-explorer-status-done - Colour of "done" in bars and badges; likewise `-in-progress`, `-accepted`, `-recommendation`, `-deferred`, `-proposed`.
 * @cssprop --wir-color-accent - Accent colour of links and buttons; see @wir/core for all tokens.
 *
 * @fires {WirFieldSelectEvent} wir-field-select - The reader opened a field or went back to the overview (click, key, or Back/Forward); detail `{ id, number, cause }`.
 * @fires {WirFeedLoadEvent} wir-feed-load - The feed loaded (from @wir/core).
 * @fires {WirFeedErrorEvent} wir-feed-error - The feed failed to load (from @wir/core).
 */
export class WirActionFieldExplorer extends WirElement {
  static override styles = [...WirElement.styles, styles];
  static override feedPart = cataloguePart;

  // Declared here rather than with @property decorators, as in @wir/core: the same reactive
  // properties without the decorator helpers in the bundle. The reader's view state lives in
  // #private fields below (the minifier renames them); a reader action that changes it asks for
  // an update in #writeUrl or #showMore.
  static override properties: PropertyDeclarations = {
    field: { reflect: true },
    theme: { reflect: true },
    layout: { reflect: true },
    heading: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', reflect: true },
    pageSize: { type: Number, attribute: 'page-size', reflect: true },
  };

  #selectedField?: string;
  #goalTarget?: string;
  #selectedMeasure?: string;
  #openMeasures: ReadonlySet<string> = new Set();
  #query = '';
  #themeFilter?: string;
  #statusFilter?: MeasureStatus;
  #groupFilter?: string;
  #guideline?: string;
  #limit = DEFAULT_PAGE_SIZE;
  /**
   * Measures rendered in the frame that opens a field: as many as a screen can show. The rest of
   * the page follows in the next frame, so opening a field with a large page fits in one frame.
   */
  #firstFrameCap = Infinity;
  /** Indicators whose values are shown as a table (by the table's id). */
  #openTables: ReadonlySet<string> = new Set();
  /** The widget group's selection as last seen (`kind:id`, '' for none); undefined before the first look. */
  #seenSelection?: string;

  /** Show only this action field (its id, e.g. `bildung`): no overview, no field navigation. */
  field?: string;

  /** Show only measures of this cross-cutting theme (its id, e.g. `gleichbehandlung`); the reader cannot remove it. */
  theme?: string;

  /** `compact`: denser cards without summaries, for sidebars and narrow columns. */
  layout?: 'default' | 'compact';

  /** Visible heading instead of the default ("Handlungsfelder und Maßnahmen", or the pinned field's title). */
  heading?: string;

  /** Level of the explorer's heading (2–6, default 2); views, goals and measures follow below it. */
  headingLevel = 2;

  /** Measures shown at once before a "show more" button (default 50, at least 5). */
  pageSize = DEFAULT_PAGE_SIZE;

  #catalogue?: Catalogue;
  readonly #indexes = new Map<string, SearchIndex>();
  #search = new IncrementalSearch();
  #vm?: ViewModel;
  #baseMemo?: { catalogue: Catalogue; theme?: string; base: BaseSummaries };
  #outcomeMemo?: { key: string; catalogue: Catalogue; outcome: FilterOutcome };
  #segment = segmentName();
  /** URL state read on connect (or on Back/Forward), applied once the feed is there. */
  #pendingUrl?: { state: UrlState; cause: 'load' | 'history' };
  #pendingFocus?: PendingFocus;
  #pendingScroll?: string;
  #pendingEvent?: FieldSelectDetail;
  #idleIndexHandle?: number;

  readonly #urlState = new UrlStateController(this, {
    name: () => this.#segment,
    onNavigate: (urlState) => this.#onUrlNavigate(urlState),
  });

  readonly #announcer = new AnnounceController(this, { region: () => this.renderRoot.querySelector<HTMLElement>('#live') });

  /** Id of the action field shown, pinned or chosen by the reader; undefined in the overview. */
  get currentField(): string | undefined {
    return this.#vm?.field?.field.id ?? (this.field?.trim() || this.#selectedField);
  }

  /** Number of measures matching the search and filters in the current view. */
  get matchCount(): number {
    return this.#vm?.outcome.hits.length ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#segment = this.#findSegmentName();
    this.#pendingUrl = { state: this.#urlState.read() ?? {}, cause: 'load' };
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#idleIndexHandle !== undefined) cancelIdle(this.#idleIndexHandle);
    this.#idleIndexHandle = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.feed.feed;
    if (feed !== this.#catalogue?.feed) {
      this.#catalogue = feed ? buildCatalogue(feed) : undefined;
      this.#indexes.clear();
      this.#search = new IncrementalSearch();
    }
    if (changed.has('pageSize')) this.#limit = this.#pageLength;
    if (this.selection) this.#urlState.sync();
    if (this.#catalogue && this.#pendingUrl) {
      const { state: urlState, cause } = this.#pendingUrl;
      this.#pendingUrl = undefined;
      this.#applyUrlState(urlState, cause);
    }
    this.#followGroup();
    // Another widget's "measures" button chose what this explorer now shows: take the reader
    // here, as its link would without a group.
    if (this.#catalogue && this.selection?.takeReveal()) {
      this.#pendingScroll = '.base';
      this.#pendingFocus = { selector: '#heading', preventScroll: true };
    }
    this.#vm = this.#catalogue ? this.#viewModel(this.#catalogue) : undefined;
    this.#revealSelectedMeasure();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#catalogue && !this.#indexes.get(this.#searchLang)?.complete) this.#scheduleIndexBuild();
    const focus = this.#pendingFocus;
    this.#pendingFocus = undefined;
    if (focus && !(focus.ifLost && this.shadowRoot!.activeElement)) {
      const root = this.renderRoot;
      (root.querySelector<HTMLElement>(focus.selector) ?? root.querySelector<HTMLElement>('#view-heading') ?? root.querySelector<HTMLElement>('#heading'))?.focus({
        preventScroll: focus.preventScroll,
      });
    }
    const scroll = this.#pendingScroll;
    this.#pendingScroll = undefined;
    if (scroll) this.renderRoot.querySelector(scroll)?.scrollIntoView({ block: 'start' });
    const detail = this.#pendingEvent;
    this.#pendingEvent = undefined;
    if (detail) {
      // Built first, then dispatched, so the manifest analyzer lists the event once (see @fires).
      const event = new WirFieldSelectEvent(detail);
      this.dispatchEvent(event);
    }
  }

  // ---- state from and to the URL -------------------------------------------------------------

  // The id names the segment; explorers without a usable id are numbered in document order
  // (the first is plain `wir-explorer`), which is stable on a page that does not reorder them.
  #findSegmentName(): string {
    const id = this.id.trim();
    if (id && isInstanceKey(id)) return segmentName(id);
    const root = this.getRootNode() as Document | ShadowRoot;
    const peers = [...root.querySelectorAll(this.localName)].filter((el) => !(el.id && isInstanceKey(el.id.trim())));
    const position = peers.indexOf(this);
    return segmentName(position > 0 ? String(position + 1) : undefined);
  }

  #onUrlNavigate(urlState: UrlState): void {
    this.#pendingUrl = { state: urlState, cause: 'history' };
    this.requestUpdate();
  }

  /** Takes over a state from the URL, keeping only what exists in the feed. */
  #applyUrlState(urlState: UrlState, cause: 'load' | 'history'): void {
    const catalogue = this.#catalogue!;
    const pinned = this.#pinnedFieldInfo(catalogue);
    let field = pinned?.field.id ?? (urlState.field && catalogue.fieldById.has(urlState.field) ? urlState.field : undefined);
    const goal = urlState.goal ? catalogue.goalById.get(urlState.goal) : undefined;
    const measureIndex = urlState.measure ? catalogue.measureIndex.get(urlState.measure) : undefined;
    const measureField = measureIndex === undefined ? undefined : catalogue.entries[measureIndex].field.id;
    // A goal or measure deep link opens its field; one that contradicts the field is dropped.
    field ??= goal?.field.field.id ?? measureField;
    const goalId = goal && goal.field.field.id === field ? goal.goal.id : undefined;
    const measureId = measureField !== undefined && measureField === field ? urlState.measure : undefined;

    const before = this.#selectedField;
    const goalBefore = this.#goalTarget;
    const stateBefore = JSON.stringify(this.#urlSnapshot());
    this.#selectedField = pinned ? undefined : field;
    // A guideline narrows the overview; with a field (or a pinned one) there is no overview.
    this.#guideline = !pinned && !field && urlState.guideline && this.#fieldsServing(urlState.guideline) ? urlState.guideline : undefined;
    this.#goalTarget = goalId;
    this.#selectedMeasure = measureId;
    this.#openMeasures = new Set(measureId ? [measureId] : []);
    this.#query = urlState.q?.slice(0, MAX_QUERY_LENGTH) ?? '';
    this.#themeFilter = urlState.theme && catalogue.themes.has(urlState.theme) ? urlState.theme : undefined;
    this.#statusFilter = urlState.status;
    this.#groupFilter = urlState.group && catalogue.groups.has(urlState.group) ? urlState.group : undefined;
    this.#limit = this.#pageLength;
    this.#announcer.cancel();

    if (cause === 'load') {
      // Like an anchor: bring the deep-linked place into view, without taking focus on load.
      if (measureId) this.#pendingScroll = `#m-${measureId}`;
      else if (goalId) this.#pendingScroll = `#goal-${goalId}`;
      // A guideline filter arrives from a guideline's "measures" link: land on the explorer.
      else if (this.#selectedField || this.#guideline) this.#pendingScroll = '.base';
      return;
    }
    // Back/Forward: the content under the reader's focus may be gone; put focus on the new view:
    // a field's heading (or the goal's, as its link does), the card or goal link the reader
    // left a field by, else the view's heading. A filter control keeps focus while it is there.
    const active = this.shadowRoot?.activeElement;
    const fieldChanged = before !== this.#selectedField;
    if (fieldChanged) this.#queueFieldEvent(this.#selectedField, 'history');
    if (active && (fieldChanged || stateBefore !== JSON.stringify(this.#urlSnapshot()))) {
      this.#pendingFocus = {
        selector: !fieldChanged
          ? '#view-heading'
          : this.#selectedField
            ? goalId
              ? `#goal-heading-${goalId}`
              : '#view-heading'
            : `#card-${before},#goal-heading-${goalBefore} a`,
        preventScroll: true,
        ifLost: !fieldChanged && !!active.closest('.filters'),
      };
    }
  }

  #urlSnapshot(): UrlState {
    return {
      field: this.#pinnedFieldId() ? undefined : this.#selectedField,
      guideline: this.#guideline,
      goal: this.#goalTarget,
      measure: this.#selectedMeasure,
      theme: this.#pinnedThemeId() ? undefined : this.#themeFilter,
      status: this.#statusFilter,
      group: this.#groupFilter,
      q: this.#query.trim() || undefined,
    };
  }

  /** With `publish`, the widget group learns the new field or guideline in the same history entry. */
  #writeUrl(mode: UrlWriteMode, publish?: boolean): void {
    this.requestUpdate();
    this.#urlState.write(this.#urlSnapshot(), mode, publish ? this.#publish : undefined);
  }

  /**
   * href of a link to the view `change` leads to, so it can be opened in a new tab or copied.
   * Every link leads to a field or to all fields, so none keeps the guideline.
   */
  #hrefFor(change: Partial<UrlState>): string {
    return this.#urlState.href({ ...this.#urlSnapshot(), guideline: undefined, goal: undefined, measure: undefined, ...change });
  }

  // ---- the widget group -----------------------------------------------------------------------

  #fieldsServing(guideline: string): Set<string> | undefined {
    return selectedFields({ kind: 'guideline', id: guideline }, this.#catalogue!.feed.actionFields);
  }

  // Runs after the explorer's own history entry is written, with that entry's state, so
  // replacing puts the group's part into that entry: one reader action, one entry.
  // Synchronously once the group's module is there (before any later entry is written); what
  // it publishes counts as seen, so the explorer does not follow its own choice.
  readonly #publish = ({ field, guideline }: UrlState): void => {
    const id = field ?? guideline;
    const kind = field ? 'field' : 'guideline';
    const selection = id ? { kind, id } as const : undefined;
    this.#seenSelection = id ? `${kind}:${id}` : '';
    if (this.selection) this.selection.select(selection, true);
    else this.choose(selection, true);
  };

  /**
   * Follows a selection made elsewhere in the group (another widget, Back/Forward): a field
   * opens, a guideline narrows the overview, none shows all fields. The explorer's own part of
   * the address is brought in line in the same history entry. Unknown ids are ignored; a pinned
   * field follows nothing. On the first look, a group without a selection takes this
   * explorer's deep-linked field or guideline instead.
   */
  #followGroup(): void {
    const selection = this.selection?.value;
    const key = selection ? `${selection.kind}:${selection.id}` : '';
    // A removed explorer follows nothing: it would write its part of an address no longer its own.
    if (!this.isConnected || !this.selection || !this.group || !this.#catalogue || key === this.#seenSelection || this.#pinnedFieldId()) return;
    const first = this.#seenSelection === undefined;
    this.#seenSelection = key;
    // Through the queue: a history entry the reader's action is about to add comes first.
    if (first && !selection) return this.#writeUrl('replace', true);
    const field = selection?.kind === 'field' && this.#catalogue.fieldById.has(selection.id) ? selection.id : undefined;
    const guideline = selection?.kind === 'guideline' && this.#fieldsServing(selection.id) ? selection.id : undefined;
    if ((selection && !field && !guideline) || (field === this.#selectedField && guideline === this.#guideline)) return;
    if (field !== this.#selectedField) {
      this.#goalTarget = this.#selectedMeasure = undefined;
      this.#openMeasures = new Set();
      this.#limit = this.#pageLength;
    }
    this.#selectedField = field;
    this.#guideline = guideline;
    this.#writeUrl('replace');
  }

  // ---- derived data ---------------------------------------------------------------------------

  get #pageLength(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) ? Math.max(size, MIN_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #level(): number {
    const level = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(Math.max(level, 2), 6) : 2;
  }

  #pinnedFieldId(): string | undefined {
    return this.field?.trim() || undefined;
  }

  #pinnedThemeId(): string | undefined {
    return this.theme?.trim() || undefined;
  }

  #pinnedFieldInfo(catalogue: Catalogue): FieldInfo | undefined {
    const id = this.#pinnedFieldId();
    return id ? catalogue.fieldById.get(id) : undefined;
  }

  #viewModel(catalogue: Catalogue): ViewModel {
    const pinnedField = this.#pinnedFieldInfo(catalogue);
    const pinnedTheme = this.#pinnedThemeId();
    const field = pinnedField ?? (this.#selectedField ? catalogue.fieldById.get(this.#selectedField) : undefined);
    const guidelineId = field ? undefined : this.#guideline;
    const guideline = catalogue.feed.guidelines.find((g) => g.id === guidelineId);
    const served = guidelineId && this.#fieldsServing(guidelineId);
    const scope = served ? new Set([...served].map((id) => catalogue.fieldById.get(id)!.index)) : undefined;
    const filters: Filters = { theme: pinnedTheme ?? this.#themeFilter, status: this.#statusFilter, group: this.#groupFilter, fields: scope };
    const outcome = this.#filterOutcome(catalogue, filters, field, guidelineId);
    const filtered = !!(this.#query.trim() || (!pinnedTheme && this.#themeFilter) || this.#statusFilter || this.#groupFilter);
    return {
      kind: field ? 'field' : filtered ? 'results' : 'overview',
      catalogue,
      field,
      pinnedField: !!pinnedField,
      pinnedTheme,
      guideline,
      scope,
      outcome,
      filtered,
      base: this.#baseSummaries(catalogue, pinnedTheme),
    };
  }

  #filterOutcome(catalogue: Catalogue, filters: Filters, field?: FieldInfo, guideline?: string): FilterOutcome {
    const words = this.#query.trim();
    const key = [filters.theme, filters.status, filters.group, field?.field.id, guideline, words, words && this.#searchLang].join('\u0000');
    const memo = this.#outcomeMemo;
    if (memo && memo.key === key && memo.catalogue === catalogue) return memo.outcome;
    const searchHits = words ? this.#search.run(this.#indexFor(catalogue, this.#searchLang), words) : undefined;
    const outcome = applyFilters(catalogue, filters, searchHits, field);
    this.#outcomeMemo = { key, catalogue, outcome };
    return outcome;
  }

  #baseSummaries(catalogue: Catalogue, theme?: string): BaseSummaries {
    const memo = this.#baseMemo;
    if (memo && memo.catalogue === catalogue && memo.theme === theme) return memo.base;
    const { hits } = applyFilters(catalogue, { theme }, undefined);
    const fields = catalogue.fields.map((info) => summarize(catalogue, hits.filter((i) => i >= info.start && i < info.end)));
    const groups = new Map<string, Summary>();
    for (const id of catalogue.groups.keys()) {
      groups.set(id, summarize(catalogue, hits.filter((i) => catalogue.entries[i].measure.contributedBy === id)));
    }
    const base = { fields, groups };
    this.#baseMemo = { catalogue, theme, base };
    return base;
  }

  /** The language searched: the reader's, or easy German where the reader switched to it (search what you see). */
  get #searchLang(): string {
    return this.easy ? EASY_GERMAN : this.locale;
  }

  /** The search index for a reader language, built on first use (or ahead, when the page is idle). */
  #indexFor(catalogue: Catalogue, locale: string): SearchIndex {
    let index = this.#indexes.get(locale);
    if (index) return index;
    const fallback = catalogue.feed.strategy.defaultLanguage;
    // Easy German falls back to standard German (same primary language) where a text has no easy variant.
    const text = (value: LocalizedText | undefined) => (value === undefined ? undefined : resolveText(value, [locale], fallback).text);
    const goalTexts = new Map<Goal, string>();
    const themeTitles = new Map([...catalogue.themes].map(([id, theme]) => [id, text(theme.title)]));
    const groupTitles = new Map([...catalogue.groups].map(([id, group]) => [id, text(group.title)]));
    index = new SearchIndex(catalogue.entries.length, function* (i) {
      const { measure, goal } = catalogue.entries[i];
      let goalText = goalTexts.get(goal);
      if (goalText === undefined) {
        goalText = `${text(goal.title)} ${text(goal.description) ?? ''}`;
        goalTexts.set(goal, goalText);
      }
      yield text(measure.title);
      yield text(measure.description);
      yield text(measure.responsible);
      for (const partner of measure.partners ?? []) yield text(partner);
      for (const indicator of measure.indicators ?? []) yield text(indicator.title);
      for (const theme of measure.themes) yield themeTitles.get(theme);
      if (measure.contributedBy) yield groupTitles.get(measure.contributedBy);
      yield goalText;
    });
    this.#indexes.set(locale, index);
    return index;
  }

  // The first keystroke should not pay for building the index: build it in slices while the
  // page is idle, so no slice delays a frame.
  #scheduleIndexBuild(): void {
    if (this.#idleIndexHandle !== undefined) return;
    this.#idleIndexHandle = requestIdle((more) => {
      this.#idleIndexHandle = undefined;
      if (!this.#catalogue || !this.isConnected) return;
      if (!this.#indexFor(this.#catalogue, this.#searchLang).build(more)) this.#scheduleIndexBuild();
    });
  }

  /** A deep-linked measure beyond the first page gets its page shown. */
  #revealSelectedMeasure(): void {
    const vm = this.#vm;
    const id = this.#selectedMeasure;
    if (!vm || !id) return;
    const index = vm.catalogue.measureIndex.get(id);
    const position = index === undefined ? -1 : vm.outcome.hits.indexOf(index);
    if (position >= this.#limit) this.#limit = Math.ceil((position + 1) / this.#pageLength) * this.#pageLength;
  }

  // ---- reader actions -------------------------------------------------------------------------

  #queueFieldEvent(id: string | undefined, cause: 'user' | 'history'): void {
    const number = id ? (this.#catalogue?.fieldById.get(id)?.field.number ?? null) : null;
    this.#pendingEvent = { id: id ?? null, number, cause };
  }

  #openField(id: string): void {
    if (id === this.#selectedField && !this.#goalTarget) return;
    // No measure is shorter than the target size (2.75rem): this many fill the viewport. The
    // update comes first (a microtask), the rest of the page with the next frame.
    this.#firstFrameCap = Math.ceil(innerHeight / 40);
    requestAnimationFrame(() => {
      this.#firstFrameCap = Infinity;
      this.requestUpdate();
    });
    this.#selectedField = id;
    this.#guideline = undefined;
    this.#goalTarget = undefined;
    this.#selectedMeasure = undefined;
    this.#openMeasures = new Set();
    this.#limit = this.#pageLength;
    this.#writeUrl('push', true);
    this.#queueFieldEvent(id, 'user');
    this.#pendingFocus = { selector: '#view-heading' };
  }

  #openGoal(fieldId: string, goalId: string): void {
    const changed = fieldId !== this.#selectedField;
    this.#selectedField = fieldId;
    this.#guideline = undefined;
    this.#goalTarget = goalId;
    this.#selectedMeasure = undefined;
    this.#limit = this.#pageLength;
    this.#writeUrl('push', true);
    if (changed) this.#queueFieldEvent(fieldId, 'user');
    this.#pendingFocus = { selector: `#goal-heading-${goalId}` };
  }

  #openOverview(): void {
    const previous = this.#selectedField;
    const wasFiltered = this.#vm?.filtered;
    this.#selectedField = undefined;
    this.#guideline = undefined;
    this.#goalTarget = undefined;
    this.#selectedMeasure = undefined;
    this.#openMeasures = new Set();
    // The way back to the overview from a group's page is also the way out of its filter.
    if (!previous) this.#clearUserFilters();
    this.#limit = this.#pageLength;
    this.#writeUrl('push', true);
    if (previous) this.#queueFieldEvent(undefined, 'user');
    // Back on the overview: the card of the field just left.
    this.#pendingFocus = { selector: previous ? (wasFiltered ? '#view-heading' : `#card-${previous}`) : '#heading' };
  }

  #openGroup(id: string): void {
    this.#groupFilter = id;
    this.#limit = this.#pageLength;
    this.#writeUrl('push');
    this.#pendingFocus = { selector: '#view-heading' };
  }

  #showAllFields(): void {
    this.#guideline = undefined;
    this.#writeUrl('push', true);
    this.#pendingFocus = { selector: '#heading' };
  }

  #toggleTable(id: string): void {
    const open = new Set(this.#openTables);
    if (!open.delete(id)) open.add(id);
    this.#openTables = open;
    this.requestUpdate();
  }

  #toggleMeasure(id: string): void {
    const open = new Set(this.#openMeasures);
    if (open.has(id)) {
      open.delete(id);
      if (this.#selectedMeasure === id) this.#selectedMeasure = undefined;
    } else {
      open.add(id);
      this.#selectedMeasure = id;
    }
    this.#openMeasures = open;
    this.#writeUrl('replace');
  }

  #filtersChanged(mode: UrlWriteMode): void {
    this.#goalTarget = undefined;
    this.#limit = this.#pageLength;
    this.#writeUrl(mode);
    this.#announcer.announce(() => withRenderLocale(this.uiLocale, () => this.#resultAnnouncement()));
  }

  #setQuery(value: string): void {
    if (value === this.#query) return;
    this.#query = value;
    this.#filtersChanged('typing');
  }

  #onSearchInput(event: InputEvent): void {
    // Wait for the word an input method (IME) is composing; compositionend brings it.
    if (event.isComposing) return;
    this.#setQuery((event.target as HTMLInputElement).value);
  }

  #onSearchSubmit(event: Event): void {
    event.preventDefault();
    this.#urlState.flush();
    this.#announcer.flush();
  }

  #setFilter(kind: 'theme' | 'status' | 'group', value: string): void {
    this.#setFilterValue(kind, value || undefined);
    this.#filtersChanged('push');
  }

  #clearUserFilters(): void {
    this.#query = '';
    this.#themeFilter = undefined;
    this.#statusFilter = undefined;
    this.#groupFilter = undefined;
  }

  #resetFilters(): void {
    this.#clearUserFilters();
    this.#filtersChanged('push');
    this.#pendingFocus = { selector: '#search' };
  }

  #removeFilter(kind: 'q' | 'theme' | 'status' | 'group'): void {
    if (kind === 'q') this.#query = '';
    else this.#setFilterValue(kind, undefined);
    this.#filtersChanged('push');
    this.#pendingFocus = { selector: '#search' };
  }

  #setFilterValue(kind: 'theme' | 'status' | 'group', value: string | undefined): void {
    if (kind === 'theme') this.#themeFilter = value;
    else if (kind === 'status') this.#statusFilter = value as MeasureStatus | undefined;
    else this.#groupFilter = value;
  }

  #showMore(): void {
    // Focus goes to the first measure of the next page, which must be there.
    this.#firstFrameCap = Infinity;
    const first = this.#vm?.outcome.hits[this.#limit];
    this.#limit += this.#pageLength;
    this.requestUpdate();
    const entry = first === undefined ? undefined : this.#catalogue?.entries[first];
    if (entry) this.#pendingFocus = { selector: `#mb-${entry.measure.id}` };
  }

  /** Lets the browser handle new-tab and other modified clicks; plain clicks navigate in place. */
  #navigate(event: MouseEvent, go: () => void): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go();
  }

  // ---- strings --------------------------------------------------------------------------------

  #statusLabel(status: MeasureStatus): string {
    switch (status) {
      case 'proposed':
        return msg('vorgeschlagen', { id: 'explorer.status.proposed', desc: 'Measure status: suggested, not yet decided.' });
      case 'accepted':
        return msg('beschlossen', { id: 'explorer.status.accepted', desc: 'Measure status: adopted by the city council.' });
      case 'deferred':
        return msg('zurückgestellt', { id: 'explorer.status.deferred', desc: 'Measure status: postponed.' });
      case 'recommendation':
        return msg('Empfehlung an das Land', { id: 'explorer.status.recommendation', desc: 'Measure status: passed on as a recommendation to the federal state (Land), which the city cannot carry out itself.' });
      case 'in-progress':
        return msg('in Umsetzung', { id: 'explorer.status.inProgress', desc: 'Measure status: being carried out.' });
      case 'done':
        return msg('umgesetzt', { id: 'explorer.status.done', desc: 'Measure status: completed.' });
    }
  }

  #measureCount(n: number): string {
    return n === 1
      ? msg('1 Maßnahme', { id: 'explorer.measures.one', desc: 'Count of exactly one measure.' })
      : msg(str`${n} Maßnahmen`, { id: 'explorer.measures', desc: 'Count of measures (0 or more than 1); use a form that works for any number, e.g. "Measures: 5".' });
  }

  #goalCount(n: number): string {
    return n === 1
      ? msg('1 Ziel', { id: 'explorer.goals.one', desc: 'Count of exactly one goal.' })
      : msg(str`${n} Ziele`, { id: 'explorer.goals', desc: 'Count of goals (0 or more than 1); use a form that works for any number.' });
  }

  #themeLabel(): string {
    return msg('Querschnittsthema', { id: 'explorer.theme', desc: 'Label of the cross-cutting theme filter.' });
  }

  #groupLabel(): string {
    return msg('Eingebracht von', { id: 'explorer.group', desc: 'Label of the filter by the group that contributed a measure (e.g. the youth working group).' });
  }

  #allFieldsLabel(): string {
    return msg('Alle Handlungsfelder', { id: 'explorer.allFields', desc: 'Link back to the overview of all action fields.' });
  }

  #groupKicker(): string {
    return msg('Beiträge der Gruppe', { id: 'explorer.groupKicker', desc: 'Label above the name of a contributing group (e.g. the youth working group) on its overview card.' });
  }

  #fieldLabel(number: number): string {
    return msg(str`Handlungsfeld ${number}`, { id: 'explorer.fieldNumber', desc: 'Label before an action field title; the placeholder is its number.' });
  }

  #foundMessage(n: number): string {
    if (n === 0) return msg('Keine Maßnahmen gefunden.', { id: 'explorer.found.none', desc: 'Result count when nothing matches the search and filters.' });
    if (n === 1) return msg('1 Maßnahme gefunden.', { id: 'explorer.found.one', desc: 'Result count for exactly one match.' });
    return msg(str`${n} Maßnahmen gefunden.`, { id: 'explorer.found', desc: 'Result count (more than 1); use a form that works for any number, e.g. "Measures found: 12".' });
  }

  #resultAnnouncement(): string {
    const vm = this.#vm;
    if (!vm) return '';
    if (vm.kind === 'overview') {
      const n = vm.catalogue.fields.length;
      return msg(str`Alle Filter aufgehoben. Übersicht über ${n} Handlungsfelder.`, { id: 'explorer.announce.overview', desc: 'Spoken when the reader cleared the search and filters and the overview of all action fields is back; the placeholder is the number of fields.' });
    }
    return this.#foundMessage(vm.outcome.hits.length);
  }

  #resolvedText(value: LocalizedText | undefined): string {
    return this.resolve(value)?.text ?? '';
  }

  // ---- rendering ------------------------------------------------------------------------------

  #renderHeading(offset: number, attributes: { id?: string; class: string; focusable?: boolean }, content: unknown): TemplateResult {
    return heading(Math.min(this.#level + offset, 6), attributes.class, attributes.id, !!attributes.focusable, content);
  }

  #renderBreakdown(counts: StatusCounts, total: number): TemplateResult | typeof nothing {
    if (total === 0) return nothing;
    const present = STATUS_ORDER.filter((s) => counts[s] > 0);
    return html`<div class="breakdown" part="status-breakdown">
      <div class="bar" aria-hidden="true">
        ${present.map((s) => html`<span class="segment" data-status=${s} ${customProperty('--_share', String(counts[s]))}></span>`)}
      </div>
      <ul class="legend" aria-label=${msg('Stand der Maßnahmen', { id: 'explorer.breakdown', desc: 'Label of the list that breaks the measures down by status.' })}>
        ${present.map(
          (s) => html`<li data-status=${s}><span class="swatch" aria-hidden="true"></span>${this.#statusLabel(s)}: ${formatNumber(counts[s], this.locale)}</li>`,
        )}
      </ul>
    </div>`;
  }

  #renderFilters(vm: ViewModel): TemplateResult {
    const { catalogue, outcome, pinnedTheme } = vm;
    const option = (label: string, count: number) =>
      msg(str`${label} (${count})`, { id: 'explorer.option', desc: 'A filter option with the number of measures it would show, e.g. "in Umsetzung (12)".' });
    const theme = pinnedTheme ? catalogue.themes.get(pinnedTheme) : undefined;
    const groups = [...catalogue.groups.values()].filter((g) => (vm.base.groups.get(g.id)?.measures ?? 0) > 0);
    return html`<form class="filters" part="filters" role="search" aria-label=${msg('Maßnahmen durchsuchen und filtern', { id: 'explorer.filters', desc: 'Accessible name of the search and filter form.' })} @submit=${this.#onSearchSubmit}>
      <div class="control search">
        <label for="search">${msg('Suche', { id: 'explorer.search', desc: 'Label of the word search field.' })}</label>
        <input
          id="search"
          part="search-input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          maxlength=${MAX_QUERY_LENGTH}
          .value=${this.#query}
          @input=${this.#onSearchInput}
          @compositionend=${(e: CompositionEvent) => this.#setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      ${theme
        ? html`<p class="control pinned" part="pinned-theme">
            <span class="pinned-label">${this.#themeLabel()}</span>
            <span class="pinned-value">${this.t(theme.title)}</span>
          </p>`
        : html`<div class="control">
            <label for="theme">${this.#themeLabel()}</label>
            <select id="theme" part="theme-select" @change=${(e: Event) => this.#setFilter('theme', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.#themeFilter}>${msg('Alle Themen', { id: 'explorer.theme.all', desc: 'Theme filter option: no theme filter.' })}</option>
              ${[...catalogue.themes.values()].map(
                (t) => html`<option value=${t.id} ?selected=${t.id === this.#themeFilter}>${option(this.#resolvedText(t.title), outcome.themeFacet.get(t.id) ?? 0)}</option>`,
              )}
            </select>
          </div>`}
      <div class="control">
        <label for="status">${msg('Stand', { id: 'explorer.status', desc: 'Label of the status filter (how far a measure has come).' })}</label>
        <select id="status" part="status-select" @change=${(e: Event) => this.#setFilter('status', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.#statusFilter}>${msg('Jeder Stand', { id: 'explorer.status.all', desc: 'Status filter option: no status filter.' })}</option>
          ${STATUS_ORDER.map((s) => html`<option value=${s} ?selected=${s === this.#statusFilter}>${option(this.#statusLabel(s), outcome.statusFacet[s])}</option>`)}
        </select>
      </div>
      ${groups.length
        ? html`<div class="control">
            <label for="group">${this.#groupLabel()}</label>
            <select id="group" part="group-select" @change=${(e: Event) => this.#setFilter('group', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.#groupFilter}>${msg('Alle', { id: 'explorer.group.all', desc: 'Group filter option: measures from anyone.' })}</option>
              ${groups.map(
                (g) => html`<option value=${g.id} ?selected=${g.id === this.#groupFilter}>${option(this.#resolvedText(g.title), outcome.groupFacet.get(g.id) ?? 0)}</option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${vm.filtered
        ? html`<button class="wir-button reset" part="reset-button" type="button" @click=${this.#resetFilters}>
            ${msg('Filter zurücksetzen', { id: 'explorer.reset', desc: 'Button that clears the search words and every filter.' })}
          </button>`
        : nothing}
    </form>`;
  }

  #renderCard(info: FieldInfo, summary: Summary): TemplateResult {
    const { field } = info;
    return html`<li class="card" part="field-card" ${customProperty('--_field-color', field.color)}>
      ${this.#renderHeading(
        1,
        { class: 'card-title' },
        html`<a id="card-${field.id}" part="field-link" href=${this.#hrefFor({ field: field.id })} @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openField(field.id))}>
          <span class="kicker">${this.#fieldLabel(field.number)}</span>
          <span class="title">${this.t(field.title)}</span>
        </a>`,
      )}
      ${this.layout === 'compact' ? nothing : html`<p class="summary">${this.t(field.summary)}</p>`}
      <p class="counts">${this.#goalCount(summary.goals)} · ${this.#measureCount(summary.measures)}</p>
      ${this.#renderBreakdown(summary.status, summary.measures)}
    </li>`;
  }

  #renderGroupCard(id: string, summary: Summary): TemplateResult {
    const group = this.#catalogue!.groups.get(id)!;
    const fields = summary.fields;
    return html`<li class="card group-card" part="field-card group-card">
      ${this.#renderHeading(
        1,
        { class: 'card-title' },
        html`<a id="card-group-${id}" part="field-link" href=${this.#hrefFor({ field: undefined, group: id })} @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openGroup(id))}>
          <span class="kicker">${this.#groupKicker()}</span>
          <span class="title">${this.t(group.title)}</span>
        </a>`,
      )}
      ${this.layout === 'compact' || !group.description ? nothing : html`<p class="summary">${this.t(group.description)}</p>`}
      <p class="counts">
        ${this.#measureCount(summary.measures)} ·
        ${fields === 1
          ? msg('in 1 Handlungsfeld', { id: 'explorer.inFields.one', desc: 'How many action fields a group contributed to: exactly one.' })
          : msg(str`in ${fields} Handlungsfeldern`, { id: 'explorer.inFields', desc: 'How many action fields a group contributed to (more than one).' })}
      </p>
      ${this.#renderBreakdown(summary.status, summary.measures)}
    </li>`;
  }

  #renderOverview(vm: ViewModel): TemplateResult {
    const { scope } = vm;
    // A group's card counts measures of every field, so it has no place among one guideline's fields.
    const groups = scope ? [] : [...vm.base.groups].filter(([, s]) => s.measures > 0);
    return html`<ul class="cards" part="fields" role="list">
      ${vm.catalogue.fields.filter((info) => !scope || scope.has(info.index)).map((info) => this.#renderCard(info, vm.base.fields[info.index]))}
      ${groups.map(([id, summary]) => this.#renderGroupCard(id, summary))}
    </ul>`;
  }

  #renderFieldNav(vm: ViewModel, current: FieldInfo): TemplateResult {
    return html`<nav class="field-nav" part="field-nav" aria-label=${msg('Handlungsfelder', { id: 'explorer.fieldNav', desc: 'Accessible name of the navigation between action fields.' })}>
      <a class="back" part="back-link" href=${this.#hrefFor({ field: undefined })} @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openOverview())}>
        ${backIcon}${this.#allFieldsLabel()}
      </a>
      <ul class="chips" role="list">
        ${vm.catalogue.fields.map((info) => {
          const isCurrent = info === current;
          const count = vm.outcome.fieldHits[info.index];
          return html`<li>
            <a
              class="chip"
              href=${this.#hrefFor({ field: info.field.id })}
              aria-current=${isCurrent ? 'page' : nothing}
              @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openField(info.field.id))}
              ><span class="chip-number" aria-hidden="true">${info.field.number}</span>${this.t(info.field.title)}${vm.filtered
                ? html` <span class="chip-count">(${formatNumber(count, this.locale)})</span>`
                : nothing}</a
            >
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  #renderFieldView(vm: ViewModel, info: FieldInfo): TemplateResult {
    const { field } = info;
    const summary = vm.base.fields[info.index];
    return html`${vm.pinnedField ? nothing : this.#renderFieldNav(vm, info)}
      <div class="field-header" part="field-header" ${customProperty('--_field-color', field.color)}>
        ${vm.pinnedField
          ? nothing
          : this.#renderHeading(
              1,
              { id: 'view-heading', class: 'view-heading', focusable: true },
              html`<span class="kicker">${this.#fieldLabel(field.number)}</span> <span class="title">${this.t(field.title)}</span>`,
            )}
        <p class="summary">${this.t(field.summary)}</p>
        <p class="counts">${this.#goalCount(summary.goals)} · ${this.#measureCount(summary.measures)}</p>
        ${this.#renderBreakdown(summary.status, summary.measures)}
      </div>
      ${this.#renderMatches(vm, 'field')}`;
  }

  #renderResultsView(vm: ViewModel): TemplateResult {
    const group = this.#groupFilter ? vm.catalogue.groups.get(this.#groupFilter) : undefined;
    const groupPage = group && !this.#query.trim() && !this.#statusFilter && !(this.#themeFilter && !vm.pinnedTheme);
    return html`<div class="results-header">
        ${groupPage
          ? html`<a class="back" part="back-link" href=${this.#hrefFor({ group: undefined })} @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openOverview())}>
              ${backIcon}${this.#allFieldsLabel()}
            </a>`
          : nothing}
        ${this.#renderHeading(
          1,
          { id: 'view-heading', class: 'view-heading', focusable: true },
          groupPage
            ? html`<span class="kicker">${this.#groupKicker()}</span>
                <span class="title">${this.t(group.title)}</span>`
            : msg('Gefundene Maßnahmen', { id: 'explorer.results', desc: 'Heading of the list of measures matching the search and filters, across all action fields.' }),
        )}
        ${groupPage && group.description ? html`<p class="summary">${this.t(group.description)}</p>` : nothing}
      </div>
      ${this.#renderMatches(vm, 'results')}`;
  }

  /** The result line, the goals with their matching measures (one page), or the no-results help. */
  #renderMatches(vm: ViewModel, context: 'field' | 'results'): TemplateResult {
    const hits = vm.outcome.hits;
    const total = vm.field ? vm.base.fields[vm.field.index].measures : 0;
    const count =
      context === 'field' && vm.filtered
        ? msg(str`${hits.length} von ${total} Maßnahmen passen zur Suche.`, { id: 'explorer.fieldMatches', desc: 'Result count inside one action field: how many of its measures match the search and filters.' })
        : context === 'results'
          ? this.#foundMessage(hits.length)
          : '';
    // A field without any measures says so; a pinned theme with none in this field is a "no results".
    if (hits.length === 0 && context === 'field' && vm.field && vm.field.start === vm.field.end) {
      return html`${renderEmpty(msg('In diesem Handlungsfeld sind noch keine Maßnahmen veröffentlicht.', { id: 'explorer.fieldEmpty', desc: 'Shown for an action field that has no measures yet.' }))}`;
    }
    return html`${count ? html`<p class="result-count" part="result-count">${count}</p>` : nothing}
      ${hits.length === 0 ? this.#renderNoResults(vm) : this.#renderGoals(vm, hits.slice(0, Math.min(this.#limit, this.#firstFrameCap)), context)}
      ${hits.length > this.#limit ? this.#renderMore(hits.length) : nothing}`;
  }

  #renderGoals(vm: ViewModel, page: number[], context: 'field' | 'results'): TemplateResult {
    const { entries } = vm.catalogue;
    // Entries are in feed order, so one goal's measures are next to each other.
    const runs: Array<{ goal: Goal; info: FieldInfo; items: number[] }> = [];
    for (const i of page) {
      const entry = entries[i];
      const last = runs[runs.length - 1];
      if (last && last.goal === entry.goal) last.items.push(i);
      else runs.push({ goal: entry.goal, info: vm.catalogue.fields[entry.fieldIndex], items: [i] });
    }
    return html`<ul class="goals" part="goals" role="list">
      ${runs.map(({ goal, info, items }) => this.#renderGoal(vm, goal, info, items, context))}
    </ul>`;
  }

  #renderGoal(vm: ViewModel, goal: Goal, info: FieldInfo, items: number[], context: 'field' | 'results'): TemplateResult {
    const title =
      context === 'results'
        ? html`<span class="kicker">${this.#fieldLabel(info.field.number)}: ${this.t(info.field.title)}</span>
            <a class="title" href=${this.#hrefFor({ field: info.field.id, goal: goal.id })} @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openGoal(info.field.id, goal.id))}
              >${this.t(goal.title)}</a
            >`
        : html`<span class="title">${this.t(goal.title)}</span>`;
    const targeted = goal.id === this.#goalTarget;
    return html`<li class="goal" part="goal" id="goal-${goal.id}" ?data-target=${targeted} ${customProperty('--_field-color', info.field.color)}>
      ${this.#renderHeading(vm.pinnedField ? 1 : 2, { id: `goal-heading-${goal.id}`, class: 'goal-title', focusable: true }, title)}
      ${goal.description && context === 'field' && this.layout !== 'compact' ? html`<p class="goal-description">${this.t(goal.description)}</p>` : nothing}
      <ul class="measures" role="list">
        ${items.map((i) => this.#renderMeasure(vm, i))}
      </ul>
    </li>`;
  }

  #renderMeasure(vm: ViewModel, index: number): TemplateResult {
    const { catalogue } = vm;
    const { measure, status } = catalogue.entries[index];
    const open = this.#openMeasures.has(measure.id);
    const group = measure.contributedBy ? catalogue.groups.get(measure.contributedBy) : undefined;
    return html`<li class="measure" part="measure" id="m-${measure.id}" ?data-open=${open}>
      ${this.#renderHeading(
        // With a pinned field the explorer's own heading is the field's, so everything moves up one level.
        vm.pinnedField ? 2 : 3,
        { class: 'measure-heading' },
        html`<button
          class="measure-button"
          part="measure-button"
          id="mb-${measure.id}"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="md-${measure.id}"
          @click=${() => this.#toggleMeasure(measure.id)}
        >
          <svg class="icon chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 9l6 6 6-6"></path></svg>
          <span class="measure-title">${this.t(measure.title)}</span>
          <span class="badges">
            <span class="status-badge" part="status-badge" data-status=${status}>${this.#statusLabel(status)}</span>
            ${group ? html`<span class="group-badge">${this.t(group.title)}</span>` : nothing}
          </span>
        </button>`,
      )}
      <div class="measure-details" part="measure-details" id="md-${measure.id}" ?hidden=${!open}>${open ? this.#renderDetails(catalogue, measure) : nothing}</div>
    </li>`;
  }

  #renderDetails(catalogue: Catalogue, measure: Measure): TemplateResult {
    const group = measure.contributedBy ? catalogue.groups.get(measure.contributedBy) : undefined;
    const themes = measure.themes.map((id) => catalogue.themes.get(id)).filter((t) => t !== undefined);
    const list = (items: Array<LocalizedText>) => html`<ul class="inline-list" role="list">${items.map((item) => html`<li>${this.t(item)}</li>`)}</ul>`;
    return html`${measure.description ? html`<p class="measure-description">${this.t(measure.description)}</p>` : nothing}
      <dl class="facts">
        ${measure.responsible
          ? html`<div><dt>${msg('Zuständig', { id: 'explorer.responsible', desc: 'Label: the unit of the city administration responsible for a measure.' })}</dt><dd>${this.t(measure.responsible)}</dd></div>`
          : nothing}
        ${measure.partners?.length
          ? html`<div><dt>${msg('Beteiligt', { id: 'explorer.partners', desc: 'Label: partner organisations involved in a measure.' })}</dt><dd>${list(measure.partners)}</dd></div>`
          : nothing}
        ${themes.length
          ? html`<div><dt>${msg('Querschnittsthemen', { id: 'explorer.themes', desc: 'Label: the cross-cutting themes a measure belongs to.' })}</dt><dd>${list(themes.map((t) => t.title))}</dd></div>`
          : nothing}
        ${group
          ? html`<div><dt>${this.#groupLabel()}</dt><dd>${this.t(group.title)}</dd></div>`
          : nothing}
      </dl>
      <div class="history">
        <p class="subheading" id="mh-${measure.id}">${msg('Verlauf', { id: 'explorer.history', desc: 'Heading of the list of status changes of a measure, oldest first.' })}</p>
        <ol class="history-list" aria-labelledby="mh-${measure.id}">
          ${measure.status.map(
            (change) => html`<li>
              <time datetime=${change.date}>${formatPartialDate(change.date, this.locale)}</time>
              <span class="status-badge" part="status-badge" data-status=${change.status}>${this.#statusLabel(change.status)}</span>
              ${change.note ? html`<span class="note">${this.t(change.note)}</span>` : nothing}
            </li>`,
          )}
        </ol>
      </div>
      ${measure.indicators?.length
        ? html`<div class="indicators">
            <p class="subheading" id="mi-${measure.id}">${msg('Kennzahlen', { id: 'explorer.indicators', desc: 'Heading of the indicators that measure progress of a measure.' })}</p>
            <ul class="indicator-list" role="list" aria-labelledby="mi-${measure.id}">
              ${measure.indicators.map((indicator) => this.#renderIndicator(measure, indicator))}
            </ul>
          </div>`
        : nothing}`;
  }

  #renderIndicator(measure: Measure, indicator: Indicator): TemplateResult {
    const unit = this.t(indicator.unit);
    const locale = this.locale;
    const date = (v: IndicatorValue) => html`<time datetime=${v.date}>${formatPartialDate(v.date, locale)}</time>`;
    const value = (v: IndicatorValue) => html`${formatNumber(v.value, locale)} ${unit} <span class="date">(${date(v)})</span>`;
    const progress = indicatorProgress(indicator);
    const titleId = `it-${measure.id}-${indicator.id}`;
    const percent = progress === undefined ? '' : formatPercent(progress, locale);
    const progressText = msg(str`${percent} des Wegs zum Ziel`, { id: 'explorer.progress', desc: 'How far an indicator has come from its baseline to its target; the placeholder is a percentage like "66 %".' });
    const baseLabel = msg('Ausgangswert', { id: 'explorer.baseline', desc: 'Indicator: the value when the measure started.' });
    const targetLabel = msg('Ziel', { id: 'explorer.target', desc: 'Indicator: the value aimed for.' });
    const chart = indicatorChart(indicator);
    return html`<li class="indicator" part="indicator" ?data-chart=${chart}>
      <p class="indicator-title" id=${titleId}>${this.t(indicator.title)}</p>
      <dl class="values">
        <div><dt class="l-base">${baseLabel}</dt><dd>${value(indicator.baseline)}</dd></div>
        <div><dt class="l-target">${targetLabel}</dt><dd>${value(indicator.target)}</dd></div>
        <div>
          <dt>${msg('Aktuell', { id: 'explorer.current', desc: 'Indicator: the latest measured value.' })}</dt>
          <dd>${indicator.current ? value(indicator.current) : msg('noch nicht erhoben', { id: 'explorer.noCurrent', desc: 'Indicator has no current value yet.' })}</dd>
        </div>
      </dl>
      ${progress === undefined
        ? nothing
        : html`<div class="progress">
            <div
              class="meter"
              part="meter"
              role="meter"
              aria-labelledby=${titleId}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow=${Math.round(progress * 100)}
              aria-valuetext=${progressText}
            >
              <span class="meter-fill" ${customProperty('--_progress', `${(progress * 100).toFixed(1)}%`)}></span>
            </div>
            <span class="progress-text" aria-hidden="true">${progressText}</span>
          </div>`}
      ${chart ? this.#renderChart(indicator, chart, `iv-${measure.id}-${indicator.id}`, titleId, baseLabel, targetLabel, date) : nothing}
    </li>`;
  }

  /**
   * An indicator's series as a small chart: the values as a line, baseline (dotted) and target
   * (dashed) across it, told by line style as much as by colour; the labels of the figures
   * above carry the same line samples as a legend ("Aktuell" the measured line). The drawing is
   * decoration for sighted readers; its caption says the course in one sentence and a
   * disclosure shows every value in a table. Under RTL the drawing is mirrored, so time runs
   * right to left like the reading and the meter above. A table wider than the column scrolls in
   * its own box (Reflow), which keys reach and which is named after the indicator.
   */
  #renderChart(indicator: Indicator, chart: Chart, id: string, titleId: string, baseLabel: string, targetLabel: string, date: (v: IndicatorValue) => TemplateResult): TemplateResult {
    const { baseline, target } = indicator;
    const series = indicator.series!;
    const locale = this.locale;
    const unit = this.#resolvedText(indicator.unit);
    const amount = (v: IndicatorValue) => `${formatNumber(v.value, locale)} ${unit}`;
    const when = (v: IndicatorValue) => formatPartialDate(v.date, locale);
    const [first, last] = [series[0], series[series.length - 1]];
    const isBaseline = (v: IndicatorValue) => v.date === baseline.date && v.value === baseline.value;
    const open = this.#openTables.has(id);
    return html`<figure class="chart">
        <figcaption>
          ${msg(str`Von ${amount(first)} (${when(first)}) auf ${amount(last)} (${when(last)}); Ziel: ${amount(target)} bis ${when(target)}.`, {
            id: 'explorer.series',
            desc: 'One-sentence summary of an indicator chart: first and last measured value with their dates, then the target value and its date. Values include their unit, e.g. "12 Personen"; dates are like "Juni 2025".',
          })}
        </figcaption>
        <svg viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true">
          <path class="l-base" d="M0 ${chart.base}H100"></path>
          <path class="l-target" d="M0 ${chart.goal}H100"></path>
          <polyline points=${chart.line}></polyline>
          <path class="dot" d=${chart.dots}></path>
          <path class="dot l-target" d=${chart.target}></path>
        </svg>
      </figure>
      <button class="wir-button small" type="button" aria-expanded=${open} aria-controls=${id} @click=${() => this.#toggleTable(id)}>
        ${msg('Werte als Tabelle', { id: 'explorer.series.table', desc: 'Disclosure button under an indicator chart that shows the same values as a table.' })}
      </button>
      <div class="table-box" id=${id} role="region" aria-labelledby=${titleId} tabindex="0" ?hidden=${!open}>
        ${open
          ? html`<table class="series-table">
              <caption>${this.t(indicator.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Datum', { id: 'explorer.series.date', desc: 'Column header in the table of indicator values: the date of each value.' })}</th>
                  <th scope="col">${this.t(indicator.unit)}</th>
                </tr>
              </thead>
              <tbody>
                ${[...(series.some(isBaseline) ? [] : [baseline]), ...series, target].map(
                  (v) => html`<tr>
                    <th scope="row">${date(v)}${v === target ? ` (${targetLabel})` : isBaseline(v) ? ` (${baseLabel})` : ''}</th>
                    <td>${formatNumber(v.value, locale)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing}
      </div>`;
  }

  #renderMore(total: number): TemplateResult {
    const shown = Math.min(this.#limit, total);
    const next = Math.min(this.#pageLength, total - shown);
    return html`<div class="more">
      <p class="more-status">${msg(str`${shown} von ${total} Maßnahmen angezeigt`, { id: 'explorer.shown', desc: 'How many of the matching measures are shown so far.' })}</p>
      <button class="wir-button" part="more-button" type="button" @click=${this.#showMore}>
        ${msg(str`${next} weitere anzeigen`, { id: 'explorer.showMore', desc: 'Button that shows the next page of measures; the placeholder is how many.' })}
      </button>
    </div>`;
  }

  #renderNoResults(vm: ViewModel): TemplateResult {
    const active: Array<{ kind: 'q' | 'theme' | 'status' | 'group'; label: string }> = [];
    const words = this.#query.trim();
    if (words) active.push({ kind: 'q', label: msg(str`Suche „${words}“`, { id: 'explorer.active.query', desc: 'An active filter: the search words, in quotes.' }) });
    if (this.#themeFilter && !vm.pinnedTheme) {
      const title = this.#resolvedText(vm.catalogue.themes.get(this.#themeFilter)?.title);
      active.push({ kind: 'theme', label: msg(str`Querschnittsthema „${title}“`, { id: 'explorer.active.theme', desc: 'An active filter: a cross-cutting theme, in quotes.' }) });
    }
    if (this.#statusFilter) {
      const label = this.#statusLabel(this.#statusFilter);
      active.push({ kind: 'status', label: msg(str`Stand „${label}“`, { id: 'explorer.active.status', desc: 'An active filter: a status, in quotes.' }) });
    }
    if (this.#groupFilter) {
      const title = this.#resolvedText(vm.catalogue.groups.get(this.#groupFilter)?.title);
      active.push({ kind: 'group', label: msg(str`Eingebracht von „${title}“`, { id: 'explorer.active.group', desc: 'An active filter: the contributing group, in quotes.' }) });
    }
    const elsewhere = vm.kind === 'field' && !vm.pinnedField ? [...vm.outcome.fieldHits].reduce((a, b) => a + b, 0) : 0;
    const pinnedTheme = vm.pinnedTheme ? this.#resolvedText(vm.catalogue.themes.get(vm.pinnedTheme)?.title) : '';
    return html`<div class="no-results" part="no-results">
      <p class="no-results-title">${msg('Keine Maßnahme passt zu Ihrer Auswahl.', { id: 'explorer.noResults', desc: 'Headline when no measure matches the search and filters.' })}</p>
      ${active.length
        ? html`<p>${msg('Aktiv sind:', { id: 'explorer.noResults.active', desc: 'Introduces the list of active search words and filters.' })}</p>
            <ul class="active-filters" role="list">
              ${active.map(
                ({ kind, label }) => html`<li>
                  <span>${label}</span>
                  <button class="wir-button small" type="button" @click=${() => this.#removeFilter(kind)}>
                    ${msg('entfernen', { id: 'explorer.remove', desc: 'Button next to an active filter that removes just that filter.' })}<span class="visually-hidden">: ${label}</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      ${vm.pinnedTheme
        ? html`<p>${msg(str`Diese Übersicht zeigt nur Maßnahmen zum Querschnittsthema „${pinnedTheme}“.`, { id: 'explorer.noResults.pinnedTheme', desc: 'Explains that the page fixed the theme, so it cannot be removed.' })}</p>`
        : nothing}
      ${active.length
        ? html`<p>${msg('Versuchen Sie weniger oder andere Wörter, oder entfernen Sie einen Filter.', { id: 'explorer.noResults.hint', desc: 'How to widen a search that found nothing.' })}</p>`
        : nothing}
      ${elsewhere > 0
        ? html`<p>
            ${elsewhere === 1
              ? msg('In einem anderen Handlungsfeld passt 1 Maßnahme.', { id: 'explorer.noResults.elsewhere.one', desc: 'Other action fields have exactly one match.' })
              : msg(str`In anderen Handlungsfeldern passen ${elsewhere} Maßnahmen.`, { id: 'explorer.noResults.elsewhere', desc: 'Other action fields have matches; the placeholder is how many (more than one).' })}
            <a href=${this.#hrefFor({ field: undefined })} @click=${(e: MouseEvent) => this.#navigate(e, () => this.#openOverview())}
              >${msg('In allen Handlungsfeldern suchen', { id: 'explorer.noResults.searchAll', desc: 'Link that keeps the search and filters but leaves the action field, showing matches from all fields.' })}</a
            >
          </p>`
        : nothing}
      ${active.length > 1
        ? html`<button class="wir-button" type="button" @click=${this.#resetFilters}>
            ${msg('Alle Filter zurücksetzen', { id: 'explorer.noResults.reset', desc: 'Button in the no-results message that clears the search and every filter.' })}
          </button>`
        : nothing}
    </div>`;
  }

  #renderExplorer(vm: ViewModel): TemplateResult {
    const strategy = vm.catalogue.feed.strategy;
    const headingText = this.heading?.trim() || (vm.pinnedField && vm.field ? null : msg('Handlungsfelder und Maßnahmen', { id: 'explorer.heading', desc: 'Default heading of the explorer.' }));
    const pinned = vm.pinnedField ? vm.field : undefined;
    const view =
      vm.kind === 'field' && vm.field ? this.#renderFieldView(vm, vm.field) : vm.kind === 'results' ? this.#renderResultsView(vm) : this.#renderOverview(vm);
    return html`<section
      class="base"
      part="base"
      lang=${this.uiLocale}
      dir=${this.dir}
      aria-labelledby="heading"
      data-layout=${this.layout === 'compact' ? 'compact' : 'default'}
      data-view=${vm.kind}
    >
      <div class="header" part="header">
        ${this.#renderHeading(
          0,
          { id: 'heading', class: 'heading', focusable: true },
          headingText ?? (pinned ? html`<span class="kicker">${this.#fieldLabel(pinned.field.number)}</span> <span class="title">${this.t(pinned.field.title)}</span>` : ''),
        )}
        <p class="strategy">${this.t(strategy.title)}</p>
        ${this.renderEasyToggle()}
      </div>
      ${this.#renderFilters(vm)}
      <div id="live" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
      <div class="view" data-view=${vm.kind}>
        ${vm.guideline
          ? html`<p class="notice" part="guideline-filter">
              <span
                >${msg(str`Handlungsfelder zur Leitlinie ${vm.guideline.number}`, {
                  id: 'explorer.guidelineFilter',
                  desc: 'Shown above the action fields when they are narrowed to those serving one guideline (chosen in another widget or by a link); the placeholder is the guideline number, its title follows after a colon.',
                })}: ${this.t(vm.guideline.title)}</span
              >
              <button class="wir-button small" type="button" @click=${this.#showAllFields}>${this.#allFieldsLabel()}</button>
            </p>`
          : nothing}
        ${view}
      </div>
      ${this.renderFreshness()}
    </section>`;
  }

  protected override render(): TemplateResult {
    const { state, error } = this.feed;
    const vm = this.#vm;
    const pinnedField = this.#pinnedFieldId();
    const pinnedTheme = vm?.pinnedTheme;
    const unknownTheme = pinnedTheme && !vm.catalogue.themes.has(pinnedTheme);
    if (state === 'ready' && vm && !(pinnedField && !vm.field) && !unknownTheme && vm.catalogue.fields.length) {
      return this.#renderExplorer(vm);
    }
    // Loading, error and empty states carry the UI language and direction like the explorer does.
    return html`<div lang=${this.uiLocale} dir=${this.dir}>
      ${state === 'loading'
        ? renderLoading('var(--wir-explorer-min-height, 24rem)')
        : state === 'error'
          ? renderError(error!, () => this.feed.retry())
          : renderEmpty(
              state === 'idle' || !vm
                ? msg('Für diese Übersicht ist keine Datenquelle angegeben.', { id: 'explorer.noSource', desc: 'Shown when the element has no feed URL (no src attribute, no page default).' })
                : pinnedField && !vm.field
                  ? msg(str`Das Handlungsfeld „${pinnedField}“ ist in den Daten nicht enthalten.`, { id: 'explorer.unknownField', desc: 'The page pinned an action field id that the feed does not contain; the placeholder is that id.' })
                  : unknownTheme
                    ? msg(str`Das Querschnittsthema „${pinnedTheme}“ ist in den Daten nicht enthalten.`, { id: 'explorer.unknownTheme', desc: 'The page pinned a cross-cutting theme id that the feed does not contain; the placeholder is that id.' })
                    : msg('Es sind noch keine Handlungsfelder veröffentlicht.', { id: 'explorer.empty', desc: 'Shown when the feed contains no action fields.' }),
            )}
    </div>`;
  }
}

type IdleHandle = number;

/** Calls `callback` when the page is idle, with a function telling whether idle time is left. */
function requestIdle(callback: (more: () => boolean) => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    return requestIdleCallback((deadline) => callback(() => deadline.timeRemaining() > 1), { timeout: 2000 });
  }
  return setTimeout(() => {
    const end = performance.now() + 8;
    callback(() => performance.now() < end);
  }, 50) as unknown as number;
}

function cancelIdle(handle: IdleHandle): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
