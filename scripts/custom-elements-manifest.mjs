// The custom-elements manifest of the widgets, reduced to their public API. One source for two
// readers: Storybook's controls and docs tables (stories/.storybook/main.ts, in memory) and
// dist/embed/custom-elements.json (npm run build), which ships with the bundle and from which
// the editors' configurator (demo/configurator) builds its form. Both must show the same
// attributes, so neither keeps a hand-written list.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const configFile = fileURLToPath(new URL('./custom-elements-manifest.config.mjs', import.meta.url));

/**
 * The analyzer lists private and protected class members too (and an unnamed event for each
 * `dispatchEvent(new SomeEvent())`); Storybook would turn every one into a control, and a page
 * author can use none of them. Keeps what a page author can use. Changes `manifest` in place.
 */
export function publicApiOnly(manifest) {
  for (const declaration of (manifest.modules ?? []).flatMap((m) => m.declarations ?? [])) {
    declaration.members = declaration.members?.filter(
      (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected',
    );
    declaration.events = declaration.events?.filter((event) => event.name);
  }
  return manifest;
}

/** Analyses packages/* from their sources (never stale) and resolves with the public-API manifest. */
export async function analyzeCustomElements({ root = repoRoot } = {}) {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  const manifest = await cli({ argv: ['analyze', '--config', configFile], cwd: root, noWrite: true });
  return publicApiOnly(manifest);
}

/** Writes the public-API manifest to `file` as JSON; resolves with the manifest. */
export async function writeCustomElementsManifest(file, options) {
  const manifest = await analyzeCustomElements(options);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
