// The harness page, built and served by Vite. vite-plugin-wasm lets the page import the wasm-pack
// "bundler" output as an ES module, the way bundled production sites load Rust.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import wasm from 'vite-plugin-wasm';
import { servingHeaders } from './servingHeaders.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the built harness also works under a sub-path of a deployment.
  base: './',
  plugins: [wasm(), servingHeaders()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Top-level await (the page awaits the crate) and the WebAssembly ESM import need no transpiling here.
    target: 'esnext',
    rollupOptions: { input: { index: `${root}index.html` } },
  },
  server: { host: '127.0.0.1', strictPort: true, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', strictPort: true },
});
