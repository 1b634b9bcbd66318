// The harness page, built and served by Vite. vite-plugin-wasm lets the page import the wasm-pack
// "bundler" output as an ES module, the way bundled production sites load Rust.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import wasm from 'vite-plugin-wasm';
import { noncedWasm } from '../benches/browser/noncedWasmPlugin.ts';
import { servingPlugin } from './servingPlugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the built harness also works under a sub-path of a deployment.
  base: './',
  // servingPlugin: COOP/COEP, CSP and the rest on dev and preview; build-info.json and .br/.gz in the build.
  // noncedWasm (the bench page's load suite) after servingPlugin, so its answers get the same headers.
  plugins: [wasm(), servingPlugin({ cratePkg: fileURLToPath(new URL('../crate/pkg', import.meta.url)) }), noncedWasm()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Top-level await (the page awaits the crate) and the WebAssembly ESM import need no transpiling here.
    target: 'esnext',
    // bench.html: the benchmark page (benches/, docs/benchmarks.md).
    rollupOptions: { input: { index: `${root}index.html`, bench: `${root}bench.html` } },
  },
  server: { host: '127.0.0.1', strictPort: true, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', strictPort: true },
});
