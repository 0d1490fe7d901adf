// Builds the editors' configurator (demo/configurator/src, TypeScript) into dist/configurator/,
// which the demo server serves at /dist/configurator/ for demo/configurator/index.html.
// One ES module, minified: it is a tool page for city editors, not part of what partners embed,
// so it has no size budget and stays out of dist/embed (the folder a city copies to its CDN).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const configuratorOutDir = join(repoRoot, 'dist/configurator');

export async function buildConfigurator({ root = repoRoot } = {}) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: join(root, 'dist/configurator'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: join(root, 'demo/configurator/src/main.ts'),
        formats: ['es'],
        fileName: () => 'configurator.js',
      },
    },
  });
}
