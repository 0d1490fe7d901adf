/**
 * In-page benchmark of <wir-action-field-explorer> with a generated catalogue (default 5,000
 * measures). Each figure is the time from the reader's action (a click, an input event) until
 * Lit has rendered and the browser has done style and layout for the result (a forced layout
 * read): the work that has to fit in one frame. Painting is left to the browser and not timed.
 *
 * Query parameters: measures (5000), runs (5). Results go to #out, to the console, and to
 * window.__benchResult for run-bench.mjs.
 */
import '../src/wir-action-field-explorer.js';
import type { WirActionFieldExplorer } from '../src/index.js';
import { generateFeed } from '../test/fixtures/generate-feed.js';

interface Stats {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

declare global {
  interface Window {
    __benchResult?: { measures: number; bytes: number; stats: Stats[]; notes: string[] };
    __benchError?: string;
  }
}

const params = new URLSearchParams(location.search);
const measures = Number(params.get('measures') ?? 5000);
const runs = Number(params.get('runs') ?? 5);
const out = document.getElementById('out')!;
const el = document.getElementById('bench') as WirActionFieldExplorer;
const root = () => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(selector: string) => root().querySelector(selector) as T | null;

function stats(name: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, samples: samples.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

/** Runs `action` and resolves with the time until the render and a layout are done. */
async function timed(action: () => void): Promise<number> {
  const start = performance.now();
  action();
  await el.updateComplete;
  // Reading a layout property makes the browser compute style and layout now.
  void $('.base')?.getBoundingClientRect().height;
  void document.body.offsetHeight;
  return performance.now() - start;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

async function clearSearch(): Promise<void> {
  const input = $<HTMLInputElement>('#search')!;
  type(input, '');
  await el.updateComplete;
  await nextFrame();
}

async function typeQueries(queries: string[], into: number[]): Promise<void> {
  const input = $<HTMLInputElement>('#search')!;
  for (const query of queries) {
    await clearSearch();
    for (let i = 1; i <= query.length; i++) {
      into.push(await timed(() => type(input, query.slice(0, i))));
      await nextFrame();
    }
    // Deleting widens the result: no narrowing shortcut.
    for (let i = query.length - 1; i >= Math.max(0, query.length - 3); i--) {
      into.push(await timed(() => type(input, query.slice(0, i))));
      await nextFrame();
    }
  }
  await clearSearch();
}

async function run(): Promise<void> {
  const feed = generateFeed({ measures });
  const json = JSON.stringify(feed);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const notes: string[] = [];
  const all: Stats[] = [];

  const loadStart = performance.now();
  const loaded = new Promise((resolve, reject) => {
    el.addEventListener('wir-feed-load', resolve, { once: true });
    el.addEventListener('wir-feed-error', (e) => reject(new Error(String((e as CustomEvent).detail?.error?.message))), { once: true });
  });
  el.src = url;
  await loaded;
  await el.updateComplete;
  void document.body.offsetHeight;
  all.push(stats('initial load (fetch, parse, validate, first render)', [performance.now() - loadStart]));
  // Let the idle-time index build happen, as it would while a reader looks at the overview.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const fieldIds = feed.actionFields.map((f) => f.id);
  const open: number[] = [];
  const back: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const id of fieldIds) {
      open.push(await timed(() => $<HTMLAnchorElement>(`#card-${id}`)!.click()));
      await nextFrame();
      back.push(await timed(() => $<HTMLAnchorElement>('[part~="back-link"]')!.click()));
      await nextFrame();
    }
  }
  all.push(stats('open a field (from the overview)', open));
  all.push(stats('back to the overview', back));

  const queries = ['sprache', 'beratung schule', 'förderung', 'netzwerk jugend', 'nr 4711', 'xyz'];
  const overviewKeys: number[] = [];
  for (let r = 0; r < Math.max(1, Math.round(runs / 2)); r++) await typeQueries(queries, overviewKeys);
  all.push(stats('keystroke, all fields (5,000 measures searched)', overviewKeys));

  $<HTMLAnchorElement>(`#card-${fieldIds[2]}`)!.click();
  await el.updateComplete;
  await nextFrame();
  const fieldKeys: number[] = [];
  for (let r = 0; r < Math.max(1, Math.round(runs / 2)); r++) await typeQueries(queries, fieldKeys);
  all.push(stats('keystroke, inside one field', fieldKeys));

  const statusChanges: number[] = [];
  const select = $<HTMLSelectElement>('#status')!;
  for (let r = 0; r < runs; r++) {
    for (const value of ['done', 'in-progress', 'proposed', '']) {
      statusChanges.push(
        await timed(() => {
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      );
      await nextFrame();
    }
  }
  all.push(stats('status filter change', statusChanges));

  const toggles: number[] = [];
  for (let r = 0; r < runs; r++) {
    const button = $<HTMLButtonElement>('.measure-button')!;
    toggles.push(await timed(() => button.click()));
    await nextFrame();
    toggles.push(await timed(() => button.click()));
    await nextFrame();
  }
  all.push(stats('open / close a measure', toggles));

  const more: number[] = [];
  for (let r = 0; r < runs; r++) {
    const button = $<HTMLButtonElement>('[part~="more-button"]');
    if (!button) break;
    more.push(await timed(() => button.click()));
    await nextFrame();
  }
  if (more.length) all.push(stats('show more (next page of 50)', more));

  // A language without an index yet: the first keystroke builds it.
  const cold: number[] = [];
  for (const lang of ['en', 'ar', 'tr']) {
    el.setAttribute('lang', lang);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    await clearSearch();
    cold.push(await timed(() => type($<HTMLInputElement>('#search')!, 's')));
    await nextFrame();
  }
  all.push(stats('first keystroke in a new language (builds its index)', cold));
  notes.push('Typing normally does not pay the index build: it runs in idle time after the feed loads and after a language switch.');

  const shownMeasures = root().querySelectorAll('.measure').length;
  notes.push(`Measures rendered at most at once: ${shownMeasures} (page size 50 plus "show more" pages).`);
  notes.push(`Chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'}; devicePixelRatio ${devicePixelRatio}; viewport ${innerWidth}×${innerHeight}.`);

  window.__benchResult = { measures, bytes: json.length, stats: all, notes };
  const lines = [
    `${measures} measures, feed ${(json.length / 1024).toFixed(0)} KiB`,
    ...all.map((s) => `${s.name.padEnd(54)} n=${String(s.samples).padStart(4)}  p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`),
    ...notes,
  ];
  out.textContent = lines.join('\n');
  console.log(lines.join('\n'));
}

run().catch((error: unknown) => {
  window.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  out.textContent = `failed: ${window.__benchError}`;
});
