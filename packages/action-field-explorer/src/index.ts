export { WirActionFieldExplorer } from './action-field-explorer.js';
export { WirFieldSelectEvent } from './events.js';
export type { FieldSelectDetail } from './events.js';
export type { UrlState } from './url-state-controller.js';
