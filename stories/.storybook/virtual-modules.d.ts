declare module 'virtual:wir/custom-elements-manifest' {
  const manifest: object;
  export default manifest;
}

declare module '@custom-elements-manifest/analyzer/cli.js' {
  /** The analyzer's CLI as a function; with `noWrite` it only returns the manifest. */
  export function cli(options?: { argv?: string[]; cwd?: string; noWrite?: boolean }): Promise<object>;
}
