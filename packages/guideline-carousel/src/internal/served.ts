import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ActionField, Guideline, LocalizedText } from '@wir/feed';

/**
 * In a widget group with an action field chosen: the field, and the guidelines it serves as
 * buttons that show each (`show` gets the guideline's index in `list`). A module of its own,
 * loaded only for a carousel in a widget group (see WirGuidelineCarousel), the only time it
 * can show, like core's group module.
 */
export function renderServed(
  list: Guideline[],
  field: Pick<ActionField, 'title' | 'guidelines'>,
  text: (value: LocalizedText) => unknown,
  show: (index: number) => void,
): TemplateResult {
  const served = list.filter((g) => field.guidelines?.includes(g.id));
  return html`<div class="wir-selection" part="served">
    <span>${msg('Auswahl: Handlungsfeld', { id: 'selection.field', desc: 'Shown when the widget follows an action field chosen in another widget; the field title follows it.' })} ${text(field.title)}.</span>
    <span>${served.length
      ? msg('Es dient diesen Leitlinien:', { id: 'carousel.served', desc: 'After the chosen action field: the guidelines it serves follow as buttons.' })
      : msg('Es ist keiner Leitlinie zugeordnet.', { id: 'carousel.servedNone', desc: 'After the chosen action field: the feed links it to no guideline.' })}</span>
    ${served.map(
      (g) => html`<button type="button" class="wir-button" @click=${() => show(list.indexOf(g))}>
        ${msg(str`Leitlinie ${g.number}`, { id: 'carousel.slideNumber', desc: 'Label before a guideline title; the placeholder is its number.' })}
      </button>`,
    )}
  </div>`;
}
