import { css } from 'lit';

export const styles = css`
  :host {
    /* The explorer sizes itself by its own width, not the viewport: the same element fits a
       320 px sidebar and a full-width page. */
    container-type: inline-size;
    --_gap: var(--wir-explorer-gap, var(--_wir-space-m));
    --_padding: var(--wir-explorer-padding, var(--_wir-space-l));
    --_card-min: var(--wir-explorer-card-min-width, 16rem);
  }

  h2, h3, h4, h5, h6, p, dl, dd, ul, ol {
    margin: 0;
  }

  ul {
    list-style: none;
    padding: 0;
  }

  /* Column stacks; each sets its own gap below. */
  .base, .header, .view, .card, .breakdown, .field-nav, .results-header, .field-header,
  .goals, .goal, .measure-details, .history, .history-list, .indicators, .indicator,
  .no-results, .active-filters, .control {
    display: flex;
    flex-direction: column;
    gap: var(--_wir-space-xs);
  }

  .base {
    gap: var(--_gap);
    padding: var(--_padding);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-l);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-text);
  }

  .view {
    gap: var(--_gap);
  }

  .header, .breakdown, .history, .indicators, .control {
    gap: var(--_wir-space-2xs);
  }

  .heading, .view-heading, .card-title, .goal-title {
    font-size: var(--_wir-font-size-xl);
    line-height: 1.3;
    hyphens: auto;
  }

  .view-heading, .card-title, .goal-title, .no-results-title {
    font-size: var(--_wir-font-size-l);
  }

  .kicker {
    display: block;
    font-size: var(--_wir-font-size-s);
  }

  .kicker, label, .pinned-label, dt, .subheading, .indicator-title, .result-count, .no-results-title, .measure-title {
    font-weight: var(--_wir-font-weight-bold);
  }

  .kicker, .strategy, .counts, .more-status, .note, .date, .values dt {
    color: var(--_wir-color-muted);
  }

  .counts, .legend, .more-status, label, .pinned-label, .date, .values dt, .chip, .status-badge, .group-badge, .progress-text, .wir-button.small {
    font-size: var(--_wir-font-size-s);
  }

  .counts, .legend, .more-status, time, .values dd, .chip-number {
    font-variant-numeric: tabular-nums;
  }

  .summary, .goal-description, .measure-description {
    max-inline-size: 70ch;
    hyphens: auto;
    /* Feed text is plain text; its line breaks are the only structure it carries. */
    white-space: pre-line;
  }

  a {
    color: var(--_wir-color-accent);
    text-underline-offset: 0.15em;
  }

  /* ---- filters ---- */

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: var(--_wir-space-s);
    align-items: end;
    padding: var(--_wir-space-s);
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface-raised);
  }

  .control {
    min-inline-size: 0;
  }

  .search {
    grid-column: 1 / -1;
  }

  input, select, .pinned-value {
    inline-size: 100%;
    min-block-size: var(--_wir-target-size);
    padding-inline: var(--_wir-space-xs);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-text);
    font: inherit;
  }

  .pinned-value {
    display: flex;
    align-items: center;
    border-style: dashed;
  }

  .reset {
    justify-self: start;
  }

  /* ---- overview cards ---- */

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: var(--_wir-space-s);
  }

  .card {
    position: relative;
    padding: var(--_wir-space-m);
    border: 1px solid var(--_wir-color-border);
    border-inline-start: 0.375rem solid var(--_field-color, var(--_wir-color-accent));
    border-radius: var(--_wir-radius-m);
  }

  .group-card {
    border-inline-start: 0.5rem double var(--_wir-color-accent);
  }

  .card:hover {
    background: var(--_wir-color-surface-raised);
  }

  .card-title a {
    color: var(--_wir-color-text);
    text-decoration: none;
  }

  /* The whole card is the link's target area; the ring goes around the card. */
  .card-title a::after {
    content: '';
    position: absolute;
    inset: 0;
  }

  .card-title a:hover .title {
    text-decoration: underline;
  }

  .card-title a:focus-visible {
    outline: none;
  }

  .card:has(a:focus-visible) {
    outline: var(--_wir-focus-width) solid var(--_wir-color-focus);
    outline-offset: var(--_wir-focus-offset);
  }

  .card .breakdown {
    margin-block-start: auto;
  }

  /* ---- status breakdown ---- */

  .bar {
    display: flex;
    gap: 2px;
    block-size: 0.875rem;
    overflow: hidden;
    border-radius: var(--_wir-radius-s);
  }

  .segment {
    flex: var(--_share, 1) 1 0;
    min-inline-size: 0.375rem;
  }

  .legend, .chips, .badges, .history-list li, .active-filters li, .progress, .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_wir-space-2xs) var(--_wir-space-s);
  }

  .legend li, .status-badge, .group-badge, .chip, .back {
    display: inline-flex;
    align-items: center;
    gap: var(--_wir-space-2xs);
  }

  .swatch, .status-badge::before {
    flex: none;
    inline-size: 0.875em;
    block-size: 0.875em;
    border-radius: 2px;
  }

  /* One colour and one pattern per status. The colours are one palette for both schemes, each
     at least 3:1 against the light and the dark surfaces (3.3–4.8:1). Colour is never the only
     cue: bars and swatches also carry the pattern, and every status is written out. */
  [data-status] {
    --_stripe: color-mix(in srgb, var(--_wir-color-surface) 65%, transparent);
  }
  [data-status='done'] {
    --_status: var(--wir-explorer-status-done, #2f8a3f);
    --_pattern: none;
  }
  [data-status='in-progress'] {
    --_status: var(--wir-explorer-status-in-progress, #3a74d9);
    --_pattern: repeating-linear-gradient(45deg, transparent 0 3px, var(--_stripe) 3px 5px);
  }
  [data-status='accepted'] {
    --_status: var(--wir-explorer-status-accepted, #8a5ad6);
    --_pattern: radial-gradient(circle, var(--_stripe) 1.2px, transparent 1.6px) 0 0 / 5px 5px;
  }
  [data-status='recommendation'] {
    --_status: var(--wir-explorer-status-recommendation, #c0601c);
    --_pattern: repeating-linear-gradient(0deg, transparent 0 3px, var(--_stripe) 3px 5px);
  }
  [data-status='deferred'] {
    --_status: var(--wir-explorer-status-deferred, #7c8591);
    --_pattern: repeating-linear-gradient(45deg, transparent 0 3px, var(--_stripe) 3px 4px),
      repeating-linear-gradient(-45deg, transparent 0 3px, var(--_stripe) 3px 4px);
  }
  [data-status='proposed'] {
    --_status: var(--wir-explorer-status-proposed, #a27812);
    --_pattern: repeating-linear-gradient(90deg, transparent 0 3px, var(--_stripe) 3px 5px);
  }

  .segment, .swatch, .status-badge::before {
    background: var(--_pattern), var(--_status);
  }

  .status-badge, .group-badge {
    padding: 0 var(--_wir-space-xs);
    border: 1px solid var(--_status, var(--_wir-color-border));
    border-radius: var(--_wir-radius-pill);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-text);
    font-weight: normal;
    white-space: nowrap;
  }

  .status-badge::before {
    content: '';
  }

  .group-badge {
    border-style: dashed;
    white-space: normal;
  }

  /* ---- field navigation and headers ---- */

  .field-nav, .results-header, .field-header, .no-results {
    align-items: flex-start;
  }

  .back {
    min-block-size: 2rem;
    font-weight: var(--_wir-font-weight-bold);
  }

  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  :dir(rtl) .icon.back {
    transform: scaleX(-1);
  }

  .chips {
    gap: var(--_wir-space-2xs);
  }

  .chip {
    min-block-size: 2.25rem;
    padding-block: var(--_wir-space-2xs);
    padding-inline: var(--_wir-space-2xs) var(--_wir-space-s);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-pill);
    color: var(--_wir-color-text);
    text-decoration: none;
  }

  .chip:hover {
    border-color: var(--_wir-color-accent);
    text-decoration: underline;
  }

  /* Current field: filled, bold and a thicker edge, so it does not hang on colour alone. */
  .chip[aria-current='page'] {
    border: 2px solid var(--_wir-color-accent);
    background: var(--_wir-color-accent);
    color: var(--_wir-color-accent-contrast);
    font-weight: var(--_wir-font-weight-bold);
  }

  .chip-number {
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: var(--_wir-radius-pill);
    background: var(--_wir-color-surface-raised);
    color: var(--_wir-color-text);
  }

  .field-header {
    padding-inline-start: var(--_wir-space-s);
    border-inline-start: 0.375rem solid var(--_field-color, var(--_wir-color-accent));
  }

  .field-header .breakdown {
    align-self: stretch;
    max-inline-size: 40rem;
  }

  /* ---- goals and measures ---- */

  .goals {
    gap: var(--_wir-space-l);
  }

  .goal {
    /* Goals far below the fold cost no layout or paint until they come near the viewport. */
    content-visibility: auto;
    contain-intrinsic-size: auto 24rem;
  }

  .goal[data-target] .goal-title {
    padding-inline-start: var(--_wir-space-xs);
    border-inline-start: 0.25rem solid var(--_field-color, var(--_wir-color-accent));
  }

  .measures {
    border-block-start: 1px solid var(--_wir-color-border);
  }

  .measure {
    border-block-end: 1px solid var(--_wir-color-border);
  }

  .measure-heading {
    font-size: var(--_wir-font-size-m);
  }

  .measure-button {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_wir-space-2xs) var(--_wir-space-xs);
    inline-size: 100%;
    min-block-size: var(--_wir-target-size);
    padding: var(--_wir-space-xs) var(--_wir-space-2xs);
    border: 0;
    background: none;
    color: var(--_wir-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .measure-button:hover {
    background: var(--_wir-color-surface-raised);
  }

  .measure-button .icon {
    margin-block-start: 0.125em;
  }

  .measure-title {
    flex: 1 1 12rem;
    min-inline-size: 0;
    hyphens: auto;
  }

  .badges {
    gap: var(--_wir-space-2xs);
  }

  [aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }

  .measure-details {
    gap: var(--_wir-space-s);
    padding-block-end: var(--_wir-space-m);
    padding-inline: calc(1.25em + var(--_wir-space-s)) var(--_wir-space-2xs);
  }

  .measure-details[hidden] {
    display: none;
  }

  .facts {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_wir-space-2xs) var(--_wir-space-m);
  }

  .facts div {
    display: contents;
  }

  .history-list {
    gap: var(--_wir-space-2xs);
    padding-inline-start: 1.25rem;
  }

  .history-list li {
    align-items: baseline;
    gap: 0 var(--_wir-space-xs);
  }

  .indicator-list {
    display: grid;
    /* The column's width, not its widest content's: a wide table scrolls in its own box. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_wir-space-s);
  }

  .indicator, .no-results {
    padding: var(--_wir-space-s);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-m);
  }

  .values {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: var(--_wir-space-xs);
  }

  .meter {
    flex: 1 1 8rem;
    block-size: 0.875rem;
    overflow: hidden;
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-pill);
  }

  .meter-fill {
    display: block;
    inline-size: var(--_progress, 0%);
    block-size: 100%;
    background: var(--_wir-color-accent);
  }

  .more {
    justify-content: space-between;
  }

  /* ---- an indicator's course: chart and table ---- */

  /* Each line's colour and style, shared by its stroke and its legend sample. */
  .chart {
    --_c: var(--_wir-color-accent);
    display: grid;
    gap: var(--_wir-space-2xs);
    margin: var(--_wir-space-xs) 0 0;
  }

  .l-base {
    --_c: var(--_wir-color-muted);
    --_s: dotted;
    stroke-dasharray: 2 3;
  }

  .l-target {
    --_c: var(--_wir-color-text);
    --_s: dashed;
    stroke-dasharray: 7 4;
  }

  .chart svg {
    inline-size: 100%;
    block-size: 5rem;
    overflow: visible;
    fill: none;
  }

  /* The box is stretched to the column, the strokes are not. */
  .chart svg * {
    stroke: var(--_c);
    stroke-width: 2px;
    vector-effect: non-scaling-stroke;
  }

  /* Each dot is a zero-length stroke with round caps: round at any stretch of the box. */
  .chart .dot {
    stroke-width: 8px;
    stroke-linecap: round;
    stroke-dasharray: none;
  }

  :dir(rtl) .chart svg {
    transform: scaleX(-1);
  }

  /* With a chart, the labels of baseline, target and current value show their line's style. */
  [data-chart] dt::before {
    content: '';
    display: inline-block;
    inline-size: 1.5em;
    margin-inline-end: var(--_wir-space-2xs);
    vertical-align: middle;
    border-block-start: 3px var(--_s, solid) var(--_c, var(--_wir-color-accent));
  }

  .table-box {
    overflow-x: auto;
  }

  .series-table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  caption, th {
    text-align: start;
  }

  th, td {
    padding: var(--_wir-space-2xs) var(--_wir-space-s);
    border-block-end: 1px solid var(--_wir-color-border);
  }

  td {
    text-align: end;
  }

  .notice {
    padding: var(--_wir-space-xs) var(--_wir-space-s);
    border-inline-start: 0.25rem solid var(--_wir-color-accent);
    background: var(--_wir-color-surface-raised);
  }

  .notice > span {
    margin-inline-end: var(--_wir-space-s);
    font-weight: var(--_wir-font-weight-bold);
  }

  .indicator > .wir-button, .header .wir-button {
    align-self: start;
  }

  .no-results {
    padding: var(--_wir-space-m);
    border-style: dashed;
  }

  .active-filters {
    gap: var(--_wir-space-2xs);
  }

  .wir-button.small {
    min-block-size: 2rem;
    min-inline-size: 2rem;
    padding-inline: var(--_wir-space-xs);
  }

  /* Programmatic focus on a heading after navigation shows only for keyboard readers (the ring
     of :focus-visible comes from the base styles). */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }

  /* ---- compact layout ---- */

  [data-layout='compact'] {
    --_padding: var(--wir-explorer-padding, var(--_wir-space-m));
    --_gap: var(--wir-explorer-gap, var(--_wir-space-s));
  }

  [data-layout='compact'] .cards {
    grid-template-columns: 1fr;
    gap: var(--_wir-space-xs);
  }

  [data-layout='compact'] .card {
    padding: var(--_wir-space-xs) var(--_wir-space-s);
  }

  [data-layout='compact'] :is(.card-title, .goal-title) {
    font-size: var(--_wir-font-size-m);
  }

  [data-layout='compact'] .goals {
    gap: var(--_wir-space-m);
  }

  /* A container query cannot style the container (the host) itself, so the narrow values are
     set on the parts inside it. */
  @container (max-width: 30rem) {
    .base {
      --_padding: var(--wir-explorer-padding, var(--_wir-space-s));
    }
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
    .facts dd {
      margin-block-end: var(--_wir-space-2xs);
    }
    .measure-details {
      padding-inline-start: var(--_wir-space-2xs);
    }
  }

  @container (min-width: 48rem) {
    .search {
      grid-column: span 2;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform var(--_wir-duration);
    }
  }

  /* Paper: black on white, what the reader has open — overview, field or group, with each
     measure's status and, for opened measures, history and indicator values — without the
     search form, navigation or buttons. Bars and meters are drawn with backgrounds, which
     printers leave out by default, so only their written-out figures are printed. Goals are
     laid out in full (content-visibility would skip those off screen). */
  @media print {
    * {
      color: #000!important;
      background: #fff!important;
    }
    .filters, .field-nav, .back, .icon, .wir-button, .bar, .meter {
      display: none;
    }
    .goal {
      content-visibility: visible;
    }
    .card, .measure, .indicator {
      break-inside: avoid;
    }
    .chart svg * {
      stroke: #000;
    }
  }

  /* Borders need no rule here: forced colours repaint them in the system colour already. */
  @media (forced-colors: active) {
    .chip[aria-current='page'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    /* Keep the patterns: in forced colours they are what tells the statuses apart. */
    .segment, .swatch, .status-badge::before, .meter-fill {
      forced-color-adjust: none;
      --_stripe: Canvas;
      --_status: CanvasText;
    }
    .meter-fill {
      background: CanvasText;
    }
    /* Line styles, not colours, tell the chart's lines apart. */
    .chart svg {
      forced-color-adjust: none;
    }
    .chart svg * {
      stroke: CanvasText;
    }
    .card:has(a:focus-visible) {
      outline-color: Highlight;
    }
  }
`;
