/**
 * CSV as spreadsheets really write it: RFC 4180 quoting, "," or ";" (Excel in German locales),
 * CRLF, LF or lone CR line ends, a UTF-8 byte order mark, and files that are not UTF-8 at all.
 * Pure functions: bytes or text in, rows out.
 */

/** "\t" for Excel's "Unicode text" (tab-separated UTF-16), which is read like a ";"-file. */
export type Delimiter = ',' | ';' | '\t';

/** One thing wrong with the CSV, located as a spreadsheet shows it (row 1 is the header). */
export interface CsvProblem {
  /** Spreadsheet row, 1-based, header included; a cell with line breaks is one row. Absent for problems in the feed. */
  row?: number;
  /** Header name of the column, e.g. "status". */
  column?: string;
  /** Spreadsheet column letter, e.g. "D". */
  letter?: string;
  code: string;
  /** A plain English sentence. */
  message: string;
  /** JSON path in the resulting feed, when the problem was found there. */
  path?: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  /** Every record, blank ones included, so rows[i] is spreadsheet row i + 1. */
  rows: string[][];
  problems: CsvProblem[];
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /**
   * Only for a UTF-8 file with bytes that are not UTF-8: each such byte sequence in file order
   * ("0x96"), one per U+FFFD it became in `text`. measuresFromCsv reports them by row and column.
   */
  invalid?: string[];
}

/** A, B, …, Z, AA, AB, … as spreadsheets label columns (index 0 is A). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Excel's plain "CSV" format saves in the Windows code page, only "CSV UTF-8" in UTF-8 (with a
 * byte order mark), and "Unicode text" in UTF-16. A file is read as Windows-1252 only when it
 * has bytes that are not UTF-8 and no multi-byte UTF-8 sequence at all (such as the byte order
 * mark or a UTF-8 "ü"): then umlauts survive instead of turning into U+FFFD. A file with both is
 * UTF-8 with a few broken bytes, and reading all of it as Windows-1252 would garble every other
 * umlaut and quote in it; its broken bytes are listed in `invalid` instead.
 */
export function decodeCsv(bytes: Uint8Array): DecodedText {
  if (bytes[0] == 0xff && bytes[1] == 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] == 0xfe && bytes[1] == 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const { invalid, multiByte } = scanUtf8(bytes);
  if (!invalid.length) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (multiByte) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', invalid };
  // By hand: Node's TextDecoder('windows-1252') decodes as Latin-1, losing „“ – € and the like.
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b);
  return { text, encoding: 'windows-1252' };
}

/**
 * The byte sequences a UTF-8 decoder replaces with U+FFFD, one entry per replacement (the
 * WHATWG Encoding Standard's "maximal subpart" rule, as TextDecoder applies it), and whether
 * there is any well-formed multi-byte sequence.
 */
function scanUtf8(bytes: Uint8Array): { invalid: string[]; multiByte: boolean } {
  const invalid: string[] = [];
  let multiByte = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let lower = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
    let upper = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
    let j = i + 1;
    for (let k = 0; k < need && bytes[j] >= lower && bytes[j] <= upper; k++, j++) (lower = 0x80), (upper = 0xbf);
    if (need && j - i == need + 1) multiByte = true;
    else invalid.push([...bytes.subarray(i, j)].map((x) => `0x${x.toString(16).toUpperCase()}`).join(' '));
    i = j;
  }
  return { invalid, multiByte };
}

/** Windows-1252 bytes 0x80–0x9F; the five it leaves undefined stay control characters. */
const CP1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** The delimiter of the header line: whichever of ";", "," and tab occurs most often outside quotes. */
function sniff(text: string): Delimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch == '"') quoted = !quoted;
    else if (!quoted && (ch == '\n' || ch == '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  return counts['\t'] > counts[';'] && counts['\t'] > counts[','] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
}

/**
 * Splits CSV text into rows of cells. Quoted cells may hold delimiters, line breaks (kept as
 * "\n") and doubled quotes. A quote inside an unquoted cell is kept as it is, as spreadsheets
 * read it; text after a closing quote and a quote never closed are reported.
 */
export function parseCsv(input: string, delimiter?: Delimiter): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const sep = delimiter ?? sniff(text);
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  const where = () => ({ row: rows.length + 1, letter: columnLetter(row.length) });

  while (i < text.length) {
    const ch = text[i];
    if (ch == '"' && cell == '') {
      const start = where();
      let closed = false;
      for (i++; i < text.length; i++) {
        if (text[i] != '"') cell += text[i];
        else if (text[i + 1] == '"') (cell += '"'), i++;
        else {
          closed = true;
          i++;
          break;
        }
      }
      cell = cell.replace(/\r\n?/g, '\n');
      if (!closed) {
        problems.push({
          ...start,
          code: 'csv-unclosed-quote',
          message: 'A quoted cell is never closed: its closing " is missing, so the rest of the file was read as part of this cell.',
        });
        break;
      }
      let after = '';
      while (i < text.length && text[i] != sep && text[i] != '\n' && text[i] != '\r') after += text[i++];
      if (after.trim()) {
        problems.push({
          ...where(),
          code: 'csv-quote',
          message: `Unexpected text ${JSON.stringify(after)} after the closing quote of a quoted cell; inside a quoted cell, write a quote as two quotes ("").`,
        });
        cell += after;
      }
      continue;
    }
    if (ch == sep) endCell();
    else if (ch == '\n' || ch == '\r') {
      endRow();
      if (ch == '\r' && text[i + 1] == '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell != '' || row.length || (text.length && !/[\r\n]$/.test(text))) endRow();
  return { delimiter: sep, rows, problems };
}

const needsQuotes = (cell: string, sep: Delimiter): boolean =>
  cell.includes(sep) || /["\r\n]/.test(cell) || cell != cell.trim();

/** Writes rows as RFC 4180 CSV with CRLF line ends, quoting only the cells that need it. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ';'): string {
  return rows
    .map((row) =>
      row.map((cell) => (needsQuotes(cell, delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter),
    )
    .join('\r\n')
    .concat('\r\n');
}
