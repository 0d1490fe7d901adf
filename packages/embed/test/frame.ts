// Each test loads a fixture page in its own iframe: custom-element definitions, the
// WIRWidgets global and the resource-timing buffer are per window, so every page starts clean.
export const fixtures = '/packages/embed/test/fixtures/';
export const builtLoader = '/dist/embed/wir-widgets.js';

export interface Frame {
  iframe: HTMLIFrameElement;
  win: Window &
    typeof globalThis & {
      WIRWidgets?: { feed?: string; base?: string; version?: string };
      consoleRecords?: { level: string; text: string }[];
      fakeWidgetEvaluations?: number;
    };
  doc: Document;
  /** Absolute URLs of every resource the page requested so far, in order. */
  requests(): string[];
  /** How many times the page requested `url` (absolute, or a path on this origin). */
  requestCount(url: string): number;
}

const open: HTMLIFrameElement[] = [];

export async function openFrame(page: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = fixtures + page;
  document.body.append(iframe);
  open.push(iframe);
  await loaded;
  const win = iframe.contentWindow as Frame['win'];
  const requests = () =>
    win.performance.getEntriesByType('resource').map((entry) => entry.name.split('#')[0]);
  return {
    iframe,
    win,
    doc: win.document,
    requests,
    requestCount: (url) => requests().filter((name) => name === new URL(url, location.href).href).length,
  };
}

export function closeFrames(): void {
  for (const iframe of open.splice(0)) iframe.remove();
}

/** Polls until `check` returns something truthy; fails with `what` after `timeout` ms. */
export async function waitFor<T>(check: () => T, what: string, timeout = 5000): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fails with a clear message when the script-tag bundle was not built. */
export async function requireBuilt(path = builtLoader): Promise<void> {
  const response = await fetch(path, { method: 'HEAD', cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`${path.slice(1)} is missing (HTTP ${response.status}): run \`npm run build\` before the browser tests`);
  }
}
