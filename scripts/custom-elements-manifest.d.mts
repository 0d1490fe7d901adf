// Types for scripts/custom-elements-manifest.mjs, so Storybook's TypeScript config can import it.
export declare function publicApiOnly<T extends object>(manifest: T): T;
export declare function analyzeCustomElements(options?: { root?: string }): Promise<object>;
export declare function writeCustomElementsManifest(file: string, options?: { root?: string }): Promise<object>;
