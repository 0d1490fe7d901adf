/**
 * Shared by the widgets' browser tests (not a test file itself): mount a widget and wait until
 * its feed has settled, so every suite waits the same way.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';

/**
 * Waits until the widget left its loading state: by default until it shows its content
 * (`part="base"`), its error or its empty state; with `state`, until it shows those parts
 * (part names, or selectors starting with `[`, separated by commas).
 */
export async function settled<T extends LitElement>(el: T, state = 'base, [part~="error"], [part~="empty"]'): Promise<T> {
  const selector = state
    .split(',')
    .map((s) => s.trim())
    .map((s) => (s.startsWith('[') ? s : `[part~="${s}"]`))
    .join(', ');
  const name = el.localName.replace(/^wir-/, '');
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `${name} did not reach ${state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Renders `template` as a fixture and waits as `settled` does. */
export async function mount<T extends LitElement>(template: TemplateResult, state?: string): Promise<T> {
  return settled(await fixture<T>(template), state);
}

declare const beforeEach: (body: () => void) => void;
declare const afterEach: (body: () => void) => void;

/**
 * For the safety suites: `window.alert` records its calls instead of opening a dialog, for each
 * test of the calling suite, so "no script from the feed ran" can be asserted as an empty list.
 */
export function captureAlerts(): { readonly calls: unknown[] } {
  const original = window.alert;
  const record = { calls: [] as unknown[] };
  beforeEach(() => {
    record.calls = [];
    window.alert = (message?: unknown) => void record.calls.push(message);
  });
  afterEach(() => {
    window.alert = original;
  });
  return record;
}
