import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Feed, LocalizedText } from '@wir/feed';
import { readPart, writePart } from './internal/fragment.js';

import type { Selection } from './selected-fields.js';

type Member = ReactiveControllerHost & HTMLElement & { group?: string | null };

/** `#…&wir-group.main=field:bildung`: one fragment part per group, so links restore the view. */
const partName = (group: string): string => 'wir-group.' + group;
const GROUP = /^[\w-]{1,64}$/;
const VALUE = /^(field|guideline):([a-z0-9][a-z0-9-]{0,127})$/;

// The page's groups: their selection, and the controllers of the widgets taking part.
const selections = new Map<string, Selection | undefined>();
const members = new Map<string, Set<SelectionController>>();
// Groups whose latest choice was made to be looked at (see select's `reveal`), until one of its
// widgets takes the reader there.
const reveals = new Set<string>();
let listening = false;

/** Reads a group's selection from the fragment; anything malformed counts as no selection. */
const fromUrl = (group: string): Selection | undefined => {
  const m = VALUE.exec(readPart(location.hash, partName(group)) ?? '');
  return m ? { kind: m[1] as Selection['kind'], id: m[2] } : undefined;
};

const same = (a?: Selection, b?: Selection): boolean => a?.kind == b?.kind && a?.id == b?.id;

function publish(group: string, selection: Selection | undefined): void {
  if (same(selections.get(group), selection)) return;
  selections.set(group, selection);
  members.get(group)?.forEach((member) => member.changed());
}

// Back, forward and followed links change the fragment: every group follows the URL.
const followUrl = (): void => {
  for (const group of members.keys()) publish(group, fromUrl(group));
};

/**
 * Connects a widget to the other widgets of its `group` attribute on the page: what one of them
 * selects (an action field, a guideline), the others show. The selection is also a deep link —
 * a part of the URL fragment per group — restored on load and on back/forward. Widgets without
 * a group, and two different groups, never affect each other.
 */
export class SelectionController implements ReactiveController {
  #host: Member;
  #group?: string;

  constructor(host: Member) {
    this.#host = host;
    host.addController(this);
  }

  /** The group's current selection; undefined when the widget has no group or nothing is chosen. */
  get value(): Selection | undefined {
    return this.#group ? selections.get(this.#group) : undefined;
  }

  /**
   * Chooses for the whole group and records it in the URL: a new history entry, so Back returns
   * to the previous choice, or with `replace` the current one (when the widget has just pushed
   * an entry of its own for the same action). With `reveal`, the widget of the group that shows
   * the choice takes the reader there (see takeReveal). Does nothing without a group.
   */
  select(selection: Selection | undefined, replace = false, reveal = false): void {
    const group = this.#group;
    if (!group) return;
    if (reveal) {
      reveals.add(group);
      // Only for the widgets rendering this choice now; one that joins later is not sent there.
      setTimeout(() => reveals.delete(group));
    }
    if (same(selections.get(group), selection)) {
      // Chosen again to be looked at: nothing changes, but the reader is taken there again.
      if (reveal) members.get(group)?.forEach((member) => member.changed());
      return;
    }
    const hash = writePart(location.hash, partName(group), selection ? `${selection.kind}:${selection.id}` : '');
    history[replace ? 'replaceState' : 'pushState'](history.state, '', hash || location.pathname + location.search);
    publish(group, selection);
  }

  /**
   * The note a following widget shows (see WirElement.renderSelectionNote): what is selected,
   * named with `text`, and a button that calls `clear`. Only for a selection known to `feed`.
   */
  note(feed: Feed, text: (value: LocalizedText) => unknown, clear: () => void): TemplateResult {
    const selection = this.value!;
    const field = selection.kind == 'field';
    const name = field
      ? text(feed.actionFields.find((f) => f.id == selection.id)!.title)
      : String(feed.guidelines.find((g) => g.id == selection.id)?.number ?? '');
    return html`<p class="wir-selection" part="selection-note">
      <span
        >${field
          ? msg('Auswahl: Handlungsfeld', { id: 'selection.field', desc: 'Shown when the widget follows an action field chosen in another widget; the field title follows it.' })
          : msg('Auswahl: Leitlinie', { id: 'selection.guideline', desc: 'Shown when the widget follows a guideline chosen in another widget; the guideline number follows it.' })}
        ${name}</span
      >
      <button type="button" class="wir-button" part="selection-clear" @click=${clear}>
        ${msg('Auswahl aufheben', { id: 'selection.clear', desc: 'Button that clears the action field or guideline chosen for this group of widgets, so all widgets show everything again.' })}
      </button>
    </p>`;
  }

  /**
   * True, once, when the group's latest choice was made to be looked at (a "measures" button in
   * another widget): the widget that shows what was chosen asks, and takes the reader there
   * (scroll and focus), as a link to an anchor would.
   */
  takeReveal(): boolean {
    return !!this.#group && reveals.delete(this.#group);
  }

  /** Called when the group's selection changed. */
  changed(): void {
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#join();
  }

  hostUpdate(): void {
    // The group attribute may change at any time; rejoin under the new name.
    // An update can still run after the element left the page; it must not join again then.
    if (this.#host.isConnected && (this.#host.group || undefined) != this.#group) this.#join();
  }

  hostDisconnected(): void {
    this.#leave();
  }

  #join(): void {
    this.#leave();
    const group = this.#host.group;
    if (!group || !GROUP.test(group)) return;
    this.#group = group;
    if (!members.has(group)) {
      members.set(group, new Set());
      selections.set(group, fromUrl(group));
    }
    members.get(group)!.add(this);
    if (!listening) {
      listening = true;
      addEventListener('popstate', followUrl);
      addEventListener('hashchange', followUrl);
    }
  }

  #leave(): void {
    const group = this.#group;
    const others = group && members.get(group);
    // The last one out forgets the group: widgets that join later (a page that swaps content)
    // start again from the URL.
    if (others && others.delete(this) && !others.size) {
      members.delete(group);
      selections.delete(group);
    }
    this.#group = undefined;
  }
}
