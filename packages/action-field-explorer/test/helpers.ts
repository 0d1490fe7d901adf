import { sendMouse } from '@web/test-runner-commands';
/**
 * Shared helpers of the explorer's browser tests (not a test file itself).
 */
import { waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/wir-action-field-explorer.js';
import type { WirActionFieldExplorer } from '../src/index.js';
import { mount as mountWidget, settled as settledWidget } from '../../core/test/support/widget-fixture.js';

export type Explorer = WirActionFieldExplorer;

export const FIXTURES = '/packages/action-field-explorer/test/fixtures/';
export const FEED = `${FIXTURES}explorer.json`;

export const $ = <T extends Element = HTMLElement>(el: Explorer, selector: string): T | null =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: Explorer, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T & Element>(selector),
] as T[];
export const part = <T extends Element = HTMLElement>(el: Explorer, name: string) => $<T>(el, `[part~="${name}"]`);
export const parts = <T extends Element = HTMLElement>(el: Explorer, name: string) => $$<T>(el, `[part~="${name}"]`);
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Ids of the measures shown, in order. */
export const shownMeasures = (el: Explorer) => parts(el, 'measure').map((m) => m.id.replace(/^m-/, ''));
export const activeId = (el: Explorer) => el.shadowRoot!.activeElement?.id ?? null;

/** Waits until the explorer left its loading state (or, with `state`, shows that part). */
export const settled = (el: Explorer, state?: string) => settledWidget(el, state);
export const mount = (template: TemplateResult, state?: string) => mountWidget<Explorer>(template, state);

/** Types into the search field the way a keyboard does: one input event per character. */
export async function typeSearch(el: Explorer, value: string, { replace = true } = {}): Promise<void> {
  const input = $<HTMLInputElement>(el, '#search')!;
  const start = replace ? '' : input.value;
  if (replace && input.value) {
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
  }
  for (let i = 1; i <= value.length; i++) {
    input.value = start + value.slice(0, i);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value[i - 1] }));
  }
  await el.updateComplete;
}

export async function choose(el: Explorer, select: 'theme' | 'status' | 'group', value: string): Promise<void> {
  const node = $<HTMLSelectElement>(el, `#${select}`)!;
  node.value = value;
  node.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export async function click(el: Explorer, selector: string): Promise<void> {
  const node = $<HTMLElement>(el, selector);
  if (!node) throw new Error(`nothing matches ${selector}`);
  node.click();
  await el.updateComplete;
}

/** The fragment without the test runner's own state; '' when empty. */
export const hash = () => decodeURIComponent(location.hash);

export function resetUrl(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/** URL writes happen when the page is idle; this waits for a fragment that satisfies `check`. */
export async function urlSettles(check: (hash: string) => boolean, message = 'URL did not change'): Promise<void> {
  await waitUntil(() => check(hash()), `${message}: ${hash()}`, { timeout: 3000 });
}

export async function historyGo(delta: number, el: Explorer): Promise<void> {
  const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  history.go(delta);
  await moved;
  await el.updateComplete;
}

/**
 * Counts the history entries the page adds with pushState from now on, until `restore()`.
 * history.length cannot tell: Chromium keeps at most 50 entries per page, and the runner
 * reuses a page for the next test file, so a suite late in a run starts at the cap. (Such a
 * suite needs user activation too: see the `before` hook of url-state.test.ts.)
 */
export function countPushes(): { readonly added: number; restore(): void } {
  const push = history.pushState;
  let added = 0;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    added++;
    return push.apply(this, args);
  };
  return {
    get added() {
      return added;
    },
    restore: () => {
      history.pushState = push;
    },
  };
}

declare const before: (body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => void) => void;
declare const afterEach: (body: () => void) => void;

/**
 * The history set-up of a suite that goes Back and Forward: a real click first (user activation,
 * so Chromium keeps the entries this page adds), `spare` entries of this same page (a Back that
 * overshoots fails an assertion instead of leaving the page), a clean address around each test,
 * and `added`: the entries the current test pushed, so it goes back only over its own.
 */
export function guardHistory(spare: number): { readonly added: number } {
  let pushes: ReturnType<typeof countPushes> | undefined;
  before(async () => {
    await sendMouse({ type: 'click', position: [1, 1] });
    for (let i = 0; i < spare; i++) history.pushState(null, '', location.href);
  });
  beforeEach(() => {
    resetUrl();
    pushes = countPushes();
  });
  afterEach(() => {
    pushes?.restore();
    resetUrl();
  });
  return {
    get added() {
      return pushes?.added ?? 0;
    },
  };
}
