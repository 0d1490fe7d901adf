/**
 * The measures spreadsheet: CSV ↔ the feed's measures, for the wir-feed CLI and editors' tools.
 * Exported as `@wir/feed/csv`, not from the package's main entry, so widget bundles never
 * carry it.
 */
export { columnLetter, decodeCsv, formatCsv, parseCsv } from './parse.js';
export type { CsvProblem, CsvTable, DecodedText, Delimiter } from './parse.js';
export { indicatorColumns, plainColumns, readHeader, requiredColumns, textColumns } from './columns.js';
export type { Column, Header } from './columns.js';
export { formatCsvProblem, measuresFromCsv } from './from-csv.js';
export type { CsvConversionSummary, MeasuresFragment, MeasuresFromCsvOptions, MeasuresFromCsvResult } from './from-csv.js';
export { measuresToCsv, type MeasuresToCsvResult } from './to-csv.js';
export { normalizeDate, parseNumber } from './values.js';
