/**
 * The filter model: which measures pass the reader's filters, how many pass per field, and the
 * facet counts shown next to each filter option ("in Umsetzung (12)"), all in one pass.
 *
 * The pass runs on every keystroke over the whole catalogue, so it reads small integer codes
 * prepared once per catalogue (status, theme and group by position) and counts into typed
 * arrays; the feed objects are not touched in the loop.
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
  /** Positions of the fields in scope (a guideline's fields); measures elsewhere count nowhere. */
  fields?: ReadonlySet<number>;
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

const STATUS_CODES: readonly MeasureStatus[] = ['proposed', 'accepted', 'deferred', 'recommendation', 'in-progress', 'done'];

/** Integer codes per entry, built once per catalogue. */
interface Codes {
  status: Uint8Array;
  /** Themes of entry i are themeIds[themeStart[i] … themeStart[i + 1]) as theme positions. */
  themeStart: Uint32Array;
  themeIds: Uint16Array;
  /** Group position + 1, 0 for none. */
  group: Uint16Array;
  field: Uint16Array;
  themes: string[];
  groups: string[];
}

const codesCache = new WeakMap<Catalogue, Codes>();

function codesOf(catalogue: Catalogue): Codes {
  let codes = codesCache.get(catalogue);
  if (codes) return codes;
  const themes = [...catalogue.themes.keys()];
  const groups = [...catalogue.groups.keys()];
  const themePosition = new Map(themes.map((id, i) => [id, i]));
  const groupPosition = new Map(groups.map((id, i) => [id, i + 1]));
  const n = catalogue.entries.length;
  const status = new Uint8Array(n);
  const group = new Uint16Array(n);
  const field = new Uint16Array(n);
  const themeStart = new Uint32Array(n + 1);
  const themeList: number[] = [];
  catalogue.entries.forEach((entry, i) => {
    status[i] = STATUS_CODES.indexOf(entry.status);
    group[i] = entry.measure.contributedBy ? (groupPosition.get(entry.measure.contributedBy) ?? 0) : 0;
    field[i] = entry.fieldIndex;
    themeStart[i] = themeList.length;
    for (const theme of entry.measure.themes) {
      const position = themePosition.get(theme);
      if (position !== undefined) themeList.push(position);
    }
  });
  themeStart[n] = themeList.length;
  codes = { status, themeStart, themeIds: Uint16Array.from(themeList), group, field, themes, groups };
  codesCache.set(catalogue, codes);
  return codes;
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
  const codes = codesOf(catalogue);
  const { status, themeStart, themeIds, group, field } = codes;
  // -1: no filter on that dimension; -2: a filter value the catalogue does not know (nothing passes).
  const wantTheme = filters.theme === undefined ? -1 : codes.themes.indexOf(filters.theme) >= 0 ? codes.themes.indexOf(filters.theme) : -2;
  const wantStatus = filters.status === undefined ? -1 : STATUS_CODES.indexOf(filters.status);
  const wantGroup = filters.group === undefined ? -1 : codes.groups.indexOf(filters.group) + 1 || -2;
  const hits: number[] = [];
  const fieldHits = new Int32Array(catalogue.fields.length);
  const statusCounts = new Int32Array(STATUS_CODES.length);
  const themeCounts = new Int32Array(codes.themes.length);
  const groupCounts = new Int32Array(codes.groups.length + 1);
  const start = scope?.start ?? 0;
  const end = scope?.end ?? catalogue.entries.length;

  const visit = (i: number): void => {
    if (filters.fields && !filters.fields.has(field[i])) return;
    let themeOk = wantTheme === -1;
    if (!themeOk) {
      for (let t = themeStart[i]; t < themeStart[i + 1]; t++) {
        if (themeIds[t] === wantTheme) {
          themeOk = true;
          break;
        }
      }
    }
    const statusOk = wantStatus === -1 || status[i] === wantStatus;
    const groupOk = wantGroup === -1 || group[i] === wantGroup;
    const all = themeOk && statusOk && groupOk;
    if (all) fieldHits[field[i]]++;
    if (i < start || i >= end) return;
    if (all) hits.push(i);
    if (themeOk && groupOk) statusCounts[status[i]]++;
    if (statusOk && groupOk) for (let t = themeStart[i]; t < themeStart[i + 1]; t++) themeCounts[themeIds[t]]++;
    if (themeOk && statusOk) groupCounts[group[i]]++;
  };

  if (searchHits) for (const i of searchHits) visit(i);
  else for (let i = 0; i < catalogue.entries.length; i++) visit(i);

  const statusFacet = emptyStatusCounts();
  STATUS_CODES.forEach((s, i) => (statusFacet[s] = statusCounts[i]));
  const themeFacet = new Map(codes.themes.map((id, i) => [id, themeCounts[i]]));
  const groupFacet = new Map(codes.groups.map((id, i) => [id, groupCounts[i + 1]]));
  return { hits, fieldHits, statusFacet, themeFacet, groupFacet };
}
