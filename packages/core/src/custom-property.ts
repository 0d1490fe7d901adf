import { nothing } from 'lit';
import type { ElementPart } from 'lit';
import { Directive, PartType, directive } from 'lit/directive.js';

declare const __WIR_SCRIPT_BUNDLE__: boolean | undefined;

/**
 * Sets one CSS custom property on the element through CSSOM. Unlike a `style` attribute (and
 * unlike `styleMap`, which writes the attribute on its first render) this passes a strict CSP
 * with `style-src-attr 'none'`.
 */
class CustomPropertyDirective extends Directive {
  render(_name: string, _value: string | undefined) {
    return nothing;
  }

  override update(part: ElementPart, [name, value]: [string, string | undefined]) {
    // A check for callers' mistakes, on the first render like any; in the script-tag bundle
    // every caller is one of ours.
    if (typeof __WIR_SCRIPT_BUNDLE__ == 'undefined' && part.type !== PartType.ELEMENT) {
      throw new Error('customProperty() belongs on an element');
    }
    const { style } = part.element as HTMLElement;
    if (value) style.setProperty(name, value);
    else style.removeProperty(name);
    return nothing;
  }
}

export const customProperty = directive(CustomPropertyDirective);
