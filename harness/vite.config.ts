// How the harness page is built. vite-plugin-wasm lets the page import the wasm-pack "bundler"
// output as an ES module, the way bundled production sites load Rust; the probes' .wat modules
// are compiled here (build/wat/); the build leaves build-info.json and precompressed copies beside
// the page (buildPlugin.ts). Serving it (headers, isolation) is serving/'s job: this config is the
// same whichever server serves the result.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import wasm from 'vite-plugin-wasm';
import { watPlugin } from '../build/wat/watPlugin.ts';
import { harnessBuildPlugin } from './buildPlugin.ts';

export const HARNESS_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const CRATE_PKG = fileURLToPath(new URL('../crate/pkg', import.meta.url));

export default defineConfig({
  root: HARNESS_ROOT,
  // Relative asset URLs: the built harness also works under a sub-path of a deployment.
  base: './',
  plugins: [wasm(), watPlugin(), harnessBuildPlugin({ cratePkg: CRATE_PKG })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Top-level await (the page awaits the crate) and the WebAssembly ESM import need no transpiling here.
    target: 'esnext',
  },
  // The page imports the crate from ../crate/pkg.
  server: { host: '127.0.0.1', strictPort: true, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', strictPort: true },
});
