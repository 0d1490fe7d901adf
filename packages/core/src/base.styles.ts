import { css } from 'lit';

/**
 * Host rules and the shared look of buttons, focus and the loading / error / empty states.
 * Include after `tokens` in every widget's `static styles` (WirElement does both).
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--wir-font-family);
    font-size: var(--_wir-font-size-m);
    line-height: var(--_wir-font-line-height);
    color: var(--_wir-color-text);
    /* Long words (compound German nouns, URLs) must wrap at 320 px and 400 % zoom. */
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  :focus-visible {
    outline: var(--_wir-focus-width) solid var(--_wir-color-focus);
    outline-offset: var(--_wir-focus-offset);
  }

  .wir-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_wir-space-xs);
    min-block-size: var(--_wir-target-size);
    min-inline-size: var(--_wir-target-size);
    padding-block: var(--_wir-space-2xs);
    padding-inline: var(--_wir-space-s);
    border: 2px solid var(--_wir-color-accent);
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-accent);
    font: inherit;
    font-weight: var(--_wir-font-weight-bold);
    cursor: pointer;
  }

  .wir-button:hover {
    background: var(--_wir-color-surface-raised);
  }

  .wir-button[data-variant='primary'] {
    background: var(--_wir-color-accent);
    color: var(--_wir-color-accent-contrast);
  }

  .wir-button svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }

  .wir-state {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: var(--_wir-space-s);
    min-block-size: var(--_wir-state-min-height, var(--wir-loading-min-height, 12rem));
    padding: var(--_wir-space-l);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-l);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-text);
  }

  .wir-skeleton {
    display: grid;
    gap: var(--_wir-space-s);
    align-content: start;
  }

  .wir-skeleton-line {
    display: block;
    block-size: 1em;
    border-radius: var(--_wir-radius-s);
    background: var(--_wir-color-skeleton);
  }

  .wir-skeleton-line:first-child {
    block-size: 1.5em;
    inline-size: 60%;
  }

  .wir-skeleton-line:last-child {
    inline-size: 80%;
  }

  @media (prefers-reduced-motion: no-preference) {
    .wir-skeleton-line {
      animation: wir-pulse 1.6s ease-in-out infinite;
    }
  }

  @keyframes wir-pulse {
    50% {
      opacity: 0.45;
    }
  }

  .wir-error {
    border-color: var(--_wir-color-danger);
    border-inline-start-width: 0.375rem;
  }

  .wir-state-title {
    margin: 0;
    font-size: var(--_wir-font-size-l);
    font-weight: var(--_wir-font-weight-bold);
  }

  .wir-state-detail {
    margin: 0;
    color: var(--_wir-color-muted);
  }

  .wir-state .wir-button {
    align-self: flex-start;
  }

  .wir-freshness {
    margin: var(--_wir-space-s) 0 0;
    font-size: var(--_wir-font-size-s);
    color: var(--_wir-color-muted);
  }

  .wir-stale {
    display: block;
    margin-block-start: var(--_wir-space-2xs);
    padding: var(--_wir-space-2xs) var(--_wir-space-xs);
    border-inline-start: 4px solid var(--_wir-color-danger);
    background: var(--_wir-color-surface-raised);
    color: var(--_wir-color-text);
  }

  .wir-selection {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_wir-space-xs);
    margin: var(--_wir-space-s) 0;
    padding: var(--_wir-space-xs) var(--_wir-space-s);
    border-inline-start: 4px solid var(--_wir-color-accent);
    background: var(--_wir-color-surface-raised);
  }

  /* Leichte Sprache splits no word at a line end. */
  :lang(de-x-ls) {
    hyphens: manual;
  }

  /* A control in the header, not a banner: as wide as its label in flex and grid headers. */
  .wir-easy {
    align-self: start;
    justify-self: start;
  }

  .wir-easy[aria-pressed='true'] {
    background: var(--_wir-color-accent);
    color: var(--_wir-color-accent-contrast);
  }

  @media (forced-colors: active) {
    .wir-button {
      border-color: ButtonText;
    }
    .wir-button[data-variant='primary'] {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    .wir-skeleton-line {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
`;
