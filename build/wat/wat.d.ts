// A .wat module's default export: its binary (compileWat.ts; Vite: watPlugin.ts, Node: watHooks.ts).
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
