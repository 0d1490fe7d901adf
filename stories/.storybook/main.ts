import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifestConfig = fileURLToPath(new URL('./custom-elements-manifest.config.mjs', import.meta.url));
const MANIFEST_MODULE = 'virtual:wir/custom-elements-manifest';

interface ManifestDeclaration {
  members?: Array<{ name?: string; privacy?: string; static?: boolean }>;
  events?: Array<{ name?: string }>;
}

/**
 * The analyzer lists private and protected class members too (and an unnamed event for each
 * `dispatchEvent(new SomeEvent())`); Storybook would turn every one into a control. Keep what a
 * page author can use.
 */
function publicApiOnly(manifest: object): object {
  const modules = (manifest as { modules?: Array<{ declarations?: ManifestDeclaration[] }> }).modules ?? [];
  for (const declaration of modules.flatMap((m) => m.declarations ?? [])) {
    declaration.members = declaration.members?.filter(
      (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected',
    );
    declaration.events = declaration.events?.filter((event) => event.name);
  }
  return manifest;
}

/**
 * Serves the custom-elements manifest of packages/* as a module, analysed from the sources on
 * each (re)load. Generated in memory so it never goes stale in git and the analyzer never edits
 * package.json (its default).
 */
function customElementsManifest(): Plugin {
  const resolvedId = `\0${MANIFEST_MODULE}`;
  return {
    name: 'wir:custom-elements-manifest',
    resolveId(id) {
      return id === MANIFEST_MODULE ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
      const manifest = await cli({ argv: ['analyze', '--config', manifestConfig], cwd: repoRoot, noWrite: true });
      return `export default ${JSON.stringify(publicApiOnly(manifest))};`;
    },
  };
}

const config: StorybookConfig = {
  stories: ['../**/*.mdx', '../**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Stories fetch the real sample feed at /feeds/hannover.json and state fixtures at /fixtures/.
  staticDirs: [
    { from: '../../demo/feeds', to: '/feeds' },
    { from: '../fixtures', to: '/fixtures' },
  ],
  // The widgets promise no requests to third parties; Storybook itself should not phone home either.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), customElementsManifest()];
    return viteConfig;
  },
};

export default config;
