declare module 'virtual:wir/custom-elements-manifest' {
  const manifest: object;
  export default manifest;
}
