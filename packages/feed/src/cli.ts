/**
 * wir-feed: command-line tools for WIR strategy feeds.
 *
 *   wir-feed validate <file-or-URL> [--json]
 *   wir-feed measures-from-csv <file.csv> [--feed <feed.json>] [--out <file>] [--delimiter ";"|","] [--json]
 *   wir-feed measures-to-csv <feed.json> [--out <file.csv>] [--delimiter ";"|","] [--no-bom]
 *
 * Exit codes: 0 fine, 1 the feed or CSV has problems (including "not JSON"), 2 usage or I/O error.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeCsv, type Delimiter, formatCsvProblem, measuresFromCsv, measuresToCsv } from './csv/index.js';
import { FeedError, loadFeedPart, notJsonMessage } from './load.js';
import type { FeedProblem } from './problems.js';
import { feedSchema } from './schema.js';
import type { Feed } from './schema.js';
import { validateFeed } from './validate.js';

const USAGE = `Usage: wir-feed validate <file-or-URL> [--json]
       wir-feed measures-from-csv <file.csv> [--feed <feed.json>] [--out <file>] [--delimiter ";"|","] [--json]
       wir-feed measures-to-csv <feed.json> [--out <file.csv>] [--delimiter ";"|","] [--no-bom]

validate           Checks a WIR strategy feed against the schema and its rules (ids,
                   references, language tags, dates, links) and prints every problem
                   with its JSON path.
measures-from-csv  Converts a spreadsheet's CSV export (one row per measure; columns in
                   docs/measures-csv.md) into measures. With --feed, merges them into
                   that feed's goals and checks the result. Every problem is named by
                   row and column; nothing is written unless there are none.
measures-to-csv    Writes a feed's measures as CSV, to start a spreadsheet from the
                   current catalogue.

  --feed <file>    the feed to merge into (measures-from-csv)
  --out <file>     write the result there instead of to standard output
  --delimiter ;|,  the CSV's separator (default: read from the header row; ";" when
                   writing, as Excel expects in German)
  --no-bom         write no UTF-8 byte order mark (Excel needs it to read UTF-8)
  --json           print a JSON report instead of text
  --help           show this help

Exit codes: 0 fine, 1 problems found, 2 usage or I/O error.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

type Outcome = { problems: FeedProblem[] } | { error: string };

async function check(target: string): Promise<Outcome> {
  if (/^https?:\/\//i.test(target)) {
    try {
      await loadFeedPart(feedSchema, target, { reload: true });
      return { problems: [] };
    } catch (error) {
      if (error instanceof FeedError && error.problems.length) return { problems: error.problems };
      if (error instanceof FeedError && error.kind == 'not-json')
        return { problems: [{ path: '$', code: 'not-json', message: error.message }] };
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
  const read = await readFeedFile(target);
  return 'data' in read ? { problems: validateFeed(read.data).problems } : read;
}

type FeedFile = { data: unknown } | { problems: FeedProblem[] } | { error: string };

async function readFeedFile(file: string): Promise<FeedFile> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    return { error: ioError('read', file, error) };
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    return { problems: [{ path: '$', code: 'not-json', message: notJsonMessage(file, text, error) }] };
  }
}

const ioError = (what: 'read' | 'write', file: string, error: unknown): string =>
  `Cannot ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? error}.`;

/** Writes next to the target, then renames: a failed or interrupted run never leaves half a file. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${resolve(file)}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, resolve(file));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n == 1 ? '' : 's'}`;

/** A feed that must be valid before a measures command works on it; prints why not. */
async function validFeed(file: string, io: CliIo, json: boolean): Promise<{ feed: Feed } | { code: number }> {
  const read = await readFeedFile(file);
  if ('error' in read) {
    io.err(`wir-feed: ${read.error}`);
    return { code: 2 };
  }
  const problems = 'problems' in read ? read.problems : validateFeed(read.data).problems;
  if (!problems.length) return { feed: (read as { data: Feed }).data };
  if (json) io.out(JSON.stringify({ feed: file, ok: false, problems }, null, 2));
  else {
    for (const p of problems) io.err(`${p.path}: ${p.message}`);
    io.err(`\n${file}: ${plural(problems.length, 'problem')} in the feed itself; fix them first (wir-feed validate ${file}). Nothing written.`);
  }
  return { code: 1 };
}

interface Options {
  json?: boolean;
  feed?: string;
  out?: string;
  delimiter?: Delimiter;
  'no-bom'?: boolean;
}

async function measuresFromCsvFile(file: string, options: Options, io: CliIo): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(file));
  } catch (error) {
    io.err(`wir-feed: ${ioError('read', file, error)}`);
    return 2;
  }
  let feed: Feed | undefined;
  if (options.feed) {
    const valid = await validFeed(options.feed, io, !!options.json);
    if ('code' in valid) return valid.code;
    feed = valid.feed;
  }
  const decoded = decodeCsv(bytes);
  const { encoding } = decoded;
  const result = measuresFromCsv(decoded, { feed, delimiter: options.delimiter });
  const note =
    encoding != 'windows-1252'
      ? undefined
      : `${file} is not UTF-8; it was read as ${encoding}. If umlauts look wrong, save it as "CSV UTF-8" in Excel.`;
  if (!result.ok) {
    if (options.json) io.out(JSON.stringify({ file, ok: false, encoding, problems: result.problems }, null, 2));
    else {
      if (note) io.err(note);
      for (const p of result.problems) io.err(formatCsvProblem(p));
      io.err(`\n${file}: ${plural(result.problems.length, 'problem')} found; nothing written.`);
    }
    return 1;
  }
  const output = JSON.stringify(result.result, null, 2) + '\n';
  if (options.out) {
    try {
      await writeWhole(options.out, output);
    } catch (error) {
      io.err(`wir-feed: ${ioError('write', options.out, error)}`);
      return 2;
    }
  }
  const { summary } = result;
  if (options.json) {
    io.out(JSON.stringify({ file, ok: true, encoding, delimiter: result.delimiter, problems: [], summary, ...(options.out ? { out: options.out } : { result: result.result }) }, null, 2));
    return 0;
  }
  if (!options.out) io.out(output.slice(0, -1));
  if (note) io.err(note);
  const into = feed ? `merged into ${options.feed}` : 'checked without a feed (action fields, goals, themes and groups not looked up)';
  io.err(`${file}: ${plural(summary.measures, 'measure')} in ${plural(summary.goals, 'goal')}, ${into}${options.out ? `; written to ${options.out}` : ''}.`);
  const lists: [string, string[]][] = [
    ['new measures', summary.added],
    ['moved to another goal', summary.moved],
    ['removed (in a goal of the CSV, but not in the CSV)', summary.removed],
    ['new current status', summary.statusChanged],
    ['new goals', summary.newGoals],
  ];
  for (const [what, ids] of lists) if (ids.length) io.err(`  ${what}: ${ids.join(', ')}`);
  return 0;
}

async function measuresToCsvFile(file: string, options: Options, io: CliIo): Promise<number> {
  const valid = await validFeed(file, io, false);
  if ('code' in valid) return valid.code;
  const delimiter = options.delimiter ?? ';';
  const { csv, problems } = measuresToCsv(valid.feed, { delimiter });
  if (problems.length) {
    for (const p of problems) io.err(`${p.path}: ${p.message}`);
    io.err(`\n${file}: ${plural(problems.length, 'problem')}; nothing written.`);
    return 1;
  }
  const text = (options['no-bom'] ? '' : '\uFEFF') + csv;
  if (!options.out) {
    // io.out ends the line with "\n", which completes the last "\r\n".
    io.out(text.slice(0, -1));
    return 0;
  }
  try {
    await writeWhole(options.out, text);
  } catch (error) {
    io.err(`wir-feed: ${ioError('write', options.out, error)}`);
    return 2;
  }
  const rows = csv.split('\r\n').length - 2;
  io.err(`${file}: ${plural(rows, 'measure')} written to ${options.out} ("${delimiter}"-separated${options['no-bom'] ? '' : ', UTF-8 with byte order mark'}).`);
  return 0;
}

const commands = {
  validate: ['json'],
  'measures-from-csv': ['json', 'feed', 'out', 'delimiter'],
  'measures-to-csv': ['out', 'delimiter', 'no-bom'],
} as const;

/** Runs the CLI and returns the exit code (no process.exit, so tests can call it in-process). */
export async function main(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const usage = (why?: string): number => {
    if (why) io.err(`${why}\n`);
    io.err(USAGE);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        feed: { type: 'string' },
        out: { type: 'string' },
        delimiter: { type: 'string' },
        'no-bom': { type: 'boolean' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, target, ...extra] = positionals;
  if (!command) return usage();
  if (!Object.hasOwn(commands, command)) return usage(`Unknown command "${command}".`);
  const allowed: readonly string[] = commands[command as keyof typeof commands];
  const wrong = Object.keys(values).find((key) => key != 'help' && !allowed.includes(key));
  if (wrong) return usage(`${command} has no option --${wrong}.`);
  if (!target || extra.length || target.startsWith('-')) return usage();
  if (values.delimiter != null && values.delimiter != ';' && values.delimiter != ',')
    return usage(`--delimiter must be ";" or "," (quote it in the shell: --delimiter ";").`);
  const options = values as Options;
  if (command == 'measures-from-csv') return measuresFromCsvFile(target, options, io);
  if (command == 'measures-to-csv') return measuresToCsvFile(target, options, io);
  const json = !!values.json;
  const outcome = await check(target);
  if ('error' in outcome) {
    if (json) io.out(JSON.stringify({ target, ok: false, error: outcome.error }, null, 2));
    else io.err(`wir-feed: ${outcome.error}`);
    return 2;
  }
  const { problems } = outcome;
  if (json) {
    io.out(JSON.stringify({ target, ok: !problems.length, problems }, null, 2));
  } else {
    for (const p of problems) io.out(`${p.path}: ${p.message}`);
    io.out(
      problems.length
        ? `\n${target}: ${problems.length} problem${problems.length > 1 ? 's' : ''} found.`
        : `${target}: valid WIR feed, no problems found.`,
    );
  }
  return problems.length ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href == import.meta.url) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

export const cliPath = fileURLToPath(import.meta.url);
