/**
 * A feed's measures as a spreadsheet, so editors start from the current catalogue. Converting
 * the result back with the same feed gives the same feed, byte for byte once serialized.
 */
import { isObject } from '../internal/spec.js';
import type { Feed } from '../schema.js';
import { indicatorColumns } from './columns.js';
import { type CsvProblem, type Delimiter, formatCsv } from './parse.js';
import { formatNumber, protectFormula } from './values.js';

type Json = Record<string, any>;

export interface MeasuresToCsvResult {
  /** RFC 4180 text with CRLF line ends, without a byte order mark. */
  csv: string;
  /** Values a CSV cannot carry back unchanged (a "|" inside a partner's name). */
  problems: CsvProblem[];
}

/** Writes one row per measure of a valid feed, with every column the converter reads back. */
export function measuresToCsv(feed: Feed, options: { delimiter?: Delimiter } = {}): MeasuresToCsvResult {
  const delimiter = options.delimiter ?? ';';
  const def = feed.strategy.defaultLanguage;
  const rows: { field: Json; goal: Json; measure: Json; first: boolean; path: string }[] = [];
  feed.actionFields.forEach((field, fi) =>
    field.goals.forEach((goal, gi) =>
      goal.measures.forEach((measure, k) =>
        rows.push({ field, goal, measure, first: k == 0, path: `$.actionFields[${fi}].goals[${gi}].measures[${k}]` }),
      ),
    ),
  );

  // Language tags are case-insensitive: {"de": …, "EN": …} has one English column, spelled as
  // strategy.languages spells it, and the import matches keys case-insensitively too.
  const same = (a: string, b: string) => a.toLowerCase() == b.toLowerCase();
  // The feed's languages first, in its order; then any other tag met (like de-x-ls).
  const order = [...feed.strategy.languages];
  const rank = (tag: string) => {
    const i = order.findIndex((t) => same(t, tag));
    return i < 0 ? order.push(tag) - 1 : i;
  };
  const languagesOf = (texts: unknown[]): string[] => {
    const tags = new Map<string, string>();
    for (const tag of [def, ...texts.flatMap((t) => (isObject(t) ? Object.keys(t) : []))])
      if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), order.find((t) => same(t, tag)) ?? tag);
    return [...tags.values()].sort((a, b) => rank(a) - rank(b));
  };
  const keyOf = (t: Record<string, unknown>, tag: string) => Object.keys(t).find((k) => same(k, tag));
  const textCell = (t: unknown, tag: string): string =>
    typeof t == 'string' ? (same(tag, def) ? t : '') : isObject(t) ? String(t[keyOf(t, tag) ?? tag] ?? '') : '';

  type Cell = (r: (typeof rows)[number]) => string;
  const columns: [string, Cell][] = [];
  const texts = (name: string, pick: (r: (typeof rows)[number]) => unknown[], cell: (values: unknown[], tag: string) => string) => {
    for (const tag of languagesOf(rows.flatMap(pick))) columns.push([`${name}_${tag}`, (r) => cell(pick(r), tag)]);
  };
  const one = (r: (typeof rows)[number], value: unknown): unknown[] => (value === undefined ? [] : [value]);
  const firstOfGoal = (key: string) => (r: (typeof rows)[number]) => (r.first ? one(r, r.goal[key]) : []);
  const single = (values: unknown[], tag: string) => (values.length ? textCell(values[0], tag) : '');

  columns.push(['field', (r) => r.field.id], ['goal', (r) => r.goal.id]);
  texts('goal_title', firstOfGoal('title'), single);
  if (rows.some((r) => r.goal.description !== undefined)) texts('goal_description', firstOfGoal('description'), single);
  columns.push(['id', (r) => r.measure.id]);
  texts('title', (r) => one(r, r.measure.title), single);
  texts('description', (r) => one(r, r.measure.description), single);
  const current = (r: (typeof rows)[number]): Json => r.measure.status.at(-1);
  columns.push(['status', (r) => current(r).status], ['status_date', (r) => current(r).date]);
  texts('status_note', (r) => one(r, current(r).note), single);
  texts('responsible', (r) => one(r, r.measure.responsible), single);
  texts('partners', (r) => r.measure.partners ?? [], (values, tag) => {
    const names = values.map((t) => textCell(t, tag));
    return names.some(Boolean) ? names.join(' | ') : '';
  });
  columns.push(['themes', (r) => r.measure.themes.join(' | ')], ['contributed_by', (r) => r.measure.contributedBy ?? '']);

  const indicatorCount = Math.max(1, ...rows.map((r) => r.measure.indicators?.length ?? 0));
  for (let n = 0; n < indicatorCount; n++) {
    const prefix = `indicator${n ? n + 1 : ''}_`;
    const indicator = (r: (typeof rows)[number]): Json | undefined => r.measure.indicators?.[n];
    for (const name of indicatorColumns) {
      if (name == 'title' || name == 'unit') texts(prefix + name, (r) => one(r, indicator(r)?.[name]), single);
      else if (name == 'id') columns.push([prefix + name, (r) => indicator(r)?.id ?? '']);
      else {
        const [key, part] = name.split('_') as [string, string | undefined];
        columns.push([
          prefix + name,
          (r) => {
            const v = indicator(r)?.[key];
            return v === undefined ? '' : part ? v.date : formatNumber(v.value, delimiter);
          },
        ]);
      }
    }
  }

  const problems: CsvProblem[] = [];
  // One text with two keys for one language ("en" and "EN") has room for one cell only.
  const twice = (t: unknown, path: string, row: number) => {
    const keys = isObject(t) ? Object.keys(t).map((k) => k.toLowerCase()) : [];
    const tag = keys.find((k, i) => keys.indexOf(k) < i);
    if (tag)
      problems.push({
        row,
        code: 'duplicate-language',
        message: `This text has two entries for the language "${tag}" that differ only in case; a CSV has one column per language. Keep one of them.`,
        path,
      });
  };
  rows.forEach((r, i) => {
    for (const key of ['title', 'description', 'responsible']) twice(r.measure[key], `${r.path}.${key}`, i + 2);
    twice(r.measure.status.at(-1).note, `${r.path}.status[${r.measure.status.length - 1}].note`, i + 2);
    (r.measure.partners ?? []).forEach((t: unknown, k: number) => twice(t, `${r.path}.partners[${k}]`, i + 2));
    (r.measure.indicators ?? []).forEach((ind: Json, k: number) =>
      ['title', 'unit'].forEach((key) => twice(ind[key], `${r.path}.indicators[${k}].${key}`, i + 2)),
    );
    if (r.first) for (const key of ['title', 'description']) twice(r.goal[key], `${r.path.replace(/\.measures\[\d+\]$/, '')}.${key}`, i + 2);
  });
  rows.forEach((r, i) =>
    (r.measure.partners ?? []).forEach((partner: unknown, k: number) => {
      const names = typeof partner == 'string' ? [partner] : Object.values(isObject(partner) ? partner : {});
      if (names.some((name) => String(name).includes('|')))
        problems.push({
          row: i + 2,
          column: 'partners',
          code: 'partners-separator',
          message: `A partner's name contains "|", which separates partners in the CSV; it would come back as two partners.`,
          path: `${r.path}.partners[${k}]`,
        });
    }),
  );
  // Numbers stay numbers (-5); any other cell that a spreadsheet would evaluate is protected.
  const numeric = /^indicator\d*_(baseline|target|current)$/;
  const table = [
    columns.map(([name]) => name),
    ...rows.map((r) => columns.map(([name, cell]) => (numeric.test(name) ? cell(r) : protectFormula(cell(r))))),
  ];
  return { csv: formatCsv(table, delimiter), problems };
}
