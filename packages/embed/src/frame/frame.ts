/**
 * The script of frame.html, the page a partner embeds with an iframe when its CMS strips
 * scripts. Built as a classic script (dist/embed/frame.js); frame.html runs it before the
 * ordinary loader (wir-widgets.js), which then finds the element and imports its widget module
 * exactly as on a partner page.
 *
 * It checks the address (frame-query.ts), creates the one widget element with attributes set
 * only through setAttribute, or shows what is wrong with the address, and tells the embedding
 * page its height: `{ type: 'wir-frame:height', id, height }` to `parent`, whenever the content
 * height changes (wir-frame-resize.js on the host applies it).
 */
import { textDirection } from '@wir/feed';
import { widgetTags } from '../registry.js';
import { parseFrameQuery } from './frame-query.js';

const root = document.querySelector('main')!;
const sheet = new CSSStyleSheet();
// A constructed sheet, because the page's CSP allows no inline style. The padding keeps focus
// rings (3px at a 2px offset) inside the frame; flow-root keeps children's margins inside the
// measured box. No background and no color-scheme, so the frame stays transparent over the
// partner's page.
sheet.replaceSync(
  'html,body{margin:0}main{display:flow-root;padding:5px;font-family:system-ui,sans-serif}' +
    '.problem{background:#fff;color:#1b1b1b;border:2px solid #b3261e;border-radius:4px;padding:.5rem 1rem;line-height:1.5}',
);
document.adoptedStyleSheets = [sheet];

const query = parseFrameQuery(location.search, widgetTags);
const id = query.ok ? query.config.id : query.id;

const framed = id && parent != window;

let posted = -1;
let pending = 0;
const post = () => {
  pending = 0;
  if (!framed) return;
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height == posted) return;
  posted = height;
  // '*': the height is no secret, and the frame cannot know which origin embeds it. The host
  // checks origin, source and shape on its side.
  parent.postMessage({ type: 'wir-frame:height', id, height }, '*');
};
const observer = new ResizeObserver(() => (pending ||= requestAnimationFrame(post)));
const report = () => framed && observer.observe(root);

const showProblem = (heading: string, details: string[]) => {
  const box = document.createElement('div');
  box.className = 'problem';
  const lead = document.createElement('p');
  lead.lang = 'de';
  lead.textContent = `${heading} `;
  const english = document.createElement('span');
  english.lang = 'en';
  english.textContent = details.shift()!;
  lead.append(english);
  box.append(lead);
  if (details.length) {
    const list = document.createElement('ul');
    list.lang = 'en';
    for (const detail of details) list.append(Object.assign(document.createElement('li'), { textContent: detail }));
    box.append(list);
  }
  root.replaceChildren(box);
  report();
};

// A link that leaves the widget (the feed's "Mehr erfahren", a measures page, mailto) opens where
// the reader is, on the embedding page, not inside this frame's box, where a site that forbids
// framing would show an error instead. Links within the frame (the explorer's views, calendar
// files from blob: URLs) stay in it. Set on the way down (capture), before the link acts.
addEventListener(
  'click',
  (event) => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (link?.href && !link.target && new URL(link.href).origin != location.origin) link.target = '_top';
  },
  true,
);

if (query.ok) {
  const { tag, feed, accent, lang, attributes } = query.config;
  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value);
  element.setAttribute('src', feed);
  if (accent) element.style.setProperty('--wir-color-accent', accent);
  if (lang) {
    document.documentElement.lang = lang;
    document.documentElement.dir = textDirection(lang);
  }
  root.append(element);
  // Heights are reported once the widget runs: before that the element is empty, and reporting
  // it would shrink the frame below the snippet's height only to grow it again.
  customElements.whenDefined(tag).then(report);
  // Chromium does not render a cross-origin frame while it is out of view: neither the observer
  // nor animation frames run until the reader scrolls to it, and only then would the frame jump
  // to its size. The feed events come after the widget rendered, so measuring then (which forces
  // layout) lets the host size the frame while it is still out of sight.
  root.addEventListener('wir-feed-load', post);
  root.addEventListener('wir-feed-error', post);
  // The loader marks elements whose module failed to load; an empty frame would say nothing.
  new MutationObserver(() =>
    showProblem('Dieses Element konnte nicht geladen werden.', [`This widget (${tag}) could not be loaded. Please try again later.`]),
  ).observe(element, { attributeFilter: ['data-wir-load'] });
} else {
  console.error(`WIR frame: this frame address cannot be used:\n${query.problems.join('\n')}`);
  showProblem('Die Adresse dieses eingebetteten Elements ist fehlerhaft.', [
    'The address (src) of this frame is not valid:',
    ...query.problems,
  ]);
}
