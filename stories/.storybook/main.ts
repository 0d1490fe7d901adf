import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { analyzeCustomElements } from '../../scripts/custom-elements-manifest.mjs';

const MANIFEST_MODULE = 'virtual:wir/custom-elements-manifest';

/**
 * Serves the custom-elements manifest of packages/* as a module, analysed from the sources on
 * each (re)load by the same code that writes dist/embed/custom-elements.json, so Storybook's
 * controls and the configurator's form list the same attributes. Generated in memory so it
 * never goes stale in git.
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
      return `export default ${JSON.stringify(await analyzeCustomElements())};`;
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
