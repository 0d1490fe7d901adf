// Input for the custom-elements manifest that Storybook builds its controls and docs tables from.
// main.ts runs the analyzer in memory with this file; nothing is written to disk, and
// `packagejson: false` keeps the analyzer from adding a `customElements` key to package.json.
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: [
    'packages/*/src/generated/**',
    'packages/*/src/internal/**',
    'packages/feed/**',
    'packages/embed/**',
    'packages/vote-server/**',
  ],
  litelement: true,
  packagejson: false,
  quiet: true,
};
