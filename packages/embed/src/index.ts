/**
 * The ES-module entry for npm users: `import '@wir/embed'` registers every widget (this
 * package declares sideEffects) and re-exports the widget classes and their types.
 *
 * To register a single widget, import its registration module instead, e.g.
 * `import '@wir/guideline-carousel/wir-guideline-carousel.js'`.
 */
import '@wir/guideline-carousel/wir-guideline-carousel.js';
import '@wir/timeline/wir-timeline.js';
import '@wir/action-field-explorer/wir-action-field-explorer.js';
import '@wir/voting-box/wir-voting-box.js';

export * from '@wir/guideline-carousel';
export * from '@wir/timeline';
export * from '@wir/action-field-explorer';
export * from '@wir/voting-box';
export { widgetModules, widgetTags } from './registry.js';
export type { WidgetTag } from './registry.js';
export type { WIRWidgetsGlobal } from './wir-widgets.js';
