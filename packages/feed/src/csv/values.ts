/**
 * Cell values as spreadsheets write them in different locales: decimal commas, thousands
 * separators, and dates Excel turned into its own format.
 */
import type { Delimiter } from './parse.js';

export type Parsed<T> = { value: T } | { error: string };

/**
 * German and other ";"-locales write decimal commas; ","-files come from locales with decimal
 * points. Tab-separated files do not tell; they are read like ";"-files, as German Excel writes them.
 */
export const decimalMark = (delimiter: Delimiter): ',' | '.' => (delimiter == ',' ? '.' : ',');

/**
 * Text a spreadsheet would run as a formula (CSV injection, OWASP): a cell starting with = + - @,
 * a tab or a carriage return, also after apostrophes (so that the apostrophe added below comes
 * off again exactly).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/** For export: such text gets a leading apostrophe, so a spreadsheet shows it as text. */
export const protectFormula = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

/** For import: takes off exactly the apostrophe protectFormula added (or an editor typed). */
export const unprotectFormula = (cell: string): string => (cell[0] == "'" && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);

const escape = (ch: string): string => (ch == '.' ? '\\.' : ch);

/**
 * Reads a number with the file's decimal mark ("12,5" in a ";"-file). The other mark is read as
 * a decimal mark too where it cannot be a thousands separator ("12.5"), and refused where it
 * could ("1.234": 1234 in German, 1.234 in English). Spaces are thousands separators.
 */
export function parseNumber(raw: string, delimiter: Delimiter): Parsed<number> {
  const mark = decimalMark(delimiter);
  const other = mark == ',' ? '.' : ',';
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  const [m, o] = [escape(mark), escape(other)];
  const exp = '([eE][+-]?\\d+)?';
  let plain: string | undefined;
  // ",5" as well as ".5": the file's own mark may start a number too.
  if (new RegExp(`^[+-]?(\\d+|\\d*${m}\\d+)${exp}$`).test(s)) plain = s.replace(mark, '.');
  else if (new RegExp(`^[+-]?\\d{1,3}(${o}\\d{3})+${m}\\d+$`).test(s)) plain = s.replaceAll(other, '').replace(mark, '.');
  else if (new RegExp(`^[+-]?\\d{1,3}(${o}\\d{3})+$`).test(s))
    return {
      // Two or more separators ("12.345.678") cannot be a fraction; then only one form is meant.
      error: s.split(other).length > 2
        ? `${JSON.stringify(raw)} uses "${other}" as a thousands separator; write ${s.replaceAll(other, '')} without it.`
        : `${JSON.stringify(raw)} is ambiguous in a ${delimiter == '\t' ? 'tab' : `"${delimiter}"`}-separated file, whose decimal mark is "${mark}": write ${s.replaceAll(other, '')} without a thousands separator, or ${s.replace(other, mark)} for a fraction.`,
    };
  else if (new RegExp(`^[+-]?\\d*${o}\\d+${exp}$`).test(s)) plain = s.replace(other, '.');
  const value = plain == null ? NaN : Number(plain);
  return isFinite(value)
    ? { value }
    : { error: `${JSON.stringify(raw)} is not a number (write it like 12${mark}5, without units or thousands separators).` };
}

/** How a number is written back for the file's locale. */
export const formatNumber = (n: number, delimiter: Delimiter): string => String(n).replace('.', decimalMark(delimiter));

/**
 * German spreadsheets turn 2021-11-08 into 08.11.2021 and 2021-07 into 07.2021 when a column is
 * formatted as a date; both convert back without doubt. Anything else is left for the feed's
 * date check to report.
 */
export function normalizeDate(raw: string): string {
  const s = raw.trim();
  const day = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (day) return `${day[3]}-${day[2].padStart(2, '0')}-${day[1].padStart(2, '0')}`;
  const month = /^(\d{1,2})\.(\d{4})$/.exec(s);
  if (month) return `${month[2]}-${month[1].padStart(2, '0')}`;
  return s;
}

/** A date the way the feed writes it, so a problem with any other form can explain where it came from. */
export const isoLike = (s: string): boolean => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);

/**
 * Splits a list cell at "|" (ids also at ","), trimming entries. Texts keep empty entries, which
 * hold a place ("A | | C"); ids drop them.
 */
export const splitList = (cell: string, ids = false): string[] => {
  const entries = cell.split(ids ? /[|,]/ : '|').map((s) => s.trim());
  return ids ? entries.filter(Boolean) : entries;
};
