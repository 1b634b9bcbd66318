// The URL path (relative to the harness's base) where the dev and preview servers answer the
// crate's .wasm with a nonce section (benches/page/noncedWasmPlugin.ts). Its own file so the
// bench page can import it without the plugin's Node imports.
export const NONCED_WASM_PATH = '__bench/crate.wasm';

/** The A/B page's two builds, each under a path of its own (benches/browser/abCheckBrowsers.ts). */
export const AB_NONCED_WASM_PATHS = { A: '__bench/crate-a.wasm', B: '__bench/crate-b.wasm' } as const;
