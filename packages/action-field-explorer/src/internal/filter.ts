/**
 * The filter model: which measures pass the reader's filters, how many pass per field, and the
 * facet counts shown next to each filter option ("in Umsetzung (12)"), all in one pass.
 */
import type { MeasureStatus } from '@wir/feed';
import type { Catalogue } from './catalogue.js';
import { emptyStatusCounts } from './catalogue.js';
import type { StatusCounts } from './catalogue.js';

export interface Filters {
  /** Cross-cutting theme id (a pinned theme is passed here too). */
  theme?: string;
  status?: MeasureStatus;
  /** Contributing group id, e.g. "ag-jugend". */
  group?: string;
}

export interface FilterOutcome {
  /** Entries in scope that pass every filter and the search, ascending. */
  hits: number[];
  /** Per field (by field index): entries passing every filter, in the whole catalogue. */
  fieldHits: Int32Array;
  /**
   * Facet counts within the scope: for each option, how many measures would pass if that option
   * were chosen while the other filters stay as they are.
   */
  statusFacet: StatusCounts;
  themeFacet: Map<string, number>;
  groupFacet: Map<string, number>;
}

/**
 * Runs the filters. `searchHits` are the entries matching the search words (ascending, over the
 * whole catalogue), or undefined when there is no search. `scope` limits `hits` and the facets to
 * one field's entries; `fieldHits` always covers every field, for "3 more in other fields".
 */
export function applyFilters(
  catalogue: Catalogue,
  filters: Filters,
  searchHits: readonly number[] | undefined,
  scope?: { start: number; end: number },
): FilterOutcome {
  const { theme, status, group } = filters;
  const entries = catalogue.entries;
  const hits: number[] = [];
  const fieldHits = new Int32Array(catalogue.fields.length);
  const statusFacet = emptyStatusCounts();
  const themeFacet = new Map<string, number>();
  const groupFacet = new Map<string, number>();
  const start = scope?.start ?? 0;
  const end = scope?.end ?? entries.length;

  const visit = (i: number): void => {
    const entry = entries[i];
    const measure = entry.measure;
    const themeOk = !theme || measure.themes.includes(theme);
    const statusOk = !status || entry.status === status;
    const groupOk = !group || measure.contributedBy === group;
    if (themeOk && statusOk && groupOk) fieldHits[entry.fieldIndex]++;
    if (i < start || i >= end) return;
    if (themeOk && statusOk && groupOk) hits.push(i);
    if (themeOk && groupOk) statusFacet[entry.status]++;
    if (statusOk && groupOk) for (const t of measure.themes) themeFacet.set(t, (themeFacet.get(t) ?? 0) + 1);
    if (themeOk && statusOk && measure.contributedBy) {
      groupFacet.set(measure.contributedBy, (groupFacet.get(measure.contributedBy) ?? 0) + 1);
    }
  };

  if (searchHits) for (const i of searchHits) visit(i);
  else for (let i = 0; i < entries.length; i++) visit(i);
  return { hits, fieldHits, statusFacet, themeFacet, groupFacet };
}
