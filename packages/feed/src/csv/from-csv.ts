/**
 * CSV rows → measures, merged into a feed's goals and checked with validateFeed; every problem
 * is reported at the row and column that produced it.
 *
 * Merge rules (docs/measures-csv.md explains them to editors):
 * - The goals named in the CSV get exactly the CSV's rows as measures, in row order; a measure
 *   whose id the CSV places under another goal leaves its old goal. Everything else in the
 *   feed is untouched, and properties the converter does not know survive on the measures,
 *   status entries and indicators they belong to (matched by id).
 * - A column that is absent leaves its field (or language) as the feed has it; a column that is
 *   there but empty removes the value.
 * - The status history comes from the feed: a row whose status equals the current one updates
 *   that entry's date and note; another status is appended as the new current entry.
 */
import { at, isObject } from '../internal/spec.js';
import type { FeedProblem } from '../problems.js';
import type { Feed, Measure } from '../schema.js';
import { validateFeed } from '../validate.js';
import { type Column, readHeader, requiredColumns } from './columns.js';
import { columnLetter, type CsvProblem, type DecodedText, type Delimiter, parseCsv } from './parse.js';
import { isoLike, normalizeDate, parseNumber, splitList, unprotectFormula } from './values.js';

type Json = Record<string, any>;
type Text = string | Record<string, string>;

export interface MeasuresFromCsvOptions {
  /** A feed to merge into (parsed JSON). It must be valid; its problems are returned otherwise. */
  feed?: unknown;
  /** Default: whichever of ";" and "," the header row uses more. */
  delimiter?: Delimiter;
}

/** Without a feed: the measures grouped like the feed's action fields and goals, for pasting. */
export interface MeasuresFragment {
  actionFields: { id: string; goals: { id: string; title?: Text; description?: Text; measures: Measure[] }[] }[];
}

export interface CsvConversionSummary {
  /** Measures and goals the CSV holds. */
  measures: number;
  goals: number;
  /** Measure ids that were not in the feed, moved to another goal, or dropped from a goal the CSV names. */
  added: string[];
  moved: string[];
  removed: string[];
  /** Measures that got a new current status. */
  statusChanged: string[];
  /** Goals created from goal_title_… cells. */
  newGoals: string[];
}

export type MeasuresFromCsvResult =
  | { ok: true; problems: []; delimiter: Delimiter; result: Feed | MeasuresFragment; summary: CsvConversionSummary }
  | { ok: false; problems: CsvProblem[]; delimiter?: Delimiter };

const MEASURE_KEYS = ['id', 'title', 'description', 'status', 'responsible', 'partners', 'themes', 'contributedBy', 'indicators'];
const INDICATOR_KEYS = ['id', 'title', 'unit', 'baseline', 'target', 'current'];

/**
 * `fresh`'s known keys over `previous`: unknown properties of `previous` survive, keys keep the
 * order they had (so a merged feed diffs only where the CSV changed something), and known keys
 * whose fresh value is undefined are dropped.
 */
function assignOrdered(previous: unknown, fresh: Json, known: readonly string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(isObject(previous) ? previous : {})) {
    if (!known.includes(key)) out[key] = value;
    else if (fresh[key] !== undefined) out[key] = fresh[key];
  }
  for (const key of known) if (fresh[key] !== undefined && !(key in out)) out[key] = fresh[key];
  return out;
}

const sameTag = (a: string | undefined, b: string | undefined): boolean => a?.toLowerCase() == b?.toLowerCase();

/** Where a value of the resulting feed came from, for mapping validateFeed's paths back. */
interface Origin {
  path: string;
  row: number;
  column?: Column;
  /** Appended to messages with this problem code ('*' for any). */
  hints?: Record<string, string>;
}

interface Row {
  row: number;
  cells: string[];
  field: string;
  goal: string;
  id: string;
}

interface CsvGoal {
  id: string;
  field: string;
  rows: Row[];
  /** Position in the feed, when the goal exists. */
  at?: [field: number, goal: number];
}

class Conversion {
  readonly problems: CsvProblem[] = [];
  readonly origins: Origin[] = [];
  readonly columns: Column[];
  readonly delimiter: Delimiter;
  readonly defaultLang: string;

  constructor(columns: Column[], delimiter: Delimiter, defaultLang: string) {
    this.columns = columns;
    this.delimiter = delimiter;
    this.defaultLang = defaultLang;
  }

  one(name: string, indicator?: number): Column | undefined {
    return this.columns.find((c) => c.name == name && c.indicator == indicator);
  }

  langs(name: string, indicator?: number): Column[] {
    return this.columns.filter((c) => c.name == name && c.indicator == indicator && c.lang);
  }

  get(row: Row, column: Column | undefined): string {
    return column ? unprotectFormula((row.cells[column.index] ?? '').trim()) : '';
  }

  report(row: number, column: Column | undefined, code: string, message: string): void {
    this.problems.push({ row, column: column?.header, letter: column?.letter, code, message });
  }

  trace(path: string, row: number, column?: Column, hints?: Record<string, string>): void {
    this.origins.push({ path, row, column, hints });
  }

  /**
   * One localized field from its language columns. A language without a column keeps its text
   * from `previous`. A goal's texts come as `values` gathered over its rows instead of the
   * row's cells, and there an empty cell keeps the text too (a goal is named on one row of many).
   */
  text(row: Row, columns: Column[], previous: unknown, path: string, values?: Map<Column, [string, number]>): Text | undefined {
    if (!columns.length) return previous as Text | undefined;
    const map: Record<string, string> =
      typeof previous == 'string' ? { [this.defaultLang]: previous } : isObject(previous) ? { ...previous } : {};
    for (const column of columns) {
      const key = Object.keys(map).find((k) => sameTag(k, column.lang)) ?? column.lang!;
      const [value, atRow] = values ? (values.get(column) ?? ['', row.row]) : [this.get(row, column), row.row];
      if (value) map[key] = value;
      else if (!values) delete map[key];
      if (value || !values) this.trace(at(path, key), atRow, column);
    }
    this.trace(path, row.row, columns.find((c) => sameTag(c.lang, this.defaultLang)) ?? columns[0]);
    const keys = Object.keys(map);
    if (!keys.length) return undefined;
    return keys.length == 1 && sameTag(keys[0], this.defaultLang) && !isObject(previous) ? map[keys[0]] : map;
  }

  /**
   * Partners, one per position across the partners_<lang> cells ("A | B" and "a | b"); an empty
   * position is a partner without that language, so every non-empty cell lists the same count.
   */
  partners(row: Row, previous: unknown, path: string): Text[] | undefined {
    const columns = this.langs('partners');
    if (!columns.length) return previous as Text[] | undefined;
    const lists = columns.map((c) => [c, this.get(row, c) ? splitList(this.get(row, c)) : []] as const);
    const longest = lists.reduce((a, b) => (b[1].length > a[1].length ? b : a));
    const count = longest[1].length;
    for (const [column, list] of lists)
      if (list.length && list.length != count)
        this.report(row.row, column, 'partners-count', `${list.length} partner${list.length > 1 ? 's' : ''} here, but ${count} in ${longest[0].header}: list the same partners in the same order, separated by "|" (leave a place empty, like "A | | C", for a partner without this language).`);
    const main = columns.find((c) => sameTag(c.lang, this.defaultLang)) ?? columns[0];
    this.trace(path, row.row, main);
    const before = Array.isArray(previous) ? previous : [];
    const partners: Text[] = [];
    for (let i = 0; i < count; i++) {
      const texts: Record<string, string> = {};
      for (const [column, list] of lists) if (list[i]) texts[column.lang!] = list[i];
      const keys = Object.keys(texts);
      if (!keys.length) continue;
      const p = at(path, partners.length);
      for (const [column] of lists) this.trace(at(p, column.lang!), row.row, column);
      this.trace(p, row.row, main);
      partners.push(keys.length == 1 && sameTag(keys[0], this.defaultLang) && !isObject(before[i]) ? texts[keys[0]] : texts);
    }
    if (partners.length) return partners;
    return Array.isArray(previous) && !previous.length ? [] : undefined;
  }

  /** A baseline, target or current value from its value and date columns. */
  value(row: Row, name: string, indicator: number, previous: unknown, path: string): Json | undefined {
    const valueColumn = this.one(name, indicator);
    const dateColumn = this.one(`${name}_date`, indicator);
    if (!valueColumn && !dateColumn) return previous as Json | undefined;
    const before = isObject(previous) ? previous : {};
    const raw = this.get(row, valueColumn);
    const rawDate = this.get(row, dateColumn);
    let value: number | undefined = valueColumn ? undefined : before.value;
    if (raw) {
      const parsed = parseNumber(raw, this.delimiter);
      if ('error' in parsed) this.report(row.row, valueColumn, 'number', parsed.error);
      else value = parsed.value;
    }
    const date = dateColumn ? (rawDate ? normalizeDate(rawDate) : undefined) : before.date;
    this.trace(path, row.row, valueColumn ?? dateColumn);
    if (!raw && !rawDate && valueColumn && dateColumn) return undefined;
    this.trace(`${path}.value`, row.row, valueColumn);
    this.trace(`${path}.date`, row.row, dateColumn, dateHint(date, rawDate));
    return assignOrdered(previous, { value, date }, ['value', 'date']);
  }

  indicators(row: Row, previous: unknown, path: string): Json[] | undefined {
    const numbers = [...new Set(this.columns.flatMap((c) => (c.indicator == null ? [] : [c.indicator])))].sort((a, b) => a - b);
    if (!numbers.length) return previous as Json[] | undefined;
    const before: Json[] = Array.isArray(previous) ? previous : [];
    const list: Json[] = [];
    for (const n of numbers) {
      const columns = this.columns.filter((c) => c.indicator == n);
      if (columns.every((c) => !this.get(row, c))) continue;
      const p = `${path}.indicators[${list.length}]`;
      const idColumn = this.one('id', n);
      const id = this.get(row, idColumn) || undefined;
      const old = before.find((i) => isObject(i) && i.id == id);
      this.trace(p, row.row, idColumn ?? columns[0]);
      this.trace(`${p}.id`, row.row, idColumn, { required: `Add the column indicator${n ? n + 1 : ''}_id.` });
      const fresh = {
        id,
        title: this.text(row, this.langs('title', n), old?.title, `${p}.title`),
        unit: this.text(row, this.langs('unit', n), old?.unit, `${p}.unit`),
        baseline: this.value(row, 'baseline', n, old?.baseline, `${p}.baseline`),
        target: this.value(row, 'target', n, old?.target, `${p}.target`),
        current: this.value(row, 'current', n, old?.current, `${p}.current`),
      };
      list.push(assignOrdered(old, fresh, INDICATOR_KEYS));
    }
    return list.length ? list : Array.isArray(previous) && !previous.length ? [] : undefined;
  }

  /** The status history: the feed's, with the row's status as the updated or the new current entry. */
  status(row: Row, previous: unknown, path: string): { history: Json[]; changed: boolean } {
    const history: Json[] = Array.isArray(previous) ? [...previous] : [];
    const last = history.at(-1);
    const status = this.get(row, this.one('status')).toLowerCase().replace(/\s+/g, '-');
    const rawDate = this.get(row, this.one('status_date'));
    const date = normalizeDate(rawDate);
    const changed = !isObject(last) || last.status != status;
    const i = changed ? history.length : history.length - 1;
    const notePath = `${path}.status[${i}].note`;
    let note = this.text(row, this.langs('status_note'), changed ? undefined : last.note, notePath);
    // A note left over from the previous status belongs to that status, not to the new one.
    if (changed && last && note != null && sameText(note, last.note)) note = undefined;
    const entry = assignOrdered(changed ? undefined : last, { status, date, note }, ['status', 'date', 'note']);
    if (changed) history.push(entry);
    else history[i] = entry;

    for (let k = 0; k < i; k++)
      this.trace(`${path}.status[${k}]`, row.row, undefined, { '*': `(Entry ${k + 1} of the status history, which comes from the feed.)` });
    this.trace(`${path}.status`, row.row, this.one('status'));
    this.trace(`${path}.status[${i}]`, row.row, this.one('status'));
    this.trace(`${path}.status[${i}].date`, row.row, this.one('status_date'), {
      ...dateHint(date, rawDate),
      ...(i && { 'date-order': `The feed's history has ${JSON.stringify(history[i - 1].status)} from ${history[i - 1].date}; a new status cannot be dated earlier.` }),
    });
    return { history, changed: changed && history.length > 1 };
  }

  measure(row: Row, previous: Json | undefined, path: string): { measure: Json; statusChanged: boolean } {
    const status = this.status(row, previous?.status, path);
    const themes = this.one('themes');
    const group = this.one('contributed_by');
    const fresh = {
      id: row.id,
      title: this.text(row, this.langs('title'), previous?.title, `${path}.title`),
      description: this.text(row, this.langs('description'), previous?.description, `${path}.description`),
      status: status.history,
      responsible: this.text(row, this.langs('responsible'), previous?.responsible, `${path}.responsible`),
      partners: this.partners(row, previous?.partners, `${path}.partners`),
      themes: themes ? splitList(this.get(row, themes), true) : (previous?.themes ?? []),
      contributedBy: group ? this.get(row, group) || undefined : previous?.contributedBy,
      indicators: this.indicators(row, previous?.indicators, path),
    };
    this.trace(path, row.row, this.one('id'));
    this.trace(`${path}.id`, row.row, this.one('id'));
    this.trace(`${path}.themes`, row.row, themes);
    this.trace(`${path}.contributedBy`, row.row, group);
    return { measure: assignOrdered(previous, fresh, MEASURE_KEYS), statusChanged: status.changed };
  }
}

/** For the feed's date problems: what the cell said, when it was converted (31.02.2026 → 2026-02-31). */
const dateHint = (date: unknown, raw?: string): Record<string, string> | undefined =>
  typeof date == 'string' && !isoLike(date)
    ? { date: 'Spreadsheets may rewrite dates in their own format: format the column as Text and type YYYY, YYYY-MM or YYYY-MM-DD.' }
    : raw && raw != date
      ? { date: `(The cell says ${JSON.stringify(raw)}, read as ${date}.)` }
      : undefined;

/** The same texts, whether written as a plain string or as an object with one language. */
const sameText = (a: unknown, b: unknown): boolean => {
  const texts = (t: unknown) => (typeof t == 'string' ? [t] : Object.values(isObject(t) ? t : {})).sort().join('\0');
  return texts(a) == texts(b);
};

/** The goal's title and description cells over all its rows: the same text may repeat, different ones conflict. */
function goalTexts(c: Conversion, goal: CsvGoal, name: string): Map<Column, [string, number]> {
  const values = new Map<Column, [string, number]>();
  for (const column of c.langs(name))
    for (const row of goal.rows) {
      const value = c.get(row, column);
      const first = values.get(column);
      if (!value) continue;
      if (!first) values.set(column, [value, row.row]);
      else if (first[0] != value)
        c.report(row.row, column, 'goal-conflict', `The goal ${JSON.stringify(goal.id)} already has another text here in row ${first[1]} (${JSON.stringify(first[0].slice(0, 40))}); give it on one row, or the same on every row.`);
    }
  return values;
}

const skeletonLanguages = (c: Conversion): string[] => [
  c.defaultLang,
  ...new Set(c.columns.flatMap((col) => (col.lang && !sameTag(col.lang, c.defaultLang) ? [col.lang] : []))),
];

/**
 * One problem per byte decodeCsv could not read as UTF-8, at the cell where its U+FFFD is: the
 * editor retypes that character instead of the whole file being read as Windows-1252.
 */
function encodingProblems(rows: string[][], invalid: readonly string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  let next = 0;
  rows.forEach((cells, r) =>
    cells.forEach((cell, ci) => {
      for (let at = cell.indexOf('\uFFFD'); at >= 0; at = cell.indexOf('\uFFFD', at + 1)) {
        const around = cell.slice(Math.max(0, at - 20), at + 21).replace(/\s+/g, ' ');
        const column = rows[0]?.[ci]?.trim();
        problems.push({
          row: r + 1,
          ...(r && column ? { column } : {}),
          letter: columnLetter(ci),
          code: 'csv-encoding',
          message: `The byte ${invalid[next++] ?? '?'} is not UTF-8, but the rest of the file is (it shows as � in ${JSON.stringify(around)}). Retype the character there, or save the file as "CSV UTF-8" again.`,
        });
      }
    }),
  );
  return problems;
}

/**
 * Converts a measures CSV; with `options.feed`, merges into a copy of it. Never throws.
 * Given decodeCsv's result rather than text, bytes that were not UTF-8 are problems.
 */
export function measuresFromCsv(csv: string | DecodedText, options: MeasuresFromCsvOptions = {}): MeasuresFromCsvResult {
  const base = options.feed as Json | undefined;
  if (base !== undefined) {
    const checked = validateFeed(base);
    if (!checked.ok) return { ok: false, problems: checked.problems.map(feedProblem) };
  }
  const decoded: { text: string; invalid?: string[] } = typeof csv == 'string' ? { text: csv } : csv;
  const table = parseCsv(decoded.text, options.delimiter);
  const { delimiter } = table;
  const stop = (problems: CsvProblem[]): MeasuresFromCsvResult => ({ ok: false, problems: sortProblems(problems), delimiter });
  if (decoded.invalid?.length) return stop([...table.problems, ...encodingProblems(table.rows, decoded.invalid)]);
  if (table.problems.some((p) => p.code == 'csv-unclosed-quote')) return stop(table.problems);
  const headerCells = table.rows[0] ?? [];
  if (!headerCells.some((cell) => cell.trim()))
    return stop([{ row: 1, code: 'empty', message: 'Row 1 must name the columns (field, goal, id, title_de, status, status_date, …); see docs/measures-csv.md.' }]);

  const header = readHeader(headerCells);
  const problems = [...table.problems, ...header.problems];
  const titles = header.columns.filter((c) => c.name == 'title' && c.indicator == null);
  const defaultLang: string = base?.strategy.defaultLanguage ?? titles[0]?.lang ?? 'de';
  const missing = (name: string, why: string) => problems.push({ row: 1, code: 'missing-column', message: `Missing the column "${name}": ${why}.` });
  for (const name of requiredColumns)
    if (!header.columns.some((c) => c.name == name && c.indicator == null))
      missing(name, name == 'status_date' ? 'every status needs a date' : `every measure needs a${/^[aeiou]/.test(name) ? 'n' : ''} ${name}`);
  if (!titles.some((c) => sameTag(c.lang, defaultLang)))
    missing(`title_${defaultLang}`, `every measure needs a title in the feed's default language "${defaultLang}"`);
  if (problems.some((p) => p.code == 'missing-column')) return stop(problems);

  const c = new Conversion(header.columns, delimiter, defaultLang);
  c.problems.push(...problems);
  const rows = readRows(c, table.rows, header.ignored, headerCells.length);

  // Place every row in a goal; ids must be unique over the CSV.
  const fields: Json[] = base ? structuredClone(base.actionFields) : [];
  const goalsById = new Map<string, [number, number]>();
  const measuresById = new Map<string, { measure: Json; goal: string }>();
  fields.forEach((f, fi) =>
    f.goals.forEach((g: Json, gi: number) => {
      goalsById.set(g.id, [fi, gi]);
      for (const m of g.measures) measuresById.set(m.id, { measure: m, goal: g.id });
    }),
  );
  const goals = new Map<string, CsvGoal>();
  const firstRowOfId = new Map<string, number>();
  const fieldColumn = c.one('field');
  const goalColumn = c.one('goal');
  for (const row of rows) {
    const first = firstRowOfId.get(row.id);
    if (first) {
      c.report(row.row, c.one('id'), 'duplicate-id', `The id ${JSON.stringify(row.id)} is already used in row ${first}; measure ids must be unique in the whole feed.`);
      continue;
    }
    firstRowOfId.set(row.id, row.row);
    const known = goals.get(row.goal);
    if (base) {
      const fi = fields.findIndex((f) => f.id == row.field);
      const place = goalsById.get(row.goal);
      if (fi < 0) {
        c.report(row.row, fieldColumn, 'unknown-field', `Unknown action field ${JSON.stringify(row.field)}; the feed has: ${fields.map((f) => f.id).join(', ')}.`);
        continue;
      }
      if (place && place[0] != fi) {
        c.report(row.row, goalColumn, 'goal-field', `The goal ${JSON.stringify(row.goal)} belongs to the action field ${JSON.stringify(fields[place[0]].id)}, not ${JSON.stringify(row.field)}.`);
        continue;
      }
    }
    if (known && known.field != row.field) {
      c.report(row.row, fieldColumn, 'goal-field', `The goal ${JSON.stringify(row.goal)} is in the action field ${JSON.stringify(known.field)} in row ${known.rows[0].row}; a goal belongs to one action field.`);
      continue;
    }
    if (known) known.rows.push(row);
    else goals.set(row.goal, { id: row.goal, field: row.field, rows: [row], at: goalsById.get(row.goal) });
  }

  // Build: goals the CSV names get its rows as their measures, in row order.
  if (!base)
    for (const goal of goals.values())
      if (!fields.some((f) => f.id == goal.field)) {
        c.trace(`$.actionFields[${fields.length}].id`, goal.rows[0].row, fieldColumn);
        fields.push({ id: goal.field, goals: [] });
      }
  const csvIds = new Set(firstRowOfId.keys());
  const summary: CsvConversionSummary = { measures: 0, goals: goals.size, added: [], moved: [], removed: [], statusChanged: [], newGoals: [] };
  for (const field of fields)
    for (const goal of field.goals as Json[])
      if (!goals.has(goal.id)) goal.measures = goal.measures.filter((m: Json) => !csvIds.has(m.id));
  for (const goal of goals.values()) {
    const fi = fields.findIndex((f) => f.id == goal.field);
    const titles = goalTexts(c, goal, 'goal_title');
    const descriptions = goalTexts(c, goal, 'goal_description');
    const goalsOfField: Json[] = fields[fi].goals;
    if (!goal.at && base && !titles.size) {
      c.report(goal.rows[0].row, goalColumn, 'unknown-goal', `Unknown goal ${JSON.stringify(goal.id)} in the action field ${JSON.stringify(goal.field)} (it has: ${goalsOfField.map((g) => g.id).join(', ') || 'no goals'}); to create it, give its title in ${c.langs('goal_title')[0]?.header ?? `a column goal_title_${defaultLang}`}.`);
      continue;
    }
    const gi = goal.at ? goal.at[1] : goalsOfField.length;
    const old: Json | undefined = goalsOfField[gi];
    const goalPath = `$.actionFields[${fi}].goals[${gi}]`;
    c.trace(goalPath, goal.rows[0].row, goalColumn);
    const first = goal.rows[0];
    const title = c.text(first, c.langs('goal_title'), old?.title, `${goalPath}.title`, titles);
    const description = c.text(first, c.langs('goal_description'), old?.description, `${goalPath}.description`, descriptions);
    const target = assignOrdered(old, { id: goal.id, title, description, measures: old?.measures ?? [] }, ['id', 'title', 'description', 'measures']);
    goalsOfField[gi] = target;
    if (base && !old) summary.newGoals.push(goal.id);
    const before = (target.measures as Json[]).map((m) => m.id);
    target.measures = goal.rows.map((row, k) => {
      const old = measuresById.get(row.id);
      if (base && !old) summary.added.push(row.id);
      else if (old && old.goal != goal.id) summary.moved.push(row.id);
      const built = c.measure(row, old?.measure, `${goalPath}.measures[${k}]`);
      if (built.statusChanged) summary.statusChanged.push(row.id);
      return built.measure;
    });
    summary.measures += goal.rows.length;
    summary.removed.push(...before.filter((id) => !csvIds.has(id)));
  }

  const merged: Json = base
    ? { ...structuredClone(base), actionFields: fields }
    : skeleton(c, fields);
  const validated = validateFeed(merged);
  const seen = new Set(c.problems.map((p) => `${p.row}|${p.letter}`));
  for (const p of validated.problems) {
    const mapped = mapProblem(c, p);
    if (!seen.has(`${mapped.row}|${mapped.letter}`)) c.problems.push(mapped);
  }
  if (c.problems.length) return stop(c.problems);
  const result = base
    ? (merged as Feed)
    : { actionFields: fields.map((f) => ({ id: f.id, goals: f.goals.map((g: Json) => assignOrdered(undefined, g, ['id', 'title', 'description', 'measures'])) })) };
  return { ok: true, problems: [], delimiter, result: result as Feed | MeasuresFragment, summary };
}

/** Non-blank data rows with their key cells; empty key cells are reported. */
function readRows(c: Conversion, table: string[][], ignored: Column[], width: number): Row[] {
  const rows: Row[] = [];
  table.forEach((cells, index) => {
    const row = index + 1;
    if (index == 0 || cells.every((cell) => !cell.trim())) return;
    for (let i = width; i < cells.length; i++)
      if (cells[i].trim())
        c.problems.push({ row, letter: columnLetter(i), code: 'extra-cell', message: `This cell is outside the table: row 1 names only ${width} columns.` });
    for (const column of ignored)
      if (!column.header && cells[column.index]?.trim())
        c.report(row, column, 'unnamed-column', 'This cell is in a column without a name in row 1: name the column, or start its name with "#" for notes the converter should skip.');
    const draft: Row = { row, cells, field: '', goal: '', id: '' };
    const key = (name: 'field' | 'goal' | 'id', what: string) => {
      draft[name] = c.get(draft, c.one(name));
      if (!draft[name]) c.report(row, c.one(name), 'required', `Empty: every measure needs ${what}.`);
    };
    key('field', 'the id of its action field');
    key('goal', 'the id of its goal');
    key('id', 'an id');
    for (const [name, what] of [['status', 'a status'], ['status_date', 'the date of its status']])
      if (!c.get(draft, c.one(name))) c.report(row, c.one(name), 'required', `Empty: every measure needs ${what}.`);
    if (draft.field && draft.goal && draft.id) rows.push(draft);
  });
  return rows;
}

/** Without a feed, the measures still get every check that needs no feed: a minimal feed around them. */
function skeleton(c: Conversion, fields: Json[]): Json {
  const ids = (key: 'themes' | 'contributedBy') => [
    ...new Set(
      fields.flatMap((f) => f.goals.flatMap((g: Json) => g.measures.flatMap((m: Json) => m[key] ?? [])))
        .filter((id: unknown) => typeof id == 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id)),
    ),
  ];
  const named = (id: string) => ({ id, title: '-' });
  return {
    schemaVersion: '1.0',
    strategy: { id: 'csv', title: '-', publisher: '-', languages: skeletonLanguages(c), defaultLanguage: c.defaultLang, updated: '2000-01-01' },
    guidelines: [],
    crossCuttingThemes: ids('themes').map(named),
    groups: ids('contributedBy').map(named),
    actionFields: fields.map((f, i) => ({
      id: f.id,
      number: i + 1,
      title: '-',
      summary: '-',
      goals: f.goals.map((g: Json) => ({ ...g, title: g.title ?? '-' })),
    })),
    priorities: [],
    participation: { figures: [] },
    timeline: [],
    polls: [],
  };
}

const feedProblem = (p: FeedProblem): CsvProblem => ({ code: p.code, message: p.message, path: p.path });

/** A validateFeed problem at the row and column its value came from, where it came from the CSV. */
function mapProblem(c: Conversion, p: FeedProblem): CsvProblem {
  const origin = locate(c, p.path);
  if (!origin) return feedProblem(p);
  // "already used at $.actionFields[0]…" names a row too, when that value came from the CSV.
  let message = p.message.replace(/ at (\$(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])+)/g, (text, path: string) => {
    const other = locate(c, path);
    return other ? ` in row ${other.row}` : text;
  });
  const hint = origin.hints?.[p.code] ?? origin.hints?.['*'];
  if (hint) message += ' ' + hint;
  return { row: origin.row, column: origin.column?.header, letter: origin.column?.letter, code: p.code, message, path: p.path };
}

function locate(c: Conversion, path: string): Origin | undefined {
  let best: Origin | undefined;
  for (const origin of c.origins)
    if (
      (path == origin.path || (path.startsWith(origin.path) && /^[.[]/.test(path.slice(origin.path.length)))) &&
      (!best || origin.path.length > best.path.length)
    )
      best = origin;
  return best;
}

const letterIndex = (letter = ''): number => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** In reading order: by row, then column; problems in the feed itself last. Sort is stable. */
const sortProblems = (problems: CsvProblem[]): CsvProblem[] =>
  [...problems].sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity) || letterIndex(a.letter) - letterIndex(b.letter));

/** "row 7, column D (status): …", "row 7: …", or "$.path: …" for problems in the feed itself. */
export function formatCsvProblem(p: CsvProblem): string {
  if (p.row == null) return `${p.path ?? '$'}: ${p.message}`;
  const column = p.letter ? `, column ${p.letter}${p.column ? ` (${p.column})` : ''}` : '';
  return `row ${p.row}${column}: ${p.message}`;
}
