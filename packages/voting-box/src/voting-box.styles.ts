import { css } from 'lit';

// Logical properties only (inline/block), so Arabic mirrors without extra rules.
export const styles = css`
  .base {
    display: grid;
    gap: var(--_wir-space-m);
    padding: var(--wir-voting-box-padding, var(--_wir-space-l));
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-l);
    background: var(--_wir-color-surface);
  }

  h2,
  h3,
  h4,
  h5,
  h6,
  p,
  ul,
  fieldset,
  legend {
    margin: 0;
    padding: 0;
    border: 0;
    font-size: inherit;
  }

  #question {
    font-size: var(--_wir-font-size-l);
  }

  .form,
  fieldset,
  .options,
  .results,
  .result-list,
  .message {
    display: grid;
    gap: var(--_wir-space-s);
    min-inline-size: 0;
  }

  legend {
    margin-block-end: var(--_wir-space-s);
  }

  .times,
  .hint,
  .results-note,
  .updated,
  .total {
    color: var(--_wir-color-muted);
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--_wir-space-s);
    min-block-size: var(--_wir-target-size);
    padding-inline: var(--_wir-space-s);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-m);
  }

  .option:has(:checked) {
    outline: 2px solid var(--_wir-color-accent);
    outline-offset: -2px;
  }

  /* A long word (a German compound) breaks rather than pushing the box wider than a phone. */
  .option > span,
  .result-label {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_wir-color-accent);
  }

  .note,
  [data-status='rejected'] {
    color: var(--_wir-color-danger);
    font-weight: var(--_wir-font-weight-bold);
  }

  .wir-button {
    justify-self: start;
  }

  .message {
    padding: var(--_wir-space-s) var(--_wir-space-m);
    border: 1px solid var(--_wir-color-border);
    border-inline-start: 0.375rem solid var(--_wir-color-accent);
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface-raised);
  }

  [data-status='pending'] {
    border-inline-start-style: dashed;
  }

  [data-status='rejected'] {
    border-inline-start-color: currentColor;
  }

  .message-title {
    font-weight: var(--_wir-font-weight-bold);
  }

  .preview {
    padding-inline-start: 1.25em;
  }

  .result-list {
    list-style: none;
  }

  .result {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_wir-space-2xs) var(--_wir-space-s);
  }

  .bar {
    flex: 1 0 100%;
    block-size: 0.75rem;
    border-radius: var(--_wir-radius-pill);
    background: var(--wir-voting-box-bar-track, var(--_wir-color-skeleton));
    overflow: hidden;
  }

  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_share);
    background: var(--wir-voting-box-bar-color, var(--_wir-color-accent));
  }

  .updated {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_wir-space-s);
  }

  @media (prefers-reduced-motion: no-preference) {
    .fill {
      transition: inline-size var(--_wir-duration);
    }
  }

  /* Paper: black on white, question, answers and results as text, kept on one page if it
     fits. No buttons, and no radio buttons or ticks: a printout cannot vote. The result bars
     are backgrounds, which printers drop by default; the figures beside them say it all. */
  @media print {
    * {
      color: #000!important;
      background: #fff!important;
    }
    .wir-button, input, .bar {
      display: none;
    }
    .base {
      break-inside: avoid;
    }
  }

  @media (forced-colors: active) {
    /* The track's skeleton colour is GrayText here, close to the CanvasText fill in some themes:
       an empty track with a border instead. */
    .bar {
      border: 1px solid;
      background: Canvas;
    }
    .fill {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
