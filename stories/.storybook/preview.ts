import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from 'virtual:wir/custom-elements-manifest';
import { defaultLocaleGlobals, storyLanguages, withLocaleArgs } from '../support/locale.js';

setCustomElementsManifest(manifest);

/**
 * Puts the toolbar's language and direction on the widget itself (its `lang` and `dir`
 * attributes), unless the story pins its own. stories.test.ts applies the same function.
 */
const withLocale: Decorator = (story, context) =>
  story({ args: withLocaleArgs(context.args, context.globals) });

const preview: Preview = {
  decorators: [withLocale],
  globalTypes: {
    locale: {
      description: 'Reader language (the widget’s lang attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: storyLanguages.map(({ value, title }) => ({ value, title, right: value })),
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Writing direction (auto follows the language)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Direction: auto (from language)' },
          { value: 'ltr', title: 'Force left-to-right' },
          { value: 'rtl', title: 'Force right-to-left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ...defaultLocaleGlobals },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // axe runs after every story (once its play function has waited for the feed); a violation
    // fails the story in test runs instead of being a note in the panel.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
