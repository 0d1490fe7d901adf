/**
 * wir-feed: command-line checks for WIR strategy feeds.
 *
 *   wir-feed validate <file-or-URL> [--json]
 *
 * Exit codes: 0 valid, 1 the feed has problems (including "not JSON"), 2 usage or I/O error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FeedError, loadFeedPart } from './load.js';
import type { FeedProblem } from './problems.js';
import { feedSchema } from './schema.js';
import { validateFeed } from './validate.js';

const USAGE = `Usage: wir-feed validate <file-or-URL> [--json]

Checks a WIR strategy feed against the schema and its rules (ids, references,
language tags, dates, links) and prints every problem with its JSON path.

  --json   print a JSON report instead of text
  --help   show this help

Exit codes: 0 valid, 1 problems found, 2 usage or I/O error.`;

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
  let text: string;
  try {
    text = await readFile(resolve(target), 'utf8');
  } catch (error) {
    return { error: `Cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? error}.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problems: [{ path: '$', code: 'not-json', message: `Not valid JSON: ${(error as Error).message}.` }] };
  }
  return { problems: validateFeed(data).problems };
}

/** Runs the CLI and returns the exit code (no process.exit, so tests can call it in-process). */
export async function main(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a != '--json');
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const [command, target, ...extra] = rest;
  if (command != 'validate' || !target || extra.length || target.startsWith('-')) {
    if (command && command != 'validate') io.err(`Unknown command "${command}".\n`);
    io.err(USAGE);
    return 2;
  }
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
