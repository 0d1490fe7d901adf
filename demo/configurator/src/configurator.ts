/**
 * The editors' configurator: pick a widget and its options, see the real widget, copy the
 * snippet. Plain DOM, no Lit: the preview's widgets bring their own Lit, and under the demo's
 * Trusted Types policy (`trusted-types lit-html`, no 'allow-duplicates') a second copy of Lit
 * on the page could not create its policy. Nothing here writes HTML strings; every node is
 * created and filled through the DOM, so the page needs no policy of its own.
 */
import { resolveText, validateFeed } from '@wir/feed';
import type { FeedProblem, LocalizedText } from '@wir/feed';
// Plain data modules, imported by path: the widget list is the registry (a widget registered
// there appears here too) and the UI languages are the ones core ships.
import { widgetTags } from '../../../packages/embed/src/registry.js';
import { allLocales } from '../../../packages/core/src/generated/locale-codes.js';
import { NON_TEXT_MINIMUM, TEXT_MINIMUM, contrastRatio, formatRatio, parseColor, toHex } from './contrast.js';
import type { Rgb } from './contrast.js';
import { collectionFor, feedCollections } from './feed-ids.js';
import type { FeedCollections } from './feed-ids.js';
import { widgetDoc } from './manifest.js';
import type { AttributeDoc, WidgetDoc } from './manifest.js';
import { messages } from './messages.js';
import type { Messages, UiLanguage } from './messages.js';
import { frameSnippet, scriptSnippet } from './snippets.js';
import type { EmbedChoice } from './snippets.js';

export interface ConfiguratorOptions {
  /** Folder of wir-widgets.js, frame.html and custom-elements.json; relative to the page or absolute. */
  base: string;
  /** Feed preset in the form; relative to the page or absolute. */
  feed: string;
  /** The custom-elements manifest; default: fetched from `<base>custom-elements.json`. */
  manifest?: unknown;
  /** Widget tags to offer; default: the loader's registry. */
  widgets?: readonly string[];
  language?: UiLanguage;
}

type Scheme = 'auto' | 'light' | 'dark';
type Value = string | boolean;

type FeedCheck =
  | { state: 'loading' }
  | { state: 'bad-url' }
  | { state: 'unreachable'; detail: string }
  | { state: 'not-json' }
  | { state: 'invalid'; problems: FeedProblem[] }
  | { state: 'ok'; title: LocalizedText; defaultLanguage: string; updated: string };

interface ContrastProblem {
  kind: 'text' | 'ui' | 'on-accent';
  scheme: 'light' | 'dark';
  accent: string;
  /** The background (surface kinds) or the text colour on the accent (on-accent). */
  other: string;
  surface?: string;
  ratio: number;
}

/** Fallback iframe height when the manifest names no reserved height, and the least we suggest. */
const MIN_FRAME_HEIGHT = 480;
const surfaces = ['surface', 'surface-raised'] as const;

type Child = Node | string | false | null | undefined;

/** Creates an element with attributes (`true` = present, `false`/undefined = absent) and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...(children.filter((child) => child !== null && child !== undefined && child !== false) as Array<Node | string>));
  return element;
}

/** Text with `code` spans, as the widgets' JSDoc writes attribute values. */
function richText(text: string): Array<Node | string> {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Configurator {
  readonly root: HTMLElement;
  #options: ConfiguratorOptions;
  #base: string;
  #widgets: string[];
  #ui: UiLanguage;
  #manifest: unknown;
  #manifestUrl: string;
  #manifestFailed = false;

  #tag: string;
  #feedInput: string;
  #lang = '';
  #scheme: Scheme = 'auto';
  #accentOn = false;
  #accent = '#8c2155';
  #values = new Map<string, Map<string, Value>>();
  #frameId = '';
  #frameHeight = '';
  #frameTitle = '';

  #feedData: unknown;
  #collections: FeedCollections = new Map();
  #feedCheck: FeedCheck = { state: 'loading' };
  #feedGeneration = 0;
  #feedAbort?: AbortController;
  #contrast: ContrastProblem[] | 'unchecked' | undefined;
  #previewGeneration = 0;
  #previewKey = '';
  #pending = new Set<Promise<unknown>>();
  #lastUpdate = 0;
  #lastNavigation = 0;
  #focusBeforeUpdate?: HTMLElement;

  // Filled by #render().
  #widgetSummary!: HTMLElement;
  #feedField!: HTMLInputElement;
  #langSelect!: HTMLSelectElement;
  #optionsFieldset!: HTMLFieldSetElement;
  #frameFields!: { id: HTMLInputElement; height: HTMLInputElement; title: HTMLInputElement };
  #warnings!: HTMLElement;
  #problems!: HTMLElement;
  #preview!: HTMLElement;
  #scriptOut!: HTMLTextAreaElement;
  #frameOut!: HTMLTextAreaElement;
  #probe!: HTMLElement;

  constructor(root: HTMLElement, options: ConfiguratorOptions) {
    this.root = root;
    this.#options = options;
    this.#base = new URL(options.base, location.href).href.replace(/\/?$/, '/');
    this.#manifestUrl = new URL('custom-elements.json', this.#base).href;
    this.#widgets = [...(options.widgets ?? widgetTags)];
    this.#tag = this.#widgets[0] ?? '';
    this.#feedInput = new URL(options.feed, location.href).href;
    this.#ui = options.language ?? (root.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? 'en' : 'de');
    this.#manifest = options.manifest;
    // A widget that focuses something on first render (a deep link) must not pull the keyboard
    // out of the form on every change; a Tab or a click into the preview is the editor's own.
    root.addEventListener('keydown', (event) => event.key === 'Tab' && (this.#lastNavigation = performance.now()), true);
    root.addEventListener('pointerdown', () => (this.#lastNavigation = performance.now()), true);
  }

  /** Loads the manifest (unless given), renders the form, checks the preset feed. */
  async start(): Promise<this> {
    if (this.#manifest === undefined) {
      try {
        const response = await fetch(this.#manifestUrl, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.#manifest = await response.json();
      } catch {
        this.#manifestFailed = true;
        this.#manifest = {};
      }
    }
    this.#render();
    this.#track(this.#checkFeed());
    return this;
  }

  /** Resolves when no feed check or contrast check is under way (for tests and tools). */
  async whenIdle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  get #m(): Messages {
    return messages[this.#ui];
  }

  #doc(): WidgetDoc {
    return widgetDoc(this.#manifest, this.#tag);
  }

  #valuesOf(tag: string): Map<string, Value> {
    let values = this.#values.get(tag);
    if (!values) this.#values.set(tag, (values = new Map()));
    return values;
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    const done = () => this.#pending.delete(promise);
    promise.then(done, done);
    return promise;
  }

  /** The feed URL as an absolute http(s) URL, or undefined when the input is none. */
  #feedUrl(): string | undefined {
    try {
      const url = new URL(this.#feedInput.trim(), location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  #choice(): EmbedChoice {
    const values = this.#valuesOf(this.#tag);
    const attributes: Array<[string, string | true]> = [];
    for (const { name } of this.#doc().attributes) {
      const value = values.get(name);
      if (value === true || (typeof value === 'string' && value !== '')) attributes.push([name, value]);
    }
    return {
      tag: this.#tag,
      feed: this.#feedUrl() ?? this.#feedInput.trim(),
      lang: this.#lang || undefined,
      scheme: this.#scheme === 'auto' ? undefined : this.#scheme,
      accent: this.#accentOn ? this.#accent : undefined,
      attributes,
    };
  }

  #frameDefaults(doc: WidgetDoc) {
    return {
      id: doc.tag.replace(/^wir-/, ''),
      height: String(Math.max(doc.reservedHeight ?? 0, MIN_FRAME_HEIGHT)),
      title: doc.summary.replace(/\.\s*$/, '') || doc.tag,
    };
  }

  // ---- rendering -------------------------------------------------------------------------

  #render(): void {
    const m = this.#m;
    this.root.lang = this.#ui;
    if (this.root === document.querySelector('main')) document.title = m.pageTitle;

    const switchButton = h('button', { type: 'button', class: 'wc-switch', lang: m.switchLanguageLang }, m.switchLanguage);
    switchButton.addEventListener('click', () => {
      this.#ui = this.#ui === 'de' ? 'en' : 'de';
      this.#previewKey = '';
      this.#render();
      this.root.querySelector<HTMLElement>('.wc-switch')?.focus();
    });

    const form = h('form', { class: 'wc-form', 'aria-labelledby': 'wc-settings-heading', novalidate: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (document.activeElement === this.#feedField) this.#feedChanged();
    });
    form.append(
      h('h2', { id: 'wc-settings-heading' }, m.settings),
      this.#renderWidgetFieldset(),
      this.#renderFeedFieldset(),
      this.#renderAppearanceFieldset(),
      (this.#optionsFieldset = h('fieldset', { class: 'wc-options' })),
      this.#renderFrameFieldset(),
    );

    this.#warnings = h('div', { id: 'wc-warnings', class: 'wc-warnings', 'aria-live': 'polite' });
    this.#problems = h('div', { id: 'wc-problems' });
    this.#preview = h('div', { id: 'wc-preview', class: 'wc-preview' });
    this.#preview.addEventListener('focusin', () => this.#keepFocusInForm());
    this.#scriptOut = this.#snippetArea('wc-snippet-script', m.scriptSnippet);
    this.#frameOut = this.#snippetArea('wc-snippet-frame', m.frameSnippet);
    this.#probe = h('span', { hidden: true, 'aria-hidden': 'true' });

    const output = h(
      'div',
      { class: 'wc-output' },
      h(
        'section',
        { 'aria-labelledby': 'wc-warnings-heading', class: 'wc-section' },
        h('h2', { id: 'wc-warnings-heading' }, m.warnings),
        this.#warnings,
        this.#problems,
      ),
      h(
        'section',
        { 'aria-labelledby': 'wc-preview-heading', class: 'wc-section' },
        h('h2', { id: 'wc-preview-heading' }, m.preview),
        h('p', { class: 'wc-hint' }, m.previewHint),
        this.#preview,
      ),
      h(
        'section',
        { 'aria-labelledby': 'wc-code-heading', class: 'wc-section' },
        h('h2', { id: 'wc-code-heading' }, m.code),
        this.#snippetBlock('wc-snippet-script', m.scriptSnippet, m.scriptSnippetHint, this.#scriptOut),
        this.#snippetBlock('wc-snippet-frame', m.frameSnippet, m.frameSnippetHint, this.#frameOut),
      ),
    );

    this.root.replaceChildren(
      h(
        'header',
        { class: 'wc-header' },
        h('h1', {}, m.heading),
        switchButton,
        h('p', { class: 'wc-intro' }, m.intro),
        this.#manifestFailed && h('p', { class: 'wc-error', role: 'alert' }, m.manifestMissing(this.#manifestUrl)),
      ),
      h('div', { class: 'wc-layout' }, form, output),
      this.#probe,
    );
    this.#renderLanguageOptions();
    this.#renderOptions();
    this.#renderProblems();
    this.#update();
  }

  #renderWidgetFieldset(): HTMLFieldSetElement {
    const m = this.#m;
    const select = h(
      'select',
      { id: 'wc-widget', 'aria-describedby': 'wc-widget-summary' },
      ...this.#widgets.map((tag) => h('option', { value: tag, selected: tag === this.#tag }, `<${tag}>`)),
    );
    select.addEventListener('change', () => {
      this.#tag = select.value;
      const defaults = this.#frameDefaults(this.#doc());
      this.#frameId = '';
      this.#frameHeight = '';
      this.#frameTitle = '';
      this.#frameFields.id.value = defaults.id;
      this.#frameFields.height.value = defaults.height;
      this.#frameFields.title.value = defaults.title;
      this.#renderOptions();
      this.#update();
    });
    this.#widgetSummary = h('p', { id: 'wc-widget-summary', class: 'wc-hint' });
    return h(
      'fieldset',
      {},
      h('legend', {}, m.widget),
      h('label', { for: 'wc-widget' }, m.widgetSelect),
      select,
      this.#widgetSummary,
    );
  }

  #renderFeedFieldset(): HTMLFieldSetElement {
    const m = this.#m;
    this.#feedField = h('input', {
      id: 'wc-feed',
      type: 'url',
      value: this.#feedInput,
      autocomplete: 'url',
      spellcheck: 'false',
      'aria-describedby': 'wc-feed-hint',
    });
    this.#feedField.addEventListener('change', () => this.#feedChanged());
    const check = h('button', { type: 'button', id: 'wc-feed-check' }, m.checkFeed);
    check.addEventListener('click', () => this.#feedChanged());
    return h(
      'fieldset',
      {},
      h('legend', {}, m.feed),
      h('label', { for: 'wc-feed' }, m.feedUrl),
      h('div', { class: 'wc-row' }, this.#feedField, check),
      h('p', { id: 'wc-feed-hint', class: 'wc-hint' }, m.feedHint),
    );
  }

  #renderAppearanceFieldset(): HTMLFieldSetElement {
    const m = this.#m;
    this.#langSelect = h('select', { id: 'wc-lang' });
    this.#langSelect.addEventListener('change', () => {
      this.#lang = this.#langSelect.value;
      this.#update();
    });

    const radios = (['auto', 'light', 'dark'] as const).map((scheme) => {
      const input = h('input', { type: 'radio', name: 'wc-scheme', id: `wc-scheme-${scheme}`, value: scheme, checked: this.#scheme === scheme });
      input.addEventListener('change', () => {
        this.#scheme = scheme;
        this.#update();
      });
      const label = { auto: m.schemeAuto, light: m.schemeLight, dark: m.schemeDark }[scheme];
      return h('div', { class: 'wc-check' }, input, h('label', { for: `wc-scheme-${scheme}` }, label));
    });

    const accentOn = h('input', { type: 'checkbox', id: 'wc-accent-on', checked: this.#accentOn });
    const color = h('input', { type: 'color', id: 'wc-accent', value: this.#accent, disabled: !this.#accentOn });
    const hex = h('input', {
      type: 'text',
      id: 'wc-accent-hex',
      value: this.#accent,
      disabled: !this.#accentOn,
      spellcheck: 'false',
      autocomplete: 'off',
      size: 8,
      'aria-describedby': 'wc-accent-hex-hint',
    });
    accentOn.addEventListener('change', () => {
      this.#accentOn = accentOn.checked;
      color.disabled = hex.disabled = !accentOn.checked;
      this.#update();
    });
    color.addEventListener('input', () => {
      this.#accent = color.value.toLowerCase();
      hex.value = this.#accent;
      hex.removeAttribute('aria-invalid');
      this.#update();
    });
    hex.addEventListener('input', () => {
      const value = hex.value.trim().toLowerCase();
      const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
      const full = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : /^#?[0-9a-f]{6}$/.test(value) ? `#${value.replace('#', '')}` : undefined;
      if (!full) {
        hex.setAttribute('aria-invalid', 'true');
        return;
      }
      hex.removeAttribute('aria-invalid');
      this.#accent = full;
      color.value = full;
      this.#update();
    });

    return h(
      'fieldset',
      {},
      h('legend', {}, m.appearance),
      h('label', { for: 'wc-lang' }, m.language),
      this.#langSelect,
      h('fieldset', { class: 'wc-inner' }, h('legend', {}, m.scheme), ...radios),
      h('div', { class: 'wc-check' }, accentOn, h('label', { for: 'wc-accent-on' }, m.accentOwn)),
      h(
        'div',
        { class: 'wc-row' },
        h('div', {}, h('label', { for: 'wc-accent' }, m.accentColor), color),
        h('div', {}, h('label', { for: 'wc-accent-hex' }, m.accentHex), hex),
      ),
      h('p', { id: 'wc-accent-hex-hint', class: 'wc-hint' }, m.accentHexHint),
    );
  }

  #renderFrameFieldset(): HTMLFieldSetElement {
    const m = this.#m;
    const defaults = this.#frameDefaults(this.#doc());
    const field = (key: 'id' | 'height' | 'title', label: string, hint?: string) => {
      const input = h('input', {
        id: `wc-frame-${key}`,
        type: key === 'height' ? 'number' : 'text',
        min: key === 'height' ? 100 : undefined,
        step: key === 'height' ? 10 : undefined,
        value: { id: this.#frameId, height: this.#frameHeight, title: this.#frameTitle }[key] || defaults[key],
        spellcheck: key === 'title' ? undefined : 'false',
        autocomplete: 'off',
        'aria-describedby': hint ? `wc-frame-${key}-hint` : undefined,
      });
      input.addEventListener('input', () => {
        if (key === 'id') this.#frameId = input.value;
        else if (key === 'height') this.#frameHeight = input.value;
        else this.#frameTitle = input.value;
        this.#updateSnippets();
      });
      return { input, nodes: [h('label', { for: input.id }, label), input, hint && h('p', { id: `wc-frame-${key}-hint`, class: 'wc-hint' }, hint)] };
    };
    const id = field('id', m.frameId, m.frameIdHint);
    const height = field('height', m.frameHeight, m.frameHeightHint);
    const title = field('title', m.frameTitle);
    this.#frameFields = { id: id.input, height: height.input, title: title.input };
    return h('fieldset', {}, h('legend', {}, m.frame), ...id.nodes, ...height.nodes, ...title.nodes);
  }

  #snippetArea(id: string, name: string): HTMLTextAreaElement {
    return h('textarea', {
      id,
      readonly: true,
      rows: 6,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': `${id}-hint`,
      'data-name': name,
    });
  }

  #snippetBlock(id: string, name: string, hint: string, area: HTMLTextAreaElement): HTMLElement {
    const m = this.#m;
    const status = h('span', { class: 'wc-copy-status', role: 'status' });
    const button = h('button', { type: 'button', id: `${id}-copy` }, m.copy(name));
    button.addEventListener('click', async () => {
      status.textContent = '';
      try {
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(area.value);
        status.textContent = m.copied;
      } catch {
        area.focus();
        area.select();
        status.textContent = m.copyFailed;
      }
    });
    return h(
      'div',
      { class: 'wc-snippet' },
      h('h3', {}, name),
      h('p', { id: `${id}-hint`, class: 'wc-hint' }, hint),
      h('label', { for: id }, m.codeLabel(name)),
      area,
      h('div', { class: 'wc-row' }, button, status),
    );
  }

  #renderLanguageOptions(): void {
    const m = this.#m;
    const strategy = (this.#feedData as { strategy?: { languages?: unknown } } | undefined)?.strategy;
    const fromFeed = Array.isArray(strategy?.languages) ? strategy.languages.filter((tag): tag is string => typeof tag === 'string') : [];
    const tags = [...new Set([...fromFeed, ...allLocales, ...(this.#lang ? [this.#lang] : [])])];
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([this.#ui], { type: 'language' });
    } catch {
      names = undefined;
    }
    const name = (tag: string) => {
      if (/-x-ls$/i.test(tag)) return m.easyGerman;
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
    this.#langSelect.replaceChildren(
      h('option', { value: '', selected: this.#lang === '' }, m.languagePage),
      ...tags.map((tag) => h('option', { value: tag, selected: tag === this.#lang }, `${name(tag)} (${tag})`)),
    );
  }

  #renderOptions(): void {
    const m = this.#m;
    const doc = this.#doc();
    const values = this.#valuesOf(this.#tag);
    const focusedId = this.#optionsFieldset.contains(document.activeElement) ? document.activeElement?.id : undefined;
    this.#widgetSummary.textContent = doc.summary;

    const controls = doc.attributes.map((attribute) => this.#renderAttribute(attribute, values));
    this.#optionsFieldset.replaceChildren(
      h('legend', {}, m.options(this.#tag)),
      ...(controls.length ? controls : [h('p', { class: 'wc-hint' }, m.noOptions)]),
    );
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  #renderAttribute(attribute: AttributeDoc, values: Map<string, Value>): HTMLElement {
    const m = this.#m;
    const { name, control } = attribute;
    const id = `wc-attr-${name}`;
    const hintId = `${id}-hint`;
    const hint = h('p', { id: hintId, class: 'wc-hint' }, ...richText(attribute.description));
    const label = h('label', { for: id }, h('code', {}, name));
    const current = values.get(name);
    const set = (value: Value) => {
      values.set(name, value);
      this.#update();
    };
    const wrapper = (...children: Child[]) =>
      h('div', { class: 'wc-attribute', 'data-attribute': name, 'data-control': control.kind }, ...children);

    if (control.kind === 'boolean') {
      const input = h('input', { type: 'checkbox', id, checked: current === true, 'aria-describedby': hintId });
      input.addEventListener('change', () => set(input.checked));
      return wrapper(h('div', { class: 'wc-check' }, input, label), hint);
    }
    if (control.kind === 'choice') {
      const select = h(
        'select',
        { id, 'aria-describedby': hintId },
        h('option', { value: '' }, m.defaultChoice),
        ...control.values.map((value) => h('option', { value, selected: value === current }, value)),
      );
      select.addEventListener('change', () => set(select.value));
      return wrapper(label, select, hint);
    }
    if (control.kind === 'number') {
      const input = h('input', {
        type: 'number',
        id,
        inputmode: 'numeric',
        value: typeof current === 'string' ? current : undefined,
        placeholder: control.placeholder,
        'aria-describedby': hintId,
      });
      input.addEventListener('input', () => set(input.value));
      return wrapper(label, input, hint);
    }
    const collection = collectionFor(attribute, this.#tag, this.#collections);
    const items = collection ? this.#collections.get(collection)! : undefined;
    if (items) {
      const value = typeof current === 'string' ? current : '';
      const known = items.some((item) => item.id === value);
      const select = h(
        'select',
        { id, 'aria-describedby': hintId, 'data-collection': collection },
        h('option', { value: '' }, m.notSet),
        value && !known && h('option', { value, selected: true }, `${value} ${m.notInFeed}`),
        ...items.map((item) =>
          h('option', { value: item.id, selected: item.id === value }, item.label ? `${item.id} – ${item.label}` : item.id),
        ),
      );
      select.addEventListener('change', () => set(select.value));
      return wrapper(label, select, hint);
    }
    const input = h('input', {
      type: 'text',
      id,
      value: typeof current === 'string' ? current : undefined,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': hintId,
    });
    input.addEventListener('input', () => set(input.value));
    return wrapper(label, input, hint);
  }

  // ---- updates ---------------------------------------------------------------------------

  #update(): void {
    const active = document.activeElement;
    this.#focusBeforeUpdate = active instanceof HTMLElement && this.root.contains(active) && !this.#preview.contains(active) ? active : undefined;
    this.#lastUpdate = performance.now();
    this.#updateSnippets();
    this.#updatePreview();
    this.#renderWarnings();
  }

  #updateSnippets(): void {
    const choice = this.#choice();
    const doc = this.#doc();
    const defaults = this.#frameDefaults(doc);
    // What frame.html accepts as an id: letters, digits, - and _, 1 to 64 of them.
    const id =
      this.#frameId
        .trim()
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .slice(0, 64)
        .replace(/^-+|-+$/g, '') || defaults.id;
    const height = Math.round(Number(this.#frameHeight)) || Number(defaults.height);
    this.#scriptOut.value = scriptSnippet(choice, new URL('wir-widgets.js', this.#base).href);
    this.#frameOut.value = frameSnippet(choice, {
      base: this.#base,
      id,
      height: Math.max(height, 1),
      title: this.#frameTitle.trim() || defaults.title,
    });
    for (const area of [this.#scriptOut, this.#frameOut]) area.rows = Math.min(12, area.value.split('\n').length + 1);
  }

  /** Replaces the preview with a fresh element, so it shows exactly what the snippet would. */
  #updatePreview(): void {
    const choice = this.#choice();
    const key = JSON.stringify(choice);
    if (key === this.#previewKey) return;
    this.#previewKey = key;
    const element = document.createElement(choice.tag);
    element.setAttribute('src', choice.feed);
    if (choice.lang) element.setAttribute('lang', choice.lang);
    for (const [name, value] of choice.attributes) element.setAttribute(name, value === true ? '' : value);
    if (choice.scheme) element.setAttribute('scheme', choice.scheme);
    // CSSOM, not a style attribute: the demo's CSP (style-src 'self') allows only this.
    if (choice.accent) element.style.setProperty('--wir-color-accent', choice.accent);
    this.#preview.replaceChildren(element);
    const generation = ++this.#previewGeneration;
    this.#contrast = undefined;
    this.#track(this.#checkContrast(element, generation));
  }

  #keepFocusInForm(): void {
    const from = this.#focusBeforeUpdate;
    const now = performance.now();
    if (from?.isConnected && now - this.#lastUpdate < 3000 && now - this.#lastNavigation > 300) {
      from.focus({ preventScroll: true });
    }
  }

  #feedChanged(): void {
    const input = this.#feedField.value;
    if (input === this.#feedInput && this.#feedCheck.state === 'loading') return;
    this.#feedInput = input;
    this.#update();
    this.#track(this.#checkFeed());
  }

  /** Fetches the feed itself (no cache, no last-good copy) and validates it with @wir/feed. */
  async #checkFeed(): Promise<void> {
    const generation = ++this.#feedGeneration;
    this.#feedAbort?.abort();
    const url = this.#feedUrl();
    const settle = (check: FeedCheck, data?: unknown) => {
      if (generation !== this.#feedGeneration) return;
      this.#feedCheck = check;
      this.#feedData = data;
      this.#collections = feedCollections(data, this.#ui);
      this.#renderLanguageOptions();
      this.#renderOptions();
      this.#renderProblems();
      this.#update();
    };
    if (!url) return settle({ state: 'bad-url' });
    const abort = (this.#feedAbort = new AbortController());
    this.#feedCheck = { state: 'loading' };
    this.#renderWarnings();
    let text: string;
    try {
      const response = await fetch(url, { signal: abort.signal, cache: 'no-cache' });
      if (!response.ok) return settle({ state: 'unreachable', detail: `HTTP ${response.status}` });
      text = await response.text();
    } catch (error) {
      if (abort.signal.aborted) return;
      return settle({ state: 'unreachable', detail: error instanceof Error ? error.message : String(error) });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return settle({ state: 'not-json' });
    }
    const result = validateFeed(data);
    if (!result.ok) return settle({ state: 'invalid', problems: result.problems }, data);
    const { strategy } = result.feed;
    settle({ state: 'ok', title: strategy.title, defaultLanguage: strategy.defaultLanguage, updated: strategy.updated }, data);
  }

  /** A CSS colour as sRGB, through the browser's own parser for anything beyond hex and rgb(). */
  #rgb(value: string): Rgb | undefined {
    const direct = parseColor(value);
    if (direct || !value.trim()) return direct;
    this.#probe.style.removeProperty('color');
    this.#probe.style.setProperty('color', value.trim());
    if (!this.#probe.style.getPropertyValue('color')) return undefined;
    return parseColor(getComputedStyle(this.#probe).color);
  }

  /**
   * Checks the accent colour the preview really uses against the backgrounds it really has, read
   * from the widget's computed style (its token layer), so page-wide overrides count and no copy
   * of core's colour table can go stale. With the automatic scheme readers may get either
   * palette, so both are checked; the scheme attribute is switched and restored within this
   * task, before anything is painted.
   */
  async #checkContrast(element: HTMLElement, generation: number): Promise<void> {
    // The loader defines only the widgets of its registry; another tag would be waited for in vain.
    const loadable = customElements.get(element.localName) || (widgetTags as readonly string[]).includes(element.localName);
    const defined =
      loadable &&
      (await Promise.race([customElements.whenDefined(element.localName).then(() => true), sleep(8000).then(() => false)]));
    if (generation !== this.#previewGeneration) return;
    if (!defined || !element.shadowRoot) {
      this.#contrast = 'unchecked';
      this.#renderWarnings();
      return;
    }
    const schemes = this.#scheme === 'auto' ? (['light', 'dark'] as const) : [this.#scheme];
    const original = element.getAttribute('scheme');
    const problems: ContrastProblem[] = [];
    let unreadable = false;
    for (const scheme of schemes) {
      element.setAttribute('scheme', scheme);
      const style = getComputedStyle(element);
      const token = (name: string) => this.#rgb(style.getPropertyValue(`--_wir-color-${name}`));
      const accent = token('accent');
      const onAccent = token('accent-contrast');
      if (!accent) {
        unreadable = true;
        continue;
      }
      for (const surface of surfaces) {
        const background = token(surface);
        if (!background) continue;
        const ratio = contrastRatio(accent, background);
        if (ratio < TEXT_MINIMUM) {
          problems.push({ kind: ratio < NON_TEXT_MINIMUM ? 'ui' : 'text', scheme, accent: toHex(accent), other: toHex(background), surface, ratio });
        }
      }
      if (onAccent) {
        const ratio = contrastRatio(onAccent, accent);
        if (ratio < TEXT_MINIMUM) problems.push({ kind: 'on-accent', scheme, accent: toHex(accent), other: toHex(onAccent), ratio });
      }
    }
    if (original === null) element.removeAttribute('scheme');
    else element.setAttribute('scheme', original);
    this.#contrast = unreadable ? 'unchecked' : problems;
    this.#renderWarnings();
  }

  #feedMessage(): string | undefined {
    const m = this.#m;
    const check = this.#feedCheck;
    switch (check.state) {
      case 'loading':
        return m.feedLoading;
      case 'bad-url':
        return m.feedBadUrl;
      case 'unreachable':
        return m.feedUnreachable(check.detail);
      case 'not-json':
        return m.feedNotJson;
      case 'invalid':
        return m.feedInvalid(check.problems.length);
      case 'ok':
        return undefined;
    }
  }

  #renderWarnings(): void {
    const m = this.#m;
    const items: string[] = [];
    const feedMessage = this.#feedMessage();
    if (feedMessage) items.push(feedMessage);
    if (this.#contrast === 'unchecked') items.push(m.contrastUnchecked);
    for (const problem of Array.isArray(this.#contrast) ? this.#contrast : []) {
      const scheme = m.schemeName[problem.scheme];
      const ratio = formatRatio(problem.ratio).replace('.', m.decimal);
      if (problem.kind === 'on-accent') items.push(m.contrastOnAccent(scheme, problem.accent, problem.other, ratio));
      else {
        const format = problem.kind === 'ui' ? m.contrastUi : m.contrastText;
        items.push(format(scheme, problem.accent, m.surfaceName[problem.surface!], problem.other, ratio));
      }
    }
    const ok = this.#feedCheck.state === 'ok';
    const next = items.length
      ? h('ul', {}, ...items.map((text) => h('li', { 'data-kind': text === feedMessage ? 'feed' : 'contrast' }, text)))
      : h('p', {}, ok && this.#contrast !== undefined ? m.noWarnings : '');
    if (next.textContent.trim() === '') next.replaceChildren();
    // Replacing equal content would make screen readers announce it again.
    if (this.#warnings.textContent !== next.textContent) this.#warnings.replaceChildren(next);
  }

  #renderProblems(): void {
    const m = this.#m;
    const check = this.#feedCheck;
    if (check.state === 'ok') {
      const strategyTitle = resolveText(check.title, this.#ui, check.defaultLanguage).text;
      this.#problems.replaceChildren(h('p', { class: 'wc-feed-ok' }, m.feedOk(strategyTitle, check.updated)));
      return;
    }
    if (check.state !== 'invalid') {
      this.#problems.replaceChildren();
      return;
    }
    this.#problems.replaceChildren(
      h('h3', { id: 'wc-problems-heading' }, m.feedProblems),
      h('p', { class: 'wc-hint' }, m.feedProblemsHint),
      h(
        'ol',
        { class: 'wc-problem-list', 'aria-labelledby': 'wc-problems-heading' },
        ...check.problems.map((problem) =>
          h('li', { 'data-path': problem.path }, h('code', { class: 'wc-path' }, problem.path), ' ', problem.message),
        ),
      ),
    );
  }
}

/** Starts a configurator in `root`; resolves once its form is rendered. */
export function startConfigurator(root: HTMLElement, options: ConfiguratorOptions): Promise<Configurator> {
  return new Configurator(root, options).start();
}
