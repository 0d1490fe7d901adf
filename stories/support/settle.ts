/**
 * Waiting for widgets to finish loading their feed, shared by the stories' play function (so the
 * a11y addon checks the finished widget, not its skeleton) and by stories.test.ts.
 */

interface SettlingWidget extends HTMLElement {
  updateComplete?: Promise<unknown>;
  // WirElement's controller is protected; stories and tests read its state, never change it.
  feed?: { state?: string };
}

/** `root` itself and every element below it whose tag starts with `wir-` (light DOM only). */
export function findWidgets(root: Element): SettlingWidget[] {
  const all = [root, ...root.querySelectorAll('*')];
  return all.filter((el): el is SettlingWidget => el.localName.startsWith('wir-'));
}

function isLoading(widget: SettlingWidget): boolean {
  const state = widget.feed?.state;
  if (state !== undefined) return state === 'loading';
  // Not a WirElement after all: fall back to the documented `loading` part.
  return !!widget.shadowRoot?.querySelector('[part~="loading"]');
}

/**
 * Resolves true once every widget under `root` has rendered and left the `loading` state (feed
 * shown, error shown, or no feed at all), false if that takes longer than `timeout` ms.
 */
export async function settleWidgets(root: Element, timeout = 5000): Promise<boolean> {
  const widgets = findWidgets(root);
  await Promise.all(widgets.map((w) => customElements.whenDefined(w.localName)));
  const deadline = performance.now() + timeout;
  for (const widget of widgets) {
    await widget.updateComplete;
    while (isLoading(widget)) {
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The controller asks for one more render when the load settles; wait for it.
    await widget.updateComplete;
  }
  return true;
}
