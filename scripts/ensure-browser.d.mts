// Types for scripts/ensure-browser.mjs, so the TypeScript tests can import it under strict settings.
export declare const DEFAULT_CHROME: string;
/** The browser's path; installs Debian's chromium when it is missing and we may, else throws saying how. */
export declare function ensureBrowser(): string;
