/**
 * The feed's action fields, goals and measures flattened once into an array of entries (one per
 * measure, in feed order), with lookups by id. Everything the explorer filters, counts or
 * searches works on entry indices, so a keystroke touches numbers and strings, never the feed
 * tree. No DOM, no Lit: the Node tests and the benchmark use it directly.
 */
import type { ActionField, CrossCuttingTheme, Feed, Goal, Group, Measure, MeasureStatus } from '@wir/feed';

/** Statuses from furthest along to not yet decided: the order of bars, legends and the filter. */
export const STATUS_ORDER = ['done', 'in-progress', 'accepted', 'recommendation', 'deferred', 'proposed'] as const satisfies readonly MeasureStatus[];

export interface Entry {
  readonly measure: Measure;
  readonly goal: Goal;
  readonly field: ActionField;
  /** Position of the field in `Catalogue.fields`. */
  readonly fieldIndex: number;
  /** The current status: the last entry of the measure's history. */
  readonly status: MeasureStatus;
}

export interface FieldInfo {
  readonly field: ActionField;
  readonly index: number;
  /** The field's entries are `entries[start]` up to, not including, `entries[end]`. */
  readonly start: number;
  readonly end: number;
}

export interface Catalogue {
  readonly feed: Feed;
  readonly entries: readonly Entry[];
  readonly fields: readonly FieldInfo[];
  readonly fieldById: ReadonlyMap<string, FieldInfo>;
  readonly goalById: ReadonlyMap<string, { goal: Goal; field: FieldInfo }>;
  /** Measure id → entry index. */
  readonly measureIndex: ReadonlyMap<string, number>;
  readonly themes: ReadonlyMap<string, CrossCuttingTheme>;
  readonly groups: ReadonlyMap<string, Group>;
}

export function buildCatalogue(feed: Feed): Catalogue {
  const entries: Entry[] = [];
  const fields: FieldInfo[] = [];
  const fieldById = new Map<string, FieldInfo>();
  const goalById = new Map<string, { goal: Goal; field: FieldInfo }>();
  const measureIndex = new Map<string, number>();
  feed.actionFields.forEach((field, fieldIndex) => {
    const start = entries.length;
    for (const goal of field.goals) {
      for (const measure of goal.measures) {
        measureIndex.set(measure.id, entries.length);
        entries.push({ measure, goal, field, fieldIndex, status: measure.status[measure.status.length - 1].status });
      }
    }
    const info: FieldInfo = { field, index: fieldIndex, start, end: entries.length };
    fields.push(info);
    fieldById.set(field.id, info);
    for (const goal of field.goals) goalById.set(goal.id, { goal, field: info });
  });
  return {
    feed,
    entries,
    fields,
    fieldById,
    goalById,
    measureIndex,
    themes: new Map(feed.crossCuttingThemes.map((t) => [t.id, t])),
    groups: new Map(feed.groups.map((g) => [g.id, g])),
  };
}

export type StatusCounts = Record<MeasureStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return { done: 0, 'in-progress': 0, accepted: 0, recommendation: 0, deferred: 0, proposed: 0 };
}

/** Measures, goals with at least one of those measures, and measures per status. */
export interface Summary {
  measures: number;
  goals: number;
  status: StatusCounts;
  /** Fields with at least one of the measures (used for groups, which span fields). */
  fields: number;
}

/** Sums up the entries at `indices` (ascending). */
export function summarize(catalogue: Catalogue, indices: Iterable<number>): Summary {
  const status = emptyStatusCounts();
  const goals = new Set<string>();
  const fields = new Set<number>();
  let measures = 0;
  for (const i of indices) {
    const entry = catalogue.entries[i];
    measures++;
    status[entry.status]++;
    goals.add(entry.goal.id);
    fields.add(entry.fieldIndex);
  }
  return { measures, goals: goals.size, status, fields: fields.size };
}
