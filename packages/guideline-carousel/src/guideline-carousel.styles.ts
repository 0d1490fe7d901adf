import { css } from 'lit';

export const styles = css`
  :host {
    /* The widget sizes itself by its own width, not the viewport: the same element fits a
       320 px sidebar and a full-width banner. */
    container-type: inline-size;
    --_gap: var(--wir-carousel-gap, var(--_wir-space-m));
    --_padding: var(--wir-carousel-padding, var(--_wir-space-l));
    --_image-ratio: var(--wir-carousel-image-ratio, 16 / 9);
    --_tab-size: var(--_wir-target-size);
  }

  /* The height reserved while loading and kept as the carousel's minimum, so nothing below it
     moves when the feed arrives. A narrow carousel wraps its controls and text onto more lines,
     so the default follows the width: the loaded height of the Hannover sample feed is about
     550 px at 320 px wide, 530 px at 400, 410-450 px up to 36rem and 350 px beyond (no images). A page that
     knows its content sets --wir-carousel-min-height. Container queries cannot style the host,
     so the value sits on the state wrapper and on the carousel. */
  .state,
  .base {
    --_min-height: var(--wir-carousel-min-height, 22rem);
  }

  @container (max-width: 36rem) {
    .state,
    .base {
      --_min-height: var(--wir-carousel-min-height, 28rem);
    }
  }

  @container (max-width: 28rem) {
    .state,
    .base {
      --_min-height: var(--wir-carousel-min-height, 33rem);
    }
  }

  @container (max-width: 24rem) {
    .state,
    .base {
      --_min-height: var(--wir-carousel-min-height, 34rem);
    }
  }

  .base {
    display: flex;
    flex-direction: column;
    /* At least the height the loading state reserved, so arriving content never pulls up. */
    min-block-size: var(--_min-height);
    gap: var(--_gap);
    padding: var(--_padding);
    border: 1px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-l);
    background: var(--_wir-color-surface);
  }

  /* As wide as its label, not the slide. */
  .measures-link {
    align-self: start;
    color: var(--_wir-color-accent);
  }

  .header {
    display: flex;
    flex-direction: column;
    gap: var(--_wir-space-2xs);
  }

  .heading {
    margin: 0;
    font-size: var(--_wir-font-size-xl);
    line-height: 1.25;
  }

  .strategy {
    margin: 0;
    color: var(--_wir-color-muted);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_wir-space-xs) var(--_wir-space-m);
  }

  .nav {
    display: flex;
    align-items: center;
    gap: var(--_wir-space-xs);
  }

  .icon-button {
    padding: 0;
    border-radius: var(--_wir-radius-pill);
  }

  :dir(rtl) .icon.mirrored {
    transform: scaleX(-1);
  }

  .status {
    margin: 0;
    min-inline-size: 4.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--_wir-color-muted);
  }

  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_wir-space-2xs);
    margin-inline-start: auto;
  }

  .picker-button {
    display: inline-grid;
    place-items: center;
    min-inline-size: var(--_tab-size);
    min-block-size: var(--_tab-size);
    padding: 0 var(--_wir-space-2xs);
    border: 2px solid var(--_wir-color-border);
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface);
    color: var(--_wir-color-text);
    font: inherit;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }

  .picker-button:hover {
    border-color: var(--_wir-color-accent);
  }

  /* Selected: filled, and a thicker bottom edge so the state does not hang on colour alone. */
  .picker-button[aria-selected='true'] {
    border-color: var(--_wir-color-accent);
    border-block-end-width: 0.3rem;
    background: var(--_wir-color-accent);
    color: var(--_wir-color-accent-contrast);
    font-weight: var(--_wir-font-weight-bold);
  }

  .slides {
    display: grid;
    /* Horizontal swipes reach the element; vertical ones still scroll the page. */
    touch-action: pan-y;
    /* Takes the height the minimum leaves, so spare room sits under the text. */
    flex-grow: 1;
  }

  /* All slides share one grid cell, so the area is as tall as the tallest slide and nothing
     below the carousel jumps when a shorter or longer guideline comes in. */
  .slide {
    grid-area: 1 / 1;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-inline-size: 0;
    visibility: hidden;
  }

  .slide[data-active] {
    visibility: visible;
  }

  .image {
    display: block;
    inline-size: 100%;
    aspect-ratio: var(--_image-ratio);
    object-fit: cover;
    border-radius: var(--_wir-radius-m);
    background: var(--_wir-color-surface-raised);
  }

  .slide-body {
    display: flex;
    flex-direction: column;
    gap: var(--_wir-space-xs);
    min-inline-size: 0;
  }

  .slide-heading {
    display: flex;
    flex-direction: column;
    margin: 0;
    hyphens: auto;
    font-size: var(--_wir-font-size-l);
    line-height: 1.3;
  }

  .slide-number {
    font-size: var(--_wir-font-size-s);
    font-weight: var(--_wir-font-weight-bold);
    color: var(--_wir-color-accent);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  /* Spacing letters apart breaks the joined letters of Arabic script. */
  .slide-number:lang(ar) {
    letter-spacing: normal;
  }

  .slide-text {
    margin: 0;
    max-inline-size: 70ch;
    hyphens: auto;
    /* Feed text is plain text; its line breaks are the only structure it carries. */
    white-space: pre-line;
  }

  @media (prefers-reduced-motion: no-preference) {
    .slides:not([data-motion='none']) .slide[data-active] {
      animation: wir-slide-in var(--_wir-duration) ease-out;
      --_from: 2rem;
    }
    .slides[data-motion='backward'] .slide[data-active] {
      --_from: -2rem;
    }
    :dir(rtl) .slides .slide[data-active] {
      --_direction: -1;
    }
  }

  @keyframes wir-slide-in {
    from {
      opacity: 0;
      transform: translateX(calc(var(--_from, 0px) * var(--_direction, 1)));
    }
  }

  /* A container query cannot style the container (the host) itself, so the narrow values are
     set on the parts inside it. 2rem tabs still clear the 24 px target minimum (WCAG 2.5.8). */
  @container (max-width: 24rem) {
    .base {
      --_padding: var(--wir-carousel-padding, var(--_wir-space-m));
      --_tab-size: 2rem;
    }
    .picker {
      margin-inline-start: 0;
    }
  }

  /* Banner: image beside the text. */
  @container (min-width: 44rem) {
    .slide:has(.image) {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
    .heading {
      font-size: calc(var(--_wir-font-size-xl) * 1.15);
    }
    .slide-heading {
      font-size: var(--_wir-font-size-xl);
    }
  }

  /* Paper: black on white, no controls, and every guideline one after another (the slides
     leave their shared grid cell and stack in the carousel's column, with its gap). The
     position in the carousel is a screen device, not a choice of content (with autoplay it is
     wherever the timer was), and a reader cannot turn a printed page to the next slide. */
  @media print {
    * {
      color: #000!important;
      background: #fff!important;
    }
    .controls {
      display: none;
    }
    .slides {
      display: contents;
    }
    .slide {
      visibility: visible;
      break-inside: avoid;
    }
  }

  /* The plain borders need no rule here: the border token is CanvasText under forced colours. */
  @media (forced-colors: active) {
    .picker-button[aria-selected='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    .slide-number {
      color: CanvasText;
    }
  }
`;
