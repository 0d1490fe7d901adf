/**
 * Finds the language an element is in, the way the HTML spec does (nearest `lang`, crossing
 * shadow roots), and tells subscribed elements when any `lang` or `dir` on the page changes (or
 * the reader switches easy German).
 */

/** Canonical form of a BCP 47 tag, or undefined when it is empty or not well-formed. */
export function canonicalTag(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/**
 * The element's own `lang`, else the closest ancestor's (through shadow hosts), else
 * `<html lang>`, else `fallback`. Empty or malformed values are skipped so that a stray
 * `lang=""` in a CMS template does not switch the widget off its page language.
 */
export function findLang(element: Element, fallback: string): string {
  let node: Element | null = element;
  while (node) {
    const own = canonicalTag(node.getAttribute('lang'));
    if (own) return own;
    if (node.parentElement) {
      node = node.parentElement;
    } else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return canonicalTag(globalThis.document?.documentElement.getAttribute('lang')) ?? fallback;
}

/** Explicit `dir="ltr"|"rtl"` on the element, if any (`auto` and others count as unset). */
export function explicitDir(element: Element): 'ltr' | 'rtl' | undefined {
  const dir = element.getAttribute('dir')?.trim().toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : undefined;
}

/** Told whether to re-render even when the element's language did not change. */
type LangListener = (force?: boolean) => void;
const listeners = new Set<LangListener>();
let observer: MutationObserver | undefined;

/** Calls every listener: a page-wide reading choice (easy German) changed. */
export const notifyLangListeners = (force: boolean): void => listeners.forEach((l) => l(force));

/**
 * Calls `listener` whenever a `lang` or `dir` attribute changes anywhere in the light DOM of the
 * page, and on notifyLangListeners. One observer serves all widgets; it is created on first use
 * and dropped when the last widget leaves. Language changes are rare, so the subtree watch costs
 * next to nothing.
 */
export function observeLangChanges(listener: LangListener): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => notifyLangListeners(false));
    // An attribute filter implies `attributes: true`.
    observer.observe(document.documentElement, { attributeFilter: ['lang', 'dir'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
