/**
 * A page for looking at the explorer by hand and for screenshots, served by
 * `run-bench.mjs --serve` under the same strict CSP as the demo. Query parameters become the
 * element's attributes (lang, dir, field, theme, layout, heading, page-size, scheme); `feed` is
 * `hannover` (default), a fixture name from test/fixtures, or `generated` (with `measures`).
 */
import '../src/wir-action-field-explorer.js';
import { generateFeed } from '../test/fixtures/generate-feed.js';

const params = new URLSearchParams(location.search);
const feedName = params.get('feed') ?? 'hannover';
const src =
  feedName === 'generated'
    ? URL.createObjectURL(new Blob([JSON.stringify(generateFeed({ measures: Number(params.get('measures') ?? 5000) }))], { type: 'application/json' }))
    : feedName === 'hannover'
      ? '/feeds/hannover.json'
      : `/fixtures/${encodeURIComponent(feedName)}.json`;

const el = document.createElement('wir-action-field-explorer');
el.setAttribute('src', src);
for (const name of ['lang', 'dir', 'field', 'theme', 'layout', 'heading', 'page-size', 'scheme', 'id']) {
  const value = params.get(name);
  if (value) el.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang')!;
const main = document.getElementById('main')!;
main.append(el);
// ?open=<measure id> opens that measure's details once rendered, to show them in a screenshot.
const open = params.get('open');
if (open) {
  el.addEventListener('wir-feed-load', () => {
    void el.updateComplete.then(() => el.shadowRoot?.querySelector<HTMLButtonElement>(`#mb-${CSS.escape(open)}`)?.click());
  });
}
