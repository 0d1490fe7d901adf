import type { ActionField } from '@wir/feed';

/** What a reader chose in one widget of a group, for the others to follow. */
export interface Selection {
  kind: 'field' | 'guideline';
  /** A feed id; followers check it against their part of the feed and ignore unknown ids. */
  id: string;
}

/**
 * The action fields a selection designates: the field itself, or the fields that serve the
 * guideline. Undefined when there is no selection or its id is not in `fields`/their links
 * (followers then show everything).
 */
export function selectedFields(
  selection: Selection | undefined,
  fields: ReadonlyArray<Pick<ActionField, 'id' | 'guidelines'>>,
): Set<string> | undefined {
  if (!selection) return undefined;
  const ids = fields
    .filter((f) => (selection.kind == 'field' ? f.id == selection.id : f.guidelines?.includes(selection.id)))
    .map((f) => f.id);
  return ids.length ? new Set(ids) : undefined;
}
