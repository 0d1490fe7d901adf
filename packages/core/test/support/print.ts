/**
 * Shared by the widgets' print tests (not a test file itself): what "readable on paper" is
 * checked with, so every widget's printout is held to the same rules.
 */

/** Text colour of printed content. */
export const BLACK = 'rgb(0, 0, 0)';

/** Whether a node takes space in the current media (print hides with display: none). */
export const shown = (node: Element): boolean => getComputedStyle(node).display !== 'none' && node.getClientRects().length > 0;

/** Elements that scroll or clip and whose content does not fit them (a printer shows only the visible part). */
export function clipped(root: ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLElement>('*:not(.visually-hidden)')]
    .filter((node) => {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') return false;
      return node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    })
    .map((node) => `${node.localName}.${node.className}`);
}
