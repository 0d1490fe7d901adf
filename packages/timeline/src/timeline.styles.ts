import { css } from 'lit';

// Buttons take core's .wir-button look; rules are grouped by what elements share (flex rows,
// flex columns, muted text) so each declaration is written once.
export const styles = css`
  :host {
    /* The layout follows the widget's own width, not the viewport: the same element is a
       vertical list in a 320 px sidebar and a horizontal track across a wide page. */
    container-type: inline-size;
    --_gap: var(--wir-timeline-gap, var(--_wir-space-m));
    --_line: var(--wir-timeline-line-color, var(--_wir-color-border));
    --_marker: 1rem;
  }

  .heading, .title, p, ol {
    margin: 0;
  }

  .base, .list, .header, .body, .details, .empty-note {
    display: flex;
    flex-direction: column;
    gap: var(--_wir-space-2xs);
  }

  .base, .list {
    gap: var(--_gap);
  }

  .base {
    padding: var(--wir-timeline-padding, var(--_wir-space-l));
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-l);
    background: var(--_wir-color-surface);
  }

  .heading {
    font-size: var(--_wir-font-size-xl);
    line-height: 1.25;
  }

  .strategy, .summary, .kind {
    color: var(--_wir-color-muted);
  }

  .toolbar, .filter, .toolbar-end, .when, .footer, .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_wir-space-xs);
  }

  .toolbar {
    gap: var(--_wir-space-xs) var(--_wir-space-m);
  }

  .toolbar-end {
    margin-inline-start: auto;
  }

  /* .wir-button as a chip: normal weight and a tight gap, so three fit on two rows at 320 px. */
  .filter-button {
    gap: var(--_wir-space-2xs);
    border-radius: var(--_wir-radius-pill);
    font-weight: inherit;
  }

  /* Pressed: filled and ticked, so the state does not hang on colour alone. */
  .filter-button[aria-pressed='true'] {
    background: var(--_wir-color-accent);
    color: var(--_wir-color-accent-contrast);
  }

  .check {
    inline-size: 0.85em;
    block-size: 0.85em;
    border: 2px solid;
    border-radius: var(--_wir-radius-s);
  }

  /* A tick drawn with two borders; physical sides on purpose: it is a picture, not text flow. */
  [aria-pressed='true'] .check {
    inline-size: 0.45em;
    margin-inline: 0.2em;
    border-width: 0 3px 3px 0;
    border-radius: 0;
    transform: translateY(-0.1em) rotate(45deg);
  }

  .count, .date {
    font-variant-numeric: tabular-nums;
  }

  .summary, .when, .now-text {
    font-size: var(--_wir-font-size-s);
  }

  /* --- the list: vertical by default ---------------------------------------------------- */

  .list {
    position: relative;
    padding: 0;
    list-style: none;
  }

  /* The time line itself, behind the markers, on the inline-start side. */
  .list::before {
    content: '';
    position: absolute;
    inset-block: 0.5rem;
    inset-inline-start: calc(var(--_marker) / 2 - 1px);
    inline-size: 2px;
    background: var(--_line);
  }

  .entry, .now {
    position: relative;
    display: grid;
    grid-template-columns: var(--_marker) minmax(0, 1fr);
    column-gap: var(--_wir-space-s);
    align-items: start;
  }

  .entry:focus {
    outline: none;
  }

  .entry:focus-visible .body {
    outline: var(--_wir-focus-width) solid var(--_wir-color-focus);
    outline-offset: var(--_wir-focus-offset);
  }

  /* Markers: the shape says the kind (bar = phase, diamond = milestone, dot = event), the fill
     says the status (solid muted = past, accent with a ring = current, hollow = upcoming). The
     status is also written out next to the date. */
  .marker, .now-line {
    position: relative;
    z-index: 1;
    justify-self: center;
  }

  .marker {
    margin-block-start: 0.35rem;
    inline-size: var(--_marker);
    block-size: var(--_marker);
    border: 2px solid var(--_wir-color-accent);
    border-radius: 50%;
    background: var(--_wir-color-surface);
  }

  [data-kind='milestone'] .marker {
    inline-size: 0.8rem;
    block-size: 0.8rem;
    margin-block-start: 0.45rem;
    border-radius: 2px;
    transform: rotate(45deg);
  }

  [data-kind='phase'] .marker {
    inline-size: 0.75rem;
    block-size: 1.75rem;
    border-radius: var(--_wir-radius-s);
  }

  [data-status='past'] .marker {
    border-color: var(--_wir-color-muted);
    background: var(--_wir-color-muted);
  }

  [data-status='current'] .marker {
    background: var(--_wir-color-accent);
    box-shadow:
      0 0 0 2px var(--_wir-color-surface),
      0 0 0 4px var(--_wir-color-accent);
  }

  .body {
    padding: var(--_wir-space-2xs) var(--_wir-space-xs);
    border-inline-start: 0.25rem solid transparent;
    border-radius: var(--_wir-radius-m);
  }

  [data-selected] .body {
    border-inline-start-color: var(--_wir-color-accent);
    background: var(--_wir-color-surface-raised);
  }

  .when {
    align-items: baseline;
    gap: var(--_wir-space-2xs) var(--_wir-space-xs);
  }

  .kind, .date, .action {
    font-weight: var(--_wir-font-weight-bold);
  }

  /* The border takes the text colour: muted when past, accent when upcoming. */
  .status {
    padding-inline: var(--_wir-space-xs);
    border: 1px solid;
    border-radius: var(--_wir-radius-pill);
    color: var(--_wir-color-muted);
    white-space: nowrap;
  }

  .status[data-status='upcoming'] {
    color: var(--_wir-color-accent);
  }

  .status[data-status='current'] {
    border-color: var(--_wir-color-accent);
    background: var(--_wir-color-accent);
    color: var(--_wir-color-accent-contrast);
    font-weight: var(--_wir-font-weight-bold);
  }

  .title {
    font-size: var(--_wir-font-size-l);
    line-height: 1.3;
    hyphens: auto;
  }

  .title-button {
    display: flex;
    align-items: baseline;
    gap: var(--_wir-space-xs);
    inline-size: 100%;
    min-block-size: 2rem;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .title-button:hover .title-text {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  /* Points down when closed and up when open: the same in both writing directions. */
  .chevron {
    flex: none;
    inline-size: 0.5em;
    block-size: 0.5em;
    margin-block-end: 0.15em;
    border: solid var(--_wir-color-accent);
    border-width: 0 0.15em 0.15em 0;
    transform: rotate(45deg);
  }

  [aria-expanded='true'] .chevron {
    margin-block-end: -0.1em;
    transform: rotate(-135deg);
  }

  .title-text {
    min-inline-size: 0;
  }

  .details[hidden] {
    display: none;
  }

  .text {
    max-inline-size: 70ch;
    hyphens: auto;
    /* Feed text is plain text; its line breaks are the only structure it carries. */
    white-space: pre-line;
  }

  .actions, .footer {
    gap: 0 var(--_wir-space-m);
  }

  .action {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_wir-target-size);
    color: var(--_wir-color-accent);
    text-underline-offset: 0.15em;
  }

  .action:hover {
    text-decoration-thickness: 0.15em;
  }

  /* "Today": a bar across the line and a label, in the accent colour and in words. */
  .now {
    align-items: center;
  }

  .now-line {
    inline-size: calc(var(--_marker) + 0.75rem);
    block-size: 0.25rem;
    border-radius: var(--_wir-radius-pill);
    background: var(--_wir-color-accent);
  }

  .now-text {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_wir-space-xs);
    justify-self: start;
    padding-inline: var(--_wir-space-xs);
    border: 2px solid;
    border-radius: var(--_wir-radius-pill);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-accent);
  }

  .icon-button {
    padding: 0;
    border-radius: var(--_wir-radius-pill);
  }

  .icon-button[aria-disabled='true'] {
    border-color: var(--_wir-color-border);
    color: var(--_wir-color-muted);
    cursor: default;
  }

  /* One chevron, pointing later: turned for "earlier", and turned again (the two transforms
     compose) in right-to-left text, where the track runs the other way. */
  [part='scroll-earlier-button'] .icon {
    scale: -1 1;
  }

  :dir(rtl) .icon {
    transform: scaleX(-1);
  }

  .empty-note {
    align-items: flex-start;
    gap: var(--_wir-space-s);
    padding: var(--_wir-space-m);
    border: 1px dashed var(--_wir-color-border);
    border-radius: var(--_wir-radius-m);
  }

  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform var(--_wir-duration);
    }
    .list {
      scroll-behavior: smooth;
    }
  }

  /* A narrow sidebar: less padding around the list. */
  @container (max-width: 24rem) {
    .base {
      padding: var(--wir-timeline-padding, var(--_wir-space-m));
    }
    .title {
      font-size: var(--_wir-font-size-m);
    }
    /* Smaller chips so the three filters take two rows, not three; 2rem still clears the 24 px
       target minimum (WCAG 2.5.8). */
    .filter {
      gap: var(--_wir-space-2xs);
    }
    .filter-button {
      min-block-size: 2rem;
      padding-inline: var(--_wir-space-xs);
      font-size: var(--_wir-font-size-s);
    }
  }

  /* --- wide containers: a horizontal track ---------------------------------------------- */

  /* Only on screen: on paper a scroll track would cut off all but the first entries (a
     landscape page is wide enough for it), so print keeps the vertical list. */
  @media screen {
    @container (min-width: 48rem) {
      .list {
        flex-direction: row;
        overflow-x: auto;
        overscroll-behavior-inline: contain;
        scroll-snap-type: inline proximity;
        scroll-padding-inline: var(--_wir-space-xs);
        /* Room for focus rings and the current marker's ring inside the scroll box. */
        padding: var(--_wir-space-xs) var(--_wir-space-xs) var(--_wir-space-s);
      }

      .list::before {
        content: none;
      }

      .entry, .now {
        scroll-snap-align: start;
        grid-template-rows: auto 1fr;
        row-gap: var(--_wir-space-xs);
      }

      .entry {
        flex: 0 0 var(--wir-timeline-item-size, 16rem);
        grid-template-columns: minmax(0, 1fr);
      }

      /* The line runs along the top of every item and through the gap to the next one. */
      .entry::before, .now::before {
        content: '';
        position: absolute;
        inset-block-start: calc(0.35rem + var(--_marker) / 2 - 1px);
        inset-inline: 0 calc(-1 * var(--_gap));
        block-size: 2px;
        background: var(--_line);
      }

      .marker, .now-line {
        justify-self: start;
      }

      .title {
        font-size: calc(var(--_wir-font-size-m) * 1.125);
      }

      [data-kind='phase'] .marker {
        inline-size: 2.5rem;
        block-size: 0.75rem;
        margin-block-start: 0.475rem;
      }

      .now {
        flex: none;
        grid-template-columns: auto;
        align-items: start;
        max-inline-size: 9rem;
      }

      .now-line {
        inline-size: 0.25rem;
        block-size: calc(var(--_marker) + 1rem);
        margin-inline-start: 0.5rem;
      }

      .now-text {
        flex-direction: column;
        padding: var(--_wir-space-2xs) var(--_wir-space-xs);
        border-radius: var(--_wir-radius-m);
      }
    }
  }

  /* Paper: black on white, every listed entry with its text (closed or not, a page cannot be
     opened) and the address of its link; no buttons, no filters, no calendar downloads (their
     blob: addresses mean nothing on paper). The summary still says how many entries are shown.
     .action::after is only the details link's (the calendar links are hidden); a flex item
     drops a leading space, hence the no-break space before the address. */
  @media print {
    * {
      color: #000!important;
      background: #fff!important;
    }
    .filter, .wir-button, .chevron, [download] {
      display: none;
    }
    .details[hidden] {
      display: flex;
    }
    .entry {
      break-inside: avoid;
    }
    .action::after {
      content: '\u00a0(' attr(href) ')';
    }
  }

  /* Borders in currentColor and .wir-button already follow the system colours. */
  @media (forced-colors: active) {
    .filter-button[aria-pressed='true'],
    .status[data-status='current'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    .list::before,
    .entry::before,
    .now::before {
      background: CanvasText;
    }
    .marker,
    .now-line {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
    }
    [data-status='past'] .marker {
      background: GrayText;
      border-color: GrayText;
    }
    [data-status='current'] .marker,
    .now-line {
      background: Highlight;
      border-color: Highlight;
      box-shadow: none;
    }
    /* The reserved edge is transparent until selected; forced colours would paint it. */
    .body {
      border-inline-start-color: Canvas;
    }
    .entry[data-selected] .body {
      border-inline-start-color: Highlight;
      outline: 2px solid Highlight;
    }
    .chevron {
      border-color: ButtonText;
    }
  }
`;
