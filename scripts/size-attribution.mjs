// Which source files the bytes of a built widget come from, read from the build's source maps.
//
// The size report says how large a widget's download is; this says why. For every built file
// of a widget's full download (entry + statically imported chunks, as scripts/size-report.mjs
// counts them) it attributes each generated character to the source file its mapping points
// at, then prints per source file and per package:
//   raw      minified characters that came from the file
//   alone    those characters gzipped on their own (level 9) — an upper bound
//   marginal how much the gzipped download shrinks when the file's characters are cut out —
//            what removing the file would actually save; the column sums to less than the total
//            because repeated text compresses against the rest.
// Characters no mapping covers (bundler glue) are listed as "(unmapped)".
//
// Usage: node scripts/size-attribution.mjs [widget-tag] [--files] [--dir=<folder>]   (after npm run build)
//   --files   one row per source file; without it, one row per package (node_modules by package)
//   --dir     another build folder (default dist/embed); its manifest is <folder>/.vite/manifest.json
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { embedDir as defaultDir, manifestPath } from './size-report.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const gz = (text) => gzipSync(Buffer.from(text), { level: constants.Z_BEST_COMPRESSION }).length;

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((ch, i) => [ch, i]));

/** Decodes one source-map `mappings` string into [line][] of [column, sourceIndex | -1]. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line ? line.split(',') : []) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64[ch];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Source label per generated character range of one built file. */
function attribute(file, group) {
  const code = readFileSync(join(embedDir, file), 'utf8');
  const map = JSON.parse(readFileSync(join(embedDir, file + '.map'), 'utf8'));
  const mapDir = dirname(join(embedDir, file));
  const labels = map.sources.map((s) => group(relative(repoRoot, resolve(mapDir, map.sourceRoot ?? '', s))));
  const pieces = new Map(); // label → array of text pieces
  const add = (label, text) => {
    if (!text) return;
    if (!pieces.has(label)) pieces.set(label, []);
    pieces.get(label).push(text);
  };
  const codeLines = code.split('\n');
  const mapped = decodeMappings(map.mappings);
  // A template literal that spans lines has one mapping at its start: its later lines (CSS,
  // markup) belong to the source of the last mapping before them.
  let current = '(unmapped)';
  codeLines.forEach((text, i) => {
    const segments = mapped[i] ?? [];
    add(current, text.slice(0, segments.length ? segments[0][0] : text.length));
    segments.forEach(([column, source], j) => {
      const end = j + 1 < segments.length ? segments[j + 1][0] : text.length;
      current = source < 0 ? '(unmapped)' : labels[source];
      add(current, text.slice(column, end));
    });
    if (i < codeLines.length - 1) add(current, '\n');
  });
  return { code, pieces };
}

const byPackage = (path) => {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const pkg = /^packages\/([^/]+)\//.exec(path);
  return pkg ? `@wir/${pkg[1]}` : path;
};

const args = process.argv.slice(2);
const perFile = args.includes('--files');
const dirArg = args.find((a) => a.startsWith('--dir='));
const embedDir = dirArg ? resolve(dirArg.slice(6)) : defaultDir;
const ownManifest = join(embedDir, '.vite/manifest.json');
const manifest = JSON.parse(readFileSync(dirArg && existsSync(ownManifest) ? ownManifest : manifestPath, 'utf8'));
const wanted = args.find((a) => !a.startsWith('--'));
const entries = Object.entries(manifest).filter(([, c]) => c.isEntry && (!wanted || c.name === wanted));
if (!entries.length) {
  console.error(wanted ? `no widget entry named ${wanted}` : 'no widget entries in the manifest: run npm run build');
  process.exit(1);
}

const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) closure(k, seen);
  return seen;
};

for (const [key, chunk] of entries) {
  const files = [...closure(key)].map((k) => manifest[k].file);
  const built = files.map((file) => attribute(file, perFile ? (p) => p.replace(/^.*node_modules\//, '') : byPackage));
  const total = built.reduce((n, b) => n + gz(b.code), 0);
  const labels = new Set(built.flatMap((b) => [...b.pieces.keys()]));
  const rows = [...labels].map((label) => {
    const own = built.map((b) => (b.pieces.get(label) ?? []).join('')).join('');
    // Rebuild each file without this label's characters and measure what the download loses.
    const without = built.reduce(
      (n, b) => n + gz([...b.pieces].filter(([l]) => l !== label).map(([, p]) => p.join('')).join('')),
      0,
    );
    return { label, raw: own.length, alone: gz(own), marginal: total - without };
  });
  rows.sort((a, b) => b.marginal - a.marginal);
  const fmt = (n) => n.toLocaleString('en-US').padStart(8);
  const width = Math.max(...rows.map((r) => r.label.length), 10);
  console.log(`${chunk.name}: ${files.join(' + ')}, ${total.toLocaleString('en-US')} B gzip in total`);
  console.log(`  ${'source'.padEnd(width)}       raw     alone  marginal`);
  for (const r of rows) console.log(`  ${r.label.padEnd(width)}  ${fmt(r.raw)}  ${fmt(r.alone)}  ${fmt(r.marginal)}`);
}
