import { css } from 'lit';

export const styles = css`
  :host {
    --_pad: var(--wir-voting-box-padding, var(--_wir-space-l));
    --_bar: var(--wir-voting-box-bar-color, var(--_wir-color-accent));
    --_track: var(--wir-voting-box-bar-track, var(--_wir-color-surface-raised));
    container-type: inline-size;
  }

  .base {
    display: grid;
    gap: var(--_wir-space-m);
    padding: var(--_pad);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-l);
    background: var(--_wir-color-surface);
  }

  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    font-size: var(--_wir-font-size-l);
    line-height: 1.3;
  }

  .results :is(h3, h4, h5, h6) {
    font-size: var(--_wir-font-size-m);
  }

  p {
    margin: 0;
  }

  .form,
  fieldset,
  .results {
    display: grid;
    gap: var(--_wir-space-s);
  }

  .form {
    gap: var(--_wir-space-m);
  }

  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: var(--_wir-space-s);
  }

  .times,
  .hint,
  .results-note,
  .updated,
  .total {
    color: var(--_wir-color-muted);
  }

  .options {
    display: grid;
    gap: var(--_wir-space-xs);
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--_wir-space-s);
    min-block-size: var(--_wir-target-size);
    padding-block: var(--_wir-space-2xs);
    padding-inline: var(--_wir-space-s);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-m);
    cursor: pointer;
  }

  .option:hover {
    background: var(--_wir-color-surface-raised);
  }

  .option:has(:checked) {
    border-color: var(--_wir-color-accent);
    box-shadow: inset 0 0 0 1px var(--_wir-color-accent);
  }

  input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_wir-color-accent);
  }

  .note:empty {
    display: none;
  }

  .note,
  .message[data-tone='error'] {
    color: var(--_wir-color-danger);
    font-weight: var(--_wir-font-weight-bold);
  }

  .form > .wir-button {
    justify-self: start;
  }

  .message {
    display: grid;
    gap: var(--_wir-space-xs);
    justify-items: start;
    padding: var(--_wir-space-s) var(--_wir-space-m);
    border: 1px solid var(--_wir-color-border);
    border-inline-start: 0.375rem solid var(--_wir-color-accent);
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface-raised);
    color: var(--_wir-color-text);
  }

  .message[data-tone='pending'] {
    border-inline-start-style: dashed;
  }

  .message[data-tone='error'] {
    border-inline-start-color: var(--_wir-color-danger);
  }

  .message-title {
    font-weight: var(--_wir-font-weight-bold);
  }

  .preview {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .result-list {
    display: grid;
    gap: var(--_wir-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .result {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_wir-space-2xs) var(--_wir-space-s);
  }

  .figures {
    font-variant-numeric: tabular-nums;
  }

  .bar {
    grid-column: 1 / -1;
    block-size: 0.75rem;
    border-radius: var(--_wir-radius-pill);
    background: var(--_track);
    overflow: hidden;
  }

  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_share, 0%);
    background: var(--_bar);
  }

  .result:not([data-mine]) .fill {
    opacity: 0.7;
  }

  .updated {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_wir-space-s);
  }

  @container (max-inline-size: 24rem) {
    .result {
      grid-template-columns: 1fr;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .fill {
      transition: inline-size var(--_wir-duration) ease-out;
    }
  }

  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .fill {
      forced-color-adjust: none;
      background: CanvasText;
      opacity: 1 !important;
    }
    .option:has(:checked),
    .message {
      border-color: Highlight;
    }
  }
`;
