import { css } from 'lit';

/*
 * Design tokens. The public API is the `--wir-*` custom properties: a page may set them anywhere
 * (on :root, a wrapper, or the element itself) and they inherit into every widget's shadow root.
 * Components never read `--wir-*` directly but the private `--_wir-*` layer below, which falls
 * back to the scheme's default when the page sets nothing. (Declaring `--wir-*` defaults on
 * :host would silently shadow a page's :root theme.)
 *
 * Default colours meet WCAG 2.2 AA in both schemes: text ≥ 4.5:1 on surface and surface-raised,
 * borders, focus ring and accent ≥ 3:1 against the surfaces (measured: text 16.9 / 16.0,
 * muted 7.4 / 9.7, accent 6.9 / 8.8, border 4.6 / 5.7, focus 6.9 / 11.6 — light / dark).
 */

const light = css`
  --_wir-color-text: var(--wir-color-text, #1b1d21);
  --_wir-color-muted: var(--wir-color-muted, #4f5661);
  --_wir-color-surface: var(--wir-color-surface, #ffffff);
  --_wir-color-surface-raised: var(--wir-color-surface-raised, #f2f4f7);
  --_wir-color-border: var(--wir-color-border, #6f7682);
  --_wir-color-accent: var(--wir-color-accent, #0a58b4);
  --_wir-color-accent-contrast: var(--wir-color-accent-contrast, #ffffff);
  --_wir-color-focus: var(--wir-color-focus, #0a58b4);
  --_wir-color-danger: var(--wir-color-danger, #b42318);
  --_wir-color-skeleton: var(--wir-color-skeleton, #dde3ec);
`;

const dark = css`
  --_wir-color-text: var(--wir-color-text, #f1f3f6);
  --_wir-color-muted: var(--wir-color-muted, #b9c0ca);
  --_wir-color-surface: var(--wir-color-surface, #15181d);
  --_wir-color-surface-raised: var(--wir-color-surface-raised, #22262d);
  --_wir-color-border: var(--wir-color-border, #8a929e);
  --_wir-color-accent: var(--wir-color-accent, #8cb8ff);
  --_wir-color-accent-contrast: var(--wir-color-accent-contrast, #0b1728);
  --_wir-color-focus: var(--wir-color-focus, #ffc857);
  --_wir-color-danger: var(--wir-color-danger, #ff9d94);
  --_wir-color-skeleton: var(--wir-color-skeleton, #323843);
`;

export const tokens = css`
  :host {
    color-scheme: light;
    ${light}

    --_wir-space-2xs: var(--wir-space-2xs, 0.25rem);
    --_wir-space-xs: var(--wir-space-xs, 0.5rem);
    --_wir-space-s: var(--wir-space-s, 0.75rem);
    --_wir-space-m: var(--wir-space-m, 1rem);
    --_wir-space-l: var(--wir-space-l, 1.5rem);
    --_wir-space-xl: var(--wir-space-xl, 2rem);
    --_wir-space-2xl: var(--wir-space-2xl, 3rem);

    /* font-family: var(--wir-font-family) on the host; when unset it is invalid at computed-value
       time and font-family, being inherited, falls back to the page's font. */
    --_wir-font-size-s: var(--wir-font-size-s, 0.875rem);
    --_wir-font-size-m: var(--wir-font-size-m, 1rem);
    --_wir-font-size-l: var(--wir-font-size-l, 1.25rem);
    --_wir-font-size-xl: var(--wir-font-size-xl, 1.5rem);
    --_wir-font-line-height: var(--wir-font-line-height, 1.5);
    --_wir-font-weight-bold: var(--wir-font-weight-bold, 700);

    --_wir-radius-s: var(--wir-radius-s, 0.25rem);
    --_wir-radius-m: var(--wir-radius-m, 0.5rem);
    --_wir-radius-l: var(--wir-radius-l, 1rem);
    --_wir-radius-pill: var(--wir-radius-pill, 999px);

    --_wir-focus-width: var(--wir-focus-width, 3px);
    --_wir-focus-offset: var(--wir-focus-offset, 2px);
    --_wir-duration: var(--wir-duration, 250ms);
    --_wir-target-size: var(--wir-target-size, 2.75rem);
  }

  :host([scheme='dark']) {
    color-scheme: dark;
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([scheme='light'])) {
      color-scheme: dark;
      ${dark}
    }
  }

  /* Forced colours: only system colours, so the user's palette wins everywhere (also in
     outlines, SVG fills and skeletons, which the browser does not force on its own). */
  @media (forced-colors: active) {
    :host {
      --_wir-color-text: CanvasText;
      --_wir-color-muted: CanvasText;
      --_wir-color-surface: Canvas;
      --_wir-color-surface-raised: Canvas;
      --_wir-color-border: CanvasText;
      --_wir-color-accent: LinkText;
      --_wir-color-accent-contrast: Canvas;
      --_wir-color-focus: Highlight;
      --_wir-color-danger: CanvasText;
      --_wir-color-skeleton: GrayText;
    }
  }
`;
