// Input for the custom-elements manifest (see custom-elements-manifest.mjs beside this file).
// The analyzer runs in memory with it; `packagejson: false` keeps it from adding a
// `customElements` key to package.json.
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
