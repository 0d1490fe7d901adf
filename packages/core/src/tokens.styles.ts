import { unsafeCSS } from 'lit';

/*
 * Design tokens. The public API is the `--wir-*` custom properties: a page may set them anywhere
 * (on :root, a wrapper, or the element itself) and they inherit into every widget's shadow root.
 * Components never read `--wir-*` directly but the private `--_wir-*` layer below, which falls
 * back to the scheme's default when the page sets nothing. (Declaring `--wir-*` defaults on
 * :host would silently shadow a page's :root theme.)
 *
 * The stylesheet is written out from these tables rather than by hand: every token would
 * otherwise spell its name twice in each of up to four blocks (0.1 kB gzip in every widget).
 */

/**
 * Colours: name, light, dark, forced colours. The defaults meet WCAG 2.2 AA in both schemes: text
 * ≥ 4.5:1 on surface and surface-raised, borders, focus ring and accent ≥ 3:1 against the
 * surfaces (measured: text 16.9 / 16.0, muted 7.4 / 9.7, accent 6.9 / 8.8, border 4.6 / 5.7,
 * focus 6.9 / 11.6 — light / dark). Under forced colours only system colours are used, so the
 * user's palette wins everywhere (also in outlines, SVG fills and skeletons, which the browser
 * does not force on its own).
 */
// Tables as strings rather than objects of arrays: the minifier cannot shorten the quotes,
// commas and brackets of a literal table, and this file ships in every widget.
const table = (rows: string): string[][] => rows.split(',').map((row) => row.split(' '));

const colors = table(
  'color-text #1b1d21 #f1f3f6 CanvasText,color-muted #4f5661 #b9c0ca CanvasText,color-surface #ffffff #15181d Canvas,' +
    'color-surface-raised #f2f4f7 #22262d Canvas,color-border #6f7682 #8a929e CanvasText,' +
    'color-accent #0a58b4 #8cb8ff LinkText,color-accent-contrast #ffffff #0b1728 Canvas,' +
    'color-focus #0a58b4 #ffc857 Highlight,color-danger #b42318 #ff9d94 CanvasText,color-skeleton #dde3ec #323843 GrayText',
);

/**
 * Everything else, the same in every scheme. There is no font-family token default: the host
 * sets `font-family: var(--wir-font-family)`, which is invalid at computed-value time when unset,
 * so font-family, being inherited, falls back to the page's font.
 */
const scale = table(
  'space-2xs .25rem,space-xs .5rem,space-s .75rem,space-m 1rem,space-l 1.5rem,space-xl 2rem,space-2xl 3rem,' +
    'font-size-s .875rem,font-size-m 1rem,font-size-l 1.25rem,font-size-xl 1.5rem,font-line-height 1.5,' +
    'font-weight-bold 700,radius-s .25rem,radius-m .5rem,radius-l 1rem,radius-pill 999px,focus-width 3px,' +
    'focus-offset 2px,duration 250ms,target-size 2.75rem',
);

/** `--_wir-<name>: var(--wir-<name>, <default>)` for each row, the default from column `i`. */
const layer = (rows: string[][], i = 1): string =>
  rows.map((row) => `--_wir-${row[0]}:var(--wir-${row[0]},${row[i]});`).join('');

const palette = (scheme: 1 | 2): string => `color-scheme:${scheme > 1 ? 'dark' : 'light'};` + layer(colors, scheme);

// !important: the dark blocks (:host([scheme=dark]), 0,2,0) would otherwise beat this one
// under a dark high-contrast theme, and the page's --wir-color-* values would leak back in.
const forced = colors.map((row) => `--_wir-${row[0]}:${row[3]}!important;`).join('');

export const tokens = unsafeCSS(
  `:host{${palette(1)}${layer(scale)}}` +
    `:host([scheme=dark]){${palette(2)}}` +
    `@media (prefers-color-scheme:dark){:host(:not([scheme=light])){${palette(2)}}}` +
    `@media (forced-colors:active){:host{${forced}}}`,
);
