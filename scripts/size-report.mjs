// Size report for the script-tag bundle in dist/embed: what a partner page really downloads.
//
// A widget's size is its FULL download: the entry in widgets/<tag>.js plus every chunk it
// imports statically, found by walking the Vite manifest. Chunks that are only imported
// dynamically (the locale translations) load on demand, so they are left out of the total and
// the largest one is reported on its own line. Each file is gzipped on its own (level 9), as a
// server compresses each response on its own.
//
// Usage: node scripts/size-report.mjs   (after npm run build; exit 1 when over budget)
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Budgets in bytes of gzip, keyed by widget tag or by the name of a classic script (below).
 * A new widget adds a row.
 */
export const budgets = {
  loader: 2048,
  // The iframe embed. frame.js runs only inside frame.html (before the loader) and carries the
  // messages that tell an editor what is wrong with a frame address; the resize script runs on
  // partner pages, so it is held to 1 kB like a loader.
  frame: 2560,
  'frame-resize': 1024,
  'wir-guideline-carousel': 20480,
  'wir-timeline': 20480,
  'wir-action-field-explorer': 25600,
  'wir-voting-box': 20480,
};

/**
 * Widgets that do not meet their budget yet, with the issue that tracks it. Until they do, the
 * build fails above a ceiling — their measured size when the row was added, rounded up — so an
 * open budget can only shrink, never grow; the report names every one of them on each run.
 * Delete a row as soon as its widget is within its budget.
 */
export const openBudgets = {
  // The measured sizes after the widgets' own code was trimmed once more (timeline -0.2 kB,
  // voting box -0.4 kB; the explorer's first-frame cap cost what its trims saved), rounded up to
  // 16 B: content hashes of the lazy chunks, named inside the shared chunk, move its gzip size by
  // a few bytes whenever a translation changes.
  // The timeline's +0.35 kB since: three accessibility fixes (an entry Tab reaches in the wide
  // track is scrolled wholly into view; Home/End in the track; the count speaks only after the
  // reader's own actions).
  'wir-timeline': { ceiling: 23968, issue: 4 },
  // The explorer's +0.14 kB since: three accessibility fixes (a value table scrolls in its own
  // region at 320 px; focus kept after Back/Forward in every view; a group's "measures" button
  // elsewhere brings the reader to it).
  'wir-action-field-explorer': { ceiling: 31184, issue: 3 },
  // The voting box's +0.18 kB: review fixes (orphaned votes sent by another tab, proof kept for retries, closed past closes, refusal/close/send-now focus and announcements, long words, two-tab race).
  'wir-voting-box': { ceiling: 23440, issue: 5 },
};

export const embedDir = join(repoRoot, 'dist/embed');
/** Where scripts/build.mjs moves Vite's manifest, so the deployable folder holds only what browsers fetch. */
export const manifestPath = join(repoRoot, 'dist/embed.manifest.json');

/** Classic scripts measured on their own (one file each, no imports): name → file in dist/embed. */
export const classicScripts = {
  loader: 'wir-widgets.js',
  frame: 'frame.js',
  'frame-resize': 'wir-frame-resize.js',
};

const measureIn = (dir) => (file) => {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
};
const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);

/** Manifest keys reachable from `key` through static imports, `key` first. */
function staticClosure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function readManifest(dir, manifestFile) {
  const fallback = join(dir, '.vite/manifest.json');
  const path = existsSync(manifestFile) ? manifestFile : existsSync(fallback) ? fallback : undefined;
  if (!path) throw new Error(`no Vite manifest at ${relative(repoRoot, manifestFile)}: run npm run build first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Measures the loader and every widget entry.
 * @returns {{ checks: Array<{ name: string, files: object[], raw: number, gzip: number, budget?: number, ok: boolean, reason?: string, onDemand?: object }>, passed: number, failed: number }}
 */
export function measureEmbed({ dir = embedDir, manifestFile = manifestPath } = {}) {
  const measure = measureIn(dir);
  const checks = [];
  for (const [name, file] of Object.entries(classicScripts)) {
    const label = `${name} (${file})`;
    if (existsSync(join(dir, file))) {
      const files = [measure(file)];
      checks.push({ name, label, files, raw: sum(files, 'raw'), gzip: sum(files, 'gzip') });
    } else {
      checks.push({ name, label, files: [], raw: 0, gzip: 0, reason: `${file} was not built` });
    }
  }

  const manifest = readManifest(dir, manifestFile);
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  for (const [key, chunk] of entries) {
    const closure = staticClosure(manifest, key);
    const files = [...closure].map((k) => measure(manifest[k].file));
    // Everything reachable only through import(): measured per dynamic root, without the
    // files the widget already has.
    const dynamicRoots = new Set([...closure].flatMap((k) => manifest[k].dynamicImports ?? []));
    let onDemand;
    for (const root of dynamicRoots) {
      const extra = [...staticClosure(manifest, root)].filter((k) => !closure.has(k)).map((k) => measure(manifest[k].file));
      const candidate = { file: manifest[root].file, raw: sum(extra, 'raw'), gzip: sum(extra, 'gzip'), count: dynamicRoots.size };
      if (!onDemand || candidate.gzip > onDemand.gzip) onDemand = candidate;
    }
    checks.push({ name: chunk.name, label: chunk.name, files, raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), onDemand });
  }
  for (const name of Object.keys(budgets)) {
    if (!checks.some((check) => check.name === name)) {
      checks.push({ name, label: name, files: [], raw: 0, gzip: 0, reason: 'has a budget but was not built' });
    }
  }

  for (const check of checks) {
    check.budget = budgets[check.name];
    if (check.reason) check.ok = false;
    else if (check.budget === undefined) {
      check.ok = false;
      check.reason = 'has no budget: add a row to budgets in scripts/size-report.mjs';
    } else {
      const open = openBudgets[check.name];
      check.withinBudget = check.gzip <= check.budget;
      check.ok = check.withinBudget || (open !== undefined && check.gzip <= open.ceiling);
      if (!check.withinBudget && open) {
        check.open = `over its budget by ${check.gzip - check.budget} B gzip (issue ${open.issue} open); ceiling ${open.ceiling.toLocaleString('en-US')} B`;
      }
      if (!check.ok) check.reason = `over ${open ? 'its ceiling' : 'budget'} by ${check.gzip - (open?.ceiling ?? check.budget)} B gzip`;
    }
  }
  const failed = checks.filter((check) => !check.ok).length;
  return { checks, passed: checks.length - failed, failed };
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`;

/** Prints the table and the `size: N passed, N failed` line; returns the number of failed checks. */
export function printSizeReport(log = console.log, options = {}) {
  const { checks, passed, failed } = measureEmbed(options);
  const rows = [['', 'files', 'raw', 'gzip', 'budget (gzip)', '']];
  for (const check of checks) {
    rows.push([
      check.label,
      String(check.files.length),
      bytes(check.raw),
      bytes(check.gzip),
      check.budget === undefined ? '–' : bytes(check.budget),
      !check.ok ? 'FAILED' : check.withinBudget ? `ok (${Math.round((check.gzip / check.budget) * 100)} %)` : 'OVER (open, under ceiling)',
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const right = new Set([1, 2, 3, 4]);
  log(`Size of the script-tag bundle in ${relative(repoRoot, options.dir ?? embedDir)} (each file gzip level 9):`);
  for (const row of rows) {
    log('  ' + row.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
  }
  for (const check of checks) {
    if (check.files.length > 1) log(`  ${check.label} = ${check.files.map((f) => f.file).join(' + ')}`);
    if (check.onDemand) {
      log(`  ${check.label}: largest of ${check.onDemand.count} on-demand chunks (locales, not in the total): ${check.onDemand.file} ${bytes(check.onDemand.raw)} raw, ${bytes(check.onDemand.gzip)} gzip`);
    }
  }
  for (const check of checks) if (check.ok && check.open) log(`  ! ${check.label}: ${check.open}`);
  for (const check of checks) if (!check.ok) log(`  ✗ ${check.label}: ${check.reason}`);
  log(`size: ${passed} passed, ${failed} failed`);
  return failed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = printSizeReport() > 0 ? 1 : 0;
  } catch (error) {
    console.error(`size report: ${error.message}`);
    console.log('size: 0 passed, 1 failed');
    process.exitCode = 1;
  }
}
