import { LitElement, html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { resolveText, textDirection } from '@wir/feed';
import type { LocalizedText, ResolvedText, Spec } from '@wir/feed';
import { FeedController } from './feed-controller.js';
import { getDefaultFeedUrl } from './feed-url.js';
import { explicitDir, findLang, observeLangChanges } from './internal/lang.js';
import { isLocaleLoaded, loadLocale, resolveLocale, sourceLocale, withRenderLocale } from './locale.js';
import type { Locale } from './locale.js';
import { baseStyles } from './base.styles.js';
import { tokens } from './tokens.styles.js';

const primary = (tag: string) => tag.split('-')[0].toLowerCase();

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
  static override properties: PropertyDeclarations = { src: { reflect: true }, scheme: { reflect: true } };

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

  /** Loads the feed named by `src`; its `state` drives what a widget renders. */
  protected readonly feed: FeedController;

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
    this.#stopObservingLang = observeLangChanges(() => this.#refreshLang());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopObservingLang?.();
    this.#stopObservingLang = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if ((name === 'lang' || name === 'dir') && old !== value) this.#refreshLang();
  }

  /**
   * Feed text in the reader's language, as text (never HTML). When the feed had to fall back to
   * another language, the text is wrapped in `<span lang dir>` so screen readers switch voice.
   */
  protected t(value: LocalizedText | undefined): TemplateResult | string {
    const resolved = this.resolve(value);
    if (!resolved) return '';
    if (!resolved.fallback && primary(resolved.lang) === primary(this.uiLocale)) return resolved.text;
    return html`<span lang=${resolved.lang} dir=${resolved.dir}>${resolved.text}</span>`;
  }

  /** Feed text resolved for the reader, for attributes (alt, aria-label) where no span fits. */
  protected resolve(value: LocalizedText | undefined): ResolvedText | undefined {
    if (value === undefined) return undefined;
    const feed = this.feed.feed;
    return resolveText(value, [this.#langTag], feed?.strategy.defaultLanguage ?? sourceLocale);
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

  #refreshLang(): void {
    const lang = this.isConnected ? findLang(this, sourceLocale) : this.#langTag;
    const dir = explicitDir(this) ?? textDirection(lang);
    if (lang !== this.#langTag || dir !== this.#renderedDir) {
      this.#langTag = lang;
      this.#renderedDir = dir;
      this.requestUpdate();
    }
  }
}
