// Vite configuration for the script-tag bundle (dist/embed), built by scripts/build.mjs in
// passes selected by mode:
//   embed-widgets       one ES-module entry per registered widget, shared chunks, Lit bundled in
//   embed-loader        the classic-script loader as one minified IIFE
//   embed-frame         frame.js, the script of the iframe embed's page (frame.html), an IIFE
//   embed-frame-resize  wir-frame-resize.js, the iframe embed's optional host script, an IIFE
// Any other mode (Storybook reads this file too) gets only the shared settings, so tools that
// run Vite in dev mode are not handed build inputs they do not expect.
import { readFileSync } from 'node:fs';
import { defineConfig, parseSync, type Plugin, type UserConfig } from 'vite';
import { widgetModules } from './packages/embed/src/registry.ts';

const embedPackage = JSON.parse(
  readFileSync(new URL('./packages/embed/package.json', import.meta.url), 'utf8'),
) as { version: string };

export const embedOutDir = 'dist/embed';

const shared: UserConfig = {
  define: { __WIR_VERSION__: JSON.stringify(embedPackage.version) },
  // Only the browsers that run the widgets anyway: custom elements, dynamic import, ES2022 classes.
  build: { target: 'es2022' },
  // Lit's documented TypeScript setting (tsconfig: experimentalDecorators with
  // useDefineForClassFields false). Vite takes it from tsconfig.json only for files that
  // tsconfig includes; stated here too so no file ever ships standard decorators (Chromium
  // rejects them) or [[Define]] class fields (they would shadow Lit's reactive accessors).
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
};

type Edit = { start: number; end: number; text: string };

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const vlq = (value: number): string => {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    const digit = rest & 31;
    rest >>>= 5;
    out += BASE64[rest ? digit | 32 : digit];
  } while (rest);
  return out;
};

/**
 * Replaces non-overlapping ranges of `code` and returns the result with a source map, so the
 * bundle's map still points at the right line and column after lines were removed. Unchanged
 * text maps one to one; replaced text maps to the start of what it replaced.
 */
function applyEdits(code: string, edits: Edit[], id: string): { code: string; map: object } {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const origin = (offset: number): [number, number] => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - lineStarts[lo]];
  };
  let out = '';
  const lines: Array<Array<[number, number, number]>> = [[]];
  const mark = (at: [number, number]) => lines[lines.length - 1].push([out.length - out.lastIndexOf('\n') - 1, ...at]);
  const copy = (text: string, from: number | undefined, fixed: [number, number]) => {
    mark(from === undefined ? fixed : origin(from));
    for (let i = 0; i < text.length; i++) {
      out += text[i];
      if (text[i] !== '\n') continue;
      lines.push([]);
      if (i + 1 < text.length) mark(from === undefined ? fixed : origin(from + i + 1));
    }
  };
  let last = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    copy(code.slice(last, edit.start), last, [0, 0]);
    copy(edit.text, undefined, origin(edit.start));
    last = edit.end;
  }
  copy(code.slice(last), last, [0, 0]);
  let previous = [0, 0];
  const mappings = lines
    .map((segments) => {
      let column = 0;
      return segments
        .map(([generated, line, col]) => {
          const segment = vlq(generated - column) + vlq(0) + vlq(line - previous[0]) + vlq(col - previous[1]);
          column = generated;
          previous = [line, col];
          return segment;
        })
        .join(',');
    })
    .join(';');
  return { code: out, map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings } };
}

/**
 * Minifies the static text of Lit's css`` and html`` templates in our own sources; the JS
 * minifier leaves template text alone, and it is a fifth of the carousel's raw size.
 * CSS loses comments and every space the syntax does not need (text in quotes is kept as is),
 * the quotes of attribute-selector values that are plain identifiers, and the zero before a
 * decimal point.
 * HTML text keeps its line breaks: a run of whitespace with a newline becomes that newline (so
 * `white-space: pre-line` renders the same), any other run becomes one space. Inside a tag,
 * where the HTML parser reads any run of whitespace as one separator, a run becomes one space
 * (none before `>`), and quotes go around no attribute value that needs none: a value without
 * whitespace, quotes, `=`, `<`, `>` or backtick, that ends before whitespace or `>` in the same
 * piece of the template (a binding right after it would otherwise join the value).
 * A css`` without expressions becomes unsafeCSS() of the same text (see below).
 */
export function minifyTemplateLiterals(): Plugin {
  const UNSAFE_CSS = '__wirUnsafeCSS';
  const tags = new Set(['css', 'html', 'svg', 'staticHtml']);
  const strings = /('[^']*'|"[^"]*")/;
  const squeezeCss = (text: string) => {
    // Comments go first, leftmost match first, so an apostrophe in a comment opens no string.
    const parts = text
      .split(/(\/\*[\s\S]*?\*\/|'[^']*'|"[^"]*")/)
      .map((part, i) => (i % 2 && part.startsWith('/*') ? ' ' : part))
      .join('')
      .split(strings);
    return parts
      .map((part, i) =>
        i % 2
          ? // [aria-selected='true'] -> [aria-selected=true]: an identifier needs no quotes.
            /[\w-]+[~|^$*]?=$/.test(parts[i - 1]) && parts[i + 1].startsWith(']') && /^.[A-Za-z_][\w-]*.$/.test(part)
            ? part.slice(1, -1)
            : part
          : part
              .replace(/\s+/g, ' ')
              // Spaces around these never matter; a space before ':' may (`.a :hover`), after it never.
              .replace(/ ?([{};,>!]) ?/g, '$1')
              .replace(/: /g, ':')
              .replace(/;}/g, '}')
              .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2'),
      )
      .join('');
  };
  const squeezeText = (text: string) =>
    text.replace(/\s+/g, (run) => (run.includes('\n') ? '\n'.repeat(run.split('\n').length - 1) : ' '));
  /** The quasis of one html`` template, in order: whether a tag is open carries over bindings. */
  const squeezeHtml = (quasis: string[]): string[] => {
    let inTag = false;
    let quote = '';
    return quasis.map((raw) => {
      let out = '';
      let i = 0;
      while (i < raw.length) {
        const ch = raw[i];
        if (quote) {
          const end = raw.indexOf(quote, i);
          if (end < 0) {
            out += raw.slice(i);
            break;
          }
          out += raw.slice(i, end + 1);
          quote = '';
          i = end + 1;
        } else if (!inTag) {
          const open = raw.slice(i).search(/<[a-zA-Z/!]/);
          const text = open < 0 ? raw.slice(i) : raw.slice(i, i + open);
          out += squeezeText(text);
          if (open < 0) break;
          out += '<';
          inTag = true;
          i += open + 1;
        } else if (/\s/.test(ch)) {
          let end = i;
          while (end < raw.length && /\s/.test(raw[end])) end++;
          if (raw[end] !== '>') out += ' ';
          i = end;
        } else if (ch === '>') {
          out += ch;
          inTag = false;
          i++;
        } else if (ch === '"' || ch === "'") {
          const value = new RegExp(`^${ch}([^\\s"'=<>\`]+)${ch}(?=[\\s>])`).exec(raw.slice(i));
          if (value && out.endsWith('=')) {
            out += value[1];
            i += value[0].length;
          } else {
            quote = ch;
            out += ch;
            i++;
          }
        } else {
          out += ch;
          i++;
        }
      }
      return out;
    });
  };
  return {
    name: 'wir-minify-template-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/packages\/[^/]+\/src\/.+\.ts$/.test(id) || !/(css|html|svg|Html)`/.test(code)) return null;
      const edits: Edit[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as Record<string, any>;
        if (n.type === 'TaggedTemplateExpression' && n.tag?.type === 'Identifier' && tags.has(n.tag.name)) {
          const quasis = n.quasi.quasis as Array<{ start: number; value: { raw: string } }>;
          // Positions are checked against the text, so a parser change cannot corrupt code.
          if (quasis.every((q) => code.slice(q.start + 1, q.start + 1 + q.value.raw.length) === q.value.raw)) {
            const raws = quasis.map((q) => q.value.raw);
            const squeezed = n.tag.name === 'css' ? raws.map(squeezeCss) : squeezeHtml(raws);
            // Space at the very start and end of a css`` is never needed, nor a line break (with
            // its indentation) at the start or end of an html``: that is the source's layout. A
            // space on the same line is text, as in html` <strong>…`, put after other text.
            const last = squeezed.length - 1;
            const css = n.tag.name === 'css';
            if (css || /^\s*\n/.test(squeezed[0])) squeezed[0] = squeezed[0].trimStart();
            if (css || /\n\s*$/.test(squeezed[last])) squeezed[last] = squeezed[last].trimEnd();
            quasis.forEach((q, i) => {
              edits.push({ start: q.start + 1, end: q.start + 1 + q.value.raw.length, text: squeezed[i] });
            });
            // A static css`` is unsafeCSS() of its text: the tag's only other work is vetting the
            // values put into it, and there are none. With no css`` left, the tag and its error
            // messages drop out of the shared chunk.
            if (n.tag.name === 'css' && quasis.length === 1 && litCss.has('css')) {
              edits.push({ start: n.tag.start, end: n.tag.end, text: `${UNSAFE_CSS}(` }, { start: n.end, end: n.end, text: ')' });
              unsafe = true;
            }
          }
        }
        for (const key in n) if (key !== 'parent') visit(n[key]);
      };
      const { program } = parseSync(id, code);
      // Local names imported from Lit, so a `css` of another origin is left alone.
      const litCss = new Set<string>();
      for (const node of program.body as any[]) {
        if (node.type === 'ImportDeclaration' && node.source.value === 'lit' && node.importKind !== 'type') {
          for (const spec of node.specifiers) if (spec.imported?.name === 'css' && spec.local.name === 'css') litCss.add('css');
        }
      }
      let unsafe = false;
      visit(program);
      if (unsafe) edits.push({ start: 0, end: 0, text: `import { unsafeCSS as ${UNSAFE_CSS} } from 'lit';` });
      return edits.length ? applyEdits(code, edits, id) : null;
    },
  };
}

/**
 * Removes the `desc` option from `msg('…', { id, desc })` calls in our sources. `desc` is a note
 * for translators that `lit-localize extract` copies into the XLIFF files; at runtime msg()
 * never reads it, yet every description would otherwise ship in the widget bundles.
 */
function stripMessageDescriptions(): Plugin {
  return {
    name: 'wir-strip-msg-desc',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/packages\/[^/]+\/src\/.+\.ts$/.test(id) || !code.includes('desc')) return null;
      const edits: Edit[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as Record<string, any>;
        const options = n.arguments?.[1];
        if (
          n.type === 'CallExpression' &&
          n.callee?.type === 'Identifier' &&
          n.callee.name === 'msg' &&
          options?.type === 'ObjectExpression'
        ) {
          const isDesc = (p: any) => p.type === 'Property' && !p.computed && (p.key.name ?? p.key.value) === 'desc';
          if (options.properties.some(isDesc)) {
            const kept = options.properties.filter((p: any) => !isDesc(p)).map((p: any) => code.slice(p.start, p.end));
            edits.push({ start: options.start, end: options.end, text: `{${kept.join(',')}}` });
          }
        }
        for (const key in n) if (key !== 'parent') visit(n[key]);
      };
      visit(parseSync(id, code).program);
      return edits.length ? applyEdits(code, edits, id) : null;
    },
  };
}

/**
 * Replaces Vite's preload helper with a plain call. Vite wraps every `import()` of a client build
 * in `__vitePreload`, which adds <link rel=modulepreload> tags for the imported chunk's own
 * dependencies and CSS. Our dynamic imports (the locale modules, a widget's lazy parts) have
 * none, `modulePreload` is off, and the page is not ours to add tags to; yet the helper (about
 * 0.6 kB gzip) would ride along in the shared chunk of every widget. What is lost is only Vite's
 * `vite:preloadError` window event: a failed import still rejects, which core handles.
 */
function plainDynamicImports(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'wir-plain-dynamic-imports',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : null),
    // With nothing to preload, the helper needs neither the list of dependencies nor the
    // importer's URL that Vite passes at each import() (Vite fills the list in later, and skips
    // an import whose slot is gone). A form this does not match is left as it was.
    renderChunk(code, chunk) {
      const slot = ', __VITE_PRELOAD__, import.meta.url)';
      const edits: Edit[] = [];
      for (let at = code.indexOf(slot); at >= 0; at = code.indexOf(slot, at + slot.length)) {
        edits.push({ start: at, end: at + slot.length, text: ')' });
      }
      return edits.length ? applyEdits(code, edits, chunk.fileName) : null;
    },
  };
}

/**
 * Keeps the bundle's private copy of Lit to itself. Lit's modules look up hooks that a page may
 * set on globalThis — polyfill support, for browsers without native Shadow DOM, which cannot run
 * the widgets anyway (they need ES2022 and dynamic import), and hydration support for
 * server-rendered elements, which ours never are — and add their version to page-wide lists
 * that Lit's development build reads to warn about a second copy of Lit. On a partner's page
 * those globals belong to the partner's own Lit: read by our copy they could only patch widgets
 * that were not written for them, and our entry in the lists would be reported as a duplicate.
 * Read as undefined, the widgets behave as on any page without such globals (-0.1 kB gzip).
 * Likewise ReactiveElement would define `Symbol.metadata` and `litPropertyMetadata` on the page
 * for standard decorators and read the properties they declared; our elements declare theirs
 * in `static properties` and use no decorators, so both go (-0.05 kB gzip) — together or not at
 * all, since the reading alone would fail without the definitions.
 */
function privateLit(): Plugin {
  const lit = /\/node_modules\/(lit-html\/lit-html|lit-element\/lit-element|@lit\/reactive-element\/reactive-element)\.js$/;
  const globals =
    /\b[\w$]+\.(?:(?:litHtml|litElement|reactiveElement)PolyfillSupport|litElementHydrateSupport)\b|\(\s*[\w$]+\.(?:litHtml|litElement|reactiveElement)Versions\s*\?\?=\s*\[\]\s*\)\.push\([^()]*\)/g;
  return {
    name: 'wir-private-lit',
    transform(code, id) {
      if (!lit.test(id)) return null;
      const edits: Edit[] = [...code.matchAll(globals)].map((m) => {
        let end = m.index + m[0].length;
        // A hook called on the spot goes with its call: oxc's minifier (rolldown 1.2) turns
        // `void 0?.(x)` into the call `0(x)`, which would throw.
        if (code.startsWith('?.(', end)) {
          for (let depth = 0, i = end + 2; i < code.length; i++) {
            if (code[i] === '(') depth++;
            else if (code[i] === ')' && --depth === 0) {
              end = i + 1;
              break;
            }
          }
        }
        return { start: m.index, end, text: 'void 0' };
      });
      const metadata = [
        /Symbol\.metadata\?\?=Symbol\("metadata"\),[\w$]+\.litPropertyMetadata\?\?=new WeakMap;/,
        /const ([\w$]+)=this\[Symbol\.metadata\];if\(null!==\1\)\{const ([\w$]+)=litPropertyMetadata\.get\(\1\);if\(void 0!==\2\)for\(const\[[\w$]+,[\w$]+\]of \2\)this\.elementProperties\.set\([\w$]+,[\w$]+\)\}/,
      ].map((re) => re.exec(code));
      if (id.includes('reactive-element') && metadata.every(Boolean)) {
        for (const m of metadata) edits.push({ start: m!.index, end: m!.index + m![0].length, text: '' });
      } else if (id.includes('reactive-element')) this.warn(`${id}: Lit's decorator metadata not found; update privateLit() in vite.config.ts`);
      // A Lit release that renames them leaves its code as it is; say so rather than guess.
      if (!edits.length) this.warn(`${id}: none of Lit's page-wide hooks found; update privateLit() in vite.config.ts`);
      return edits.length ? applyEdits(code, edits, id) : null;
    },
  };
}

const widgets: UserConfig = {
  ...shared,
  // Tells core it runs in the script-tag bundle, whose copies of Lit and @lit/localize are its
  // own and whose every caller is one of our widgets: msg() is installed without guarding
  // against an app that configured lit-localize first (-0.05 kB gzip), and checks for callers'
  // mistakes stay in the npm build (-0.1 kB gzip).
  define: { ...shared.define, __WIR_SCRIPT_BUNDLE__: 'true' },
  publicDir: false,
  plugins: [minifyTemplateLiterals(), stripMessageDescriptions(), plainDynamicImports(), privateLit()],
  // Relative base: the bundle must work from whatever folder or CDN path a city hosts it at.
  base: './',
  build: {
    target: 'es2022',
    outDir: embedOutDir,
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    // The size report walks the import graph from here.
    manifest: true,
    // The preload helper would add <link rel=modulepreload> tags to the partner's <head> and
    // resolve them against the page; the entries already import their chunks statically.
    modulePreload: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: { ...widgetModules },
      // @lit/localize's main module re-exports its whole runtime (configureLocalization and
      // friends), whose module-level setup counts as a side effect, so the bundler kept it
      // although core installs its own msg(). None of the package's modules does anything at
      // import time that we need: let unused ones drop out (-0.1 kB gzip).
      treeshake: { moduleSideEffects: (id: string) => !/\/node_modules\/@lit\/localize\//.test(id) },
      // Keep the registration modules' exports, so import() of an entry yields the class.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        entryFileNames: 'widgets/[name].js',
        // Locale chunks keep their language in the name; code shared between widgets is named
        // for what it is rather than after whichever module the bundler saw first. Six hash
        // characters (36 bits) still tell any two builds of a chunk apart for caches, and every
        // import of a chunk spells its name, two bytes of it more at the default length.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'chunks/[name]-[hash:6].js' : 'chunks/shared-[hash:6].js'),
        // The base every widget stands on (Lit, @lit/localize, core, feed) goes into ONE shared
        // chunk. Left to itself the bundler makes a chunk per set of widgets that share a module
        // (safe-url without the explorer, say), and each extra file is one more request and one
        // more gzip stream that cannot refer back to the rest (0.19 kB more for the carousel at
        // four widgets). Only modules that two or more widgets load statically qualify, so a
        // directive one widget uses stays in that widget, and the locales stay on demand.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              minShareCount: 2,
              tags: ['$initial'],
              test: /[\\/](packages[\\/](core|feed)[\\/]src|node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|localize)))[\\/]/,
            },
          ],
        },
      },
    },
  },
};

/**
 * A classic script for pages we do not control: one minified IIFE with nothing left to import.
 * The loader and the two halves of the iframe embed (frame.js for frame.html, the host's
 * wir-frame-resize.js) are built this way, one pass each (Vite builds an IIFE from one entry).
 */
const classicScript = (entry: string, fileName: string): UserConfig => ({
  ...shared,
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: embedOutDir,
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: { entry, formats: ['iife'], name: 'WIRWidgetsLoader', fileName: () => fileName },
  },
});

const modes: Record<string, UserConfig> = {
  'embed-widgets': widgets,
  'embed-loader': classicScript('packages/embed/src/wir-widgets.ts', 'wir-widgets.js'),
  'embed-frame': classicScript('packages/embed/src/frame/frame.ts', 'frame.js'),
  'embed-frame-resize': classicScript('packages/embed/src/frame/wir-frame-resize.ts', 'wir-frame-resize.js'),
};

export default defineConfig(({ mode }) => (Object.hasOwn(modes, mode) ? modes[mode] : shared));
