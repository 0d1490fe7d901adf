/**
 * The one list of widgets the script-tag loader knows: tag name → registration module.
 *
 * Adding a widget is one line here. The build (vite.config.ts) turns every entry into
 * `dist/embed/widgets/<tag>.js`, the loader looks for exactly these tags on the page,
 * the npm entry (index.ts) registers the same set, and the size report expects a budget
 * row per tag.
 */
export const widgetModules = {
  'wir-guideline-carousel': '@wir/guideline-carousel/wir-guideline-carousel.js',
  'wir-timeline': '@wir/timeline/wir-timeline.js',
  'wir-action-field-explorer': '@wir/action-field-explorer/wir-action-field-explorer.js',
  'wir-voting-box': '@wir/voting-box/wir-voting-box.js',
} as const;

export type WidgetTag = keyof typeof widgetModules;

export const widgetTags = Object.keys(widgetModules) as WidgetTag[];
