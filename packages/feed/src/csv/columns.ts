/**
 * The measures spreadsheet's columns: which header names exist, what they hold, and reading a
 * header row into them. docs/measures-csv.md documents the same list for editors.
 */
import { columnLetter, type CsvProblem } from './parse.js';

/** Columns with one value per measure. */
export const plainColumns = ['field', 'goal', 'id', 'status', 'status_date', 'themes', 'contributed_by'] as const;
/** Columns with one value per language: `<name>_<language tag>`, e.g. `title_de`. */
export const textColumns = [
  'goal_title',
  'goal_description',
  'title',
  'description',
  'status_note',
  'responsible',
  'partners',
] as const;
/** Columns of one indicator, after the prefix `indicator_` (first), `indicator2_` (second), … */
export const indicatorColumns = [
  'id',
  'title',
  'unit',
  'baseline',
  'baseline_date',
  'target',
  'target_date',
  'current',
  'current_date',
] as const;
const indicatorTextColumns = ['title', 'unit'];

/** Columns a file must have; the title is required in the default language. */
export const requiredColumns = ['field', 'goal', 'id', 'status', 'status_date'] as const;

export interface Column {
  /** 0-based position in the row. */
  index: number;
  /** The header as written in the file. */
  header: string;
  letter: string;
  /** "status", "title", or for indicators the part after the prefix ("baseline_date"). */
  name: string;
  /** Canonical language tag of a text column. */
  lang?: string;
  /** 0-based indicator number of an indicator column. */
  indicator?: number;
}

export interface Header {
  columns: Column[];
  /** Columns the converter skips: headers starting with "#", and unnamed columns. */
  ignored: Column[];
  problems: CsvProblem[];
}

/** A tag validateFeed accepts too: Intl parses it, and it starts with a 2–3 letter language. */
export function canonicalTag(tag: string): string | undefined {
  if (!/^[a-z]{2,3}(-|$)/i.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

const KNOWN =
  'field, goal, goal_title_<lang>, goal_description_<lang>, id, title_<lang>, description_<lang>, status, status_date, ' +
  'status_note_<lang>, responsible_<lang>, partners_<lang>, themes, contributed_by, and indicator_id, ' +
  'indicator_title_<lang>, indicator_unit_<lang>, indicator_baseline, indicator_baseline_date, indicator_target, ' +
  'indicator_target_date, indicator_current, indicator_current_date (indicator2_… for a second indicator)';

const textRe = new RegExp(`^(${textColumns.join('|')})(?:_(.*))?$`);
const indicatorRe = new RegExp(`^indicator(\\d*)_(${[...indicatorColumns].sort((a, b) => b.length - a.length).join('|')})(?:_(.*))?$`);

/** Reads the header row: every name checked, duplicates and unknown names reported at row 1. */
export function readHeader(cells: readonly string[]): Header {
  const columns: Column[] = [];
  const ignored: Column[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, Column>();
  cells.forEach((raw, index) => {
    const header = raw.trim();
    const column: Column = { index, header, letter: columnLetter(index), name: '' };
    const fail = (code: string, message: string) =>
      problems.push({ row: 1, column: header, letter: column.letter, code, message });
    if (!header || header.startsWith('#')) return ignored.push(column);

    const name = header.toLowerCase().replace(/\s+/g, '_');
    let lang: string | undefined;
    let localized = false;
    const indicator = indicatorRe.exec(name);
    const text = textRe.exec(name);
    if (indicator && indicator[1] != '0') {
      column.indicator = indicator[1] ? Number(indicator[1]) - 1 : 0;
      column.name = indicator[2];
      localized = indicatorTextColumns.includes(column.name);
      lang = indicator[3];
      if (lang != null && !localized) column.name = '';
    } else if (text) {
      column.name = text[1];
      localized = true;
      lang = text[2];
    } else if ((plainColumns as readonly string[]).includes(name)) column.name = name;
    if (!column.name) return fail('unknown-column', `Unknown column ${JSON.stringify(header)}. Known columns: ${KNOWN}. Start a column's name with "#" for notes the converter should skip.`);

    if (localized) {
      if (!lang) return fail('language-tag', `The column ${JSON.stringify(header)} needs a language tag, like "${name}_de".`);
      const tag = canonicalTag(lang);
      if (!tag)
        return fail('language-tag', `${JSON.stringify(lang)} in ${JSON.stringify(header)} is not a valid BCP 47 language tag (like "de", "en-GB" or "de-x-ls").`);
      column.lang = tag;
    }
    const key = `${column.indicator ?? ''}|${column.name}|${column.lang?.toLowerCase() ?? ''}`;
    const first = seen.get(key);
    if (first)
      return fail('duplicate-column', `The column ${JSON.stringify(header)} appears twice: column ${first.letter} (${first.header}) holds the same.`);
    seen.set(key, column);
    columns.push(column);
  });
  return { columns, ignored, problems };
}
