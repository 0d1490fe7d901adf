import { LitElement, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { primaryLanguage as primary, resolveText, textDirection } from '@wir/feed';
import type { LocalizedText, ResolvedText, Spec } from '@wir/feed';
import { chooseEasyLanguage, EASY_GERMAN, easyLanguageChosen } from './easy-language.js';
import { FeedController } from './feed-controller.js';
import type { SelectionController } from './selection.js';
import { type Selection, selectedFields } from './selected-fields.js';
import { getDefaultFeedUrl } from './feed-url.js';
import { explicitDir, findLang, observeLangChanges } from './internal/lang.js';
import { isLocaleLoaded, loadLocale, resolveLocale, sourceLocale, withRenderLocale } from './locale.js';
import type { Locale } from './locale.js';
import { baseStyles } from './base.styles.js';
import { tokens } from './tokens.styles.js';

/**
 * Base class of every WIR widget: finds the reader's language, loads the feed, and renders
 * `msg()` strings in the element's own language (several languages can share one page).
 *
 * Subclasses render `this.feed.state` with the shared states, and feed text through `t()`.
 */
export class WirElement extends LitElement {
  static override styles = [tokens, baseStyles];
  // Reactive properties declared statically, not with decorators: core then pulls no decorator
  // code into the bundle every widget shares.
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    scheme: { reflect: true },
    group: { reflect: true },
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  /**
   * The part of the feed this widget reads (a spec from @wir/feed such as `timelinePart`); only
   * that part is checked, so a mistake elsewhere in the feed does not break this widget. Every
   * subclass sets it.
   */
  static feedPart: Spec;

  /** Feed URL; falls back to the page default (setDefaultFeedUrl, or the loader's data-feed). */
  src?: string;

  /** Colour scheme: `light`, `dark`, or `auto` (default; follows prefers-color-scheme). */
  scheme?: 'light' | 'dark' | 'auto';

  /**
   * Name of the widget group this widget belongs to (letters, digits, `_`, `-`). Widgets of one
   * group follow each other's selection (an action field, a guideline); see SelectionController.
   */
  group?: string;

  /** Loads the feed named by `src`; its `state` drives what a widget renders. */
  protected readonly feed: FeedController;

  /**
   * The selection shared with the widgets of the same `group`; set once a group is named (the
   * module is loaded only then, so pages without groups never download it).
   */
  protected selection?: SelectionController;

  #langTag: string = sourceLocale;
  #renderedDir: 'ltr' | 'rtl' = 'ltr';
  #stopObservingLang?: () => void;

  constructor() {
    super();
    this.feed = new FeedController(
      this,
      () => this.src || getDefaultFeedUrl(),
      (this.constructor as typeof WirElement).feedPart,
    );
  }

  /**
   * The reader's language as a canonical BCP 47 tag: own `lang`, else the closest ancestor's
   * (crossing shadow roots), else `<html lang>`, else `de`. Feed text is resolved against it.
   */
  get locale(): string {
    return this.#langTag;
  }

  /** The language the widget's own UI strings are shown in (`tr-TR` → `tr`, `fr` → `de`). */
  get uiLocale(): Locale {
    return resolveLocale(this.#langTag);
  }

  /**
   * Writing direction: an explicit `dir="ltr|rtl"` on the element, else the locale's direction.
   * Setting it sets the `dir` attribute, as on any element.
   */
  override get dir(): 'ltr' | 'rtl' {
    return explicitDir(this) ?? textDirection(this.#langTag);
  }

  override set dir(value: string) {
    this.setAttribute('dir', value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#refreshLang();
    // Also told when the reader switches easy German, which re-renders every widget.
    this.#stopObservingLang = observeLangChanges((force) => this.#refreshLang(force));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopObservingLang?.();
    this.#stopObservingLang = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.group) void this.#loadSelection();
  }

  #selectionLoad?: Promise<SelectionController>;

  #loadSelection(): Promise<SelectionController> {
    // The module object rather than a destructured import, which the bundler would rewrite
    // into a longer form.
    return (this.#selectionLoad ??= import('./selection.js').then((module) => {
      this.requestUpdate();
      return (this.selection = new module.SelectionController(this));
    }));
  }

  /**
   * Chooses for the widget's group (see SelectionController.select); a reader's click is kept
   * even while the group's module is still loading. Does nothing without a group.
   */
  protected choose(selection: Selection | undefined, replace?: boolean, reveal?: boolean): void {
    if (this.group) void this.#loadSelection().then((controller) => controller.select(selection, replace, reveal));
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if ((name === 'lang' || name === 'dir') && old !== value) this.#refreshLang();
  }

  /**
   * Whether the reader can switch to easy German here: the texts this widget shows include
   * `de-x-ls` variants and the reader reads German.
   */
  protected get easyOffered(): boolean {
    return primary(this.#langTag) == 'de' && !!this.feed.result?.languages.has(EASY_GERMAN);
  }

  /** True when texts are shown in easy German where the feed has them. */
  protected get easy(): boolean {
    return this.easyOffered && easyLanguageChosen();
  }

  /**
   * Feed text in the reader's language, as text (never HTML). When the text is in another
   * language than the widget's (a fallback, or easy German), it is wrapped in `<span lang dir>`
   * so screen readers switch voice and rules.
   */
  protected t(value: LocalizedText | undefined): TemplateResult | string {
    const resolved = this.resolve(value);
    if (!resolved) return '';
    if (!this.easy && !resolved.fallback && primary(resolved.lang) === primary(this.uiLocale)) return resolved.text;
    return html`<span lang=${resolved.lang} dir=${resolved.dir}>${resolved.text}</span>`;
  }

  /** Feed text resolved for the reader, for attributes (alt, aria-label) where no span fits. */
  protected resolve(value: LocalizedText | undefined): ResolvedText | undefined {
    if (value === undefined) return undefined;
    const feed = this.feed.feed;
    const wanted = this.easy ? [EASY_GERMAN, this.#langTag] : [this.#langTag];
    return resolveText(value, wanted, feed?.strategy.defaultLanguage ?? sourceLocale);
  }

  /**
   * The switch between standard and easy German, for the widget's header; nothing when the feed
   * has no easy German or the reader does not read German. A toggle button: its name stays, its
   * pressed state says which language is on. Switches every widget on the page.
   */
  protected renderEasyToggle(): TemplateResult | typeof nothing {
    if (!this.easyOffered) return nothing;
    const on = easyLanguageChosen();
    return html`<button
      type="button"
      class="wir-button wir-easy"
      part="easy-language"
      aria-pressed=${on}
      @click=${() => chooseEasyLanguage(!on)}
    >
      ${msg('Leichte Sprache', { id: 'easy.toggle', desc: 'Toggle button: show texts in easy German (Leichte Sprache).' })}
    </button>`;
  }

  /**
   * The action fields the group's selection designates, among `fields`; undefined when the
   * widget has no group, nothing is selected, or the selection names nothing in this feed.
   */
  protected selectedFields(): Set<string> | undefined {
    return selectedFields(this.selection?.value, this.feed.feed?.actionFields ?? []);
  }

  /**
   * For widgets that follow their group: which selection they show, with a button that clears
   * it for the whole group. Nothing when no (known) selection applies. Rendered by the group's
   * module, the only time it shows being when that module is loaded and a selection applies.
   */
  protected renderSelectionNote(): TemplateResult | typeof nothing {
    return this.selectedFields() ? this.selection!.note(this.feed.feed!, (text) => this.t(text), () => this.choose(undefined)) : nothing;
  }

  /**
   * How current the content is, for the widget's foot: the feed's date ("as of"), and when the
   * network failed, that this is a saved copy, refreshed by itself once the network is back.
   */
  protected renderFreshness(): TemplateResult | typeof nothing {
    const result = this.feed.result;
    if (!result) return nothing;
    const lang = this.#langTag;
    // The feed's date is a calendar day (read as UTC midnight); the saved copy's is a moment.
    const asOf = new Date(result.feed.strategy.updated).toLocaleDateString(lang, { dateStyle: 'long', timeZone: 'UTC' });
    // Formatted only when shown: widgets re-render on every keystroke of a search.
    const saved = result.stale && result.loadedAt.toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
    return html`<p class="wir-freshness" part="freshness" role="status">
      ${msg(str`Stand: ${asOf}`, { id: 'freshness.asOf', desc: 'The date of the content shown; the placeholder is a date.' })}
      ${result.stale
        ? html`<span class="wir-stale"
            >${msg(str`Offline: gespeicherte Fassung vom ${saved}. Sie wird aktualisiert, sobald die Verbindung zurück ist.`, {
              id: 'freshness.stale',
              desc: 'The network failed and a saved copy is shown; the placeholder is a date and time.',
            })}</span
          >`
        : nothing}
    </p>`;
  }

  // Renders wait for the UI strings of their locale, so a widget never flashes German first.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.uiLocale;
    if (isLocaleLoaded(locale)) return super.scheduleUpdate();
    return loadLocale(locale).then(() => super.scheduleUpdate());
  }

  // msg() reads the locale of the element that is rendering; updated() runs inside too, so
  // strings computed after render (announcements) use the same language.
  protected override performUpdate(): void {
    withRenderLocale(this.uiLocale, () => super.performUpdate());
  }

  #refreshLang(force?: boolean): void {
    const lang = this.isConnected ? findLang(this, sourceLocale) : this.#langTag;
    const dir = explicitDir(this) ?? textDirection(lang);
    if (force || lang !== this.#langTag || dir !== this.#renderedDir) {
      this.#langTag = lang;
      this.#renderedDir = dir;
      this.requestUpdate();
    }
  }
}
