// npm run build: the script-tag bundle in dist/embed, then the size report.
//
//   dist/embed/wir-widgets.js          classic-script loader (IIFE)
//   dist/embed/widgets/<tag>.js        one ES-module entry per registered widget
//   dist/embed/chunks/*-<hash>.js      shared chunks (Lit, core, feed) and on-demand locales
//   dist/embed/feed.schema.json        the feed's JSON Schema, when @wir/feed has written it
//   dist/embed/frame.html, frame.js    the iframe embed's page and its script (classic)
//   dist/embed/wir-frame-resize.js     the iframe embed's optional host script (classic)
//   dist/embed/custom-elements.json    the widgets' public API (custom-elements manifest)
//   dist/configurator/configurator.js  the editors' configurator (demo/configurator), not for the CDN
//
// Fails (exit 1) when a build step fails or a size budget is exceeded.
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { embedDir, manifestPath, printSizeReport } from './size-report.mjs';
import { writeCustomElementsManifest } from './custom-elements-manifest.mjs';
import { buildConfigurator } from './build-configurator.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const schemaSource = join(repoRoot, 'packages/feed/schema/feed.schema.json');
const frameSource = join(repoRoot, 'packages/embed/src/frame/frame.html');

/** Builds dist/embed. Resolves with the number of failed size checks (0 when all fit). */
export async function buildEmbed({ log = console.log } = {}) {
  const started = performance.now();
  const common = { root: repoRoot, configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' };
  // Order matters: the widget pass empties dist/embed, the other passes add to it.
  await build({ ...common, mode: 'embed-widgets' });
  await build({ ...common, mode: 'embed-loader' });
  await build({ ...common, mode: 'embed-frame' });
  await build({ ...common, mode: 'embed-frame-resize' });
  await copyFile(frameSource, join(embedDir, 'frame.html'));
  // Shipped with the bundle (house style); the configurator builds its form from it.
  await writeCustomElementsManifest(join(embedDir, 'custom-elements.json'));
  await buildConfigurator();

  // The manifest is build metadata for the size report, not something to deploy.
  await rm(manifestPath, { force: true });
  await rename(join(embedDir, '.vite/manifest.json'), manifestPath);
  await rm(join(embedDir, '.vite'), { recursive: true, force: true });

  if (existsSync(schemaSource)) {
    await mkdir(embedDir, { recursive: true });
    await copyFile(schemaSource, join(embedDir, 'feed.schema.json'));
  } else {
    log(`note: ${relative(repoRoot, schemaSource)} does not exist yet, so dist/embed has no feed.schema.json`);
  }
  log(`built ${relative(repoRoot, embedDir)} in ${Math.round(performance.now() - started)} ms`);
  return printSizeReport(log);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const failed = await buildEmbed();
    if (failed > 0) {
      console.error('build: over a size budget (see above)');
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`build failed: ${error?.message ?? error}`);
    process.exitCode = 1;
  }
}
