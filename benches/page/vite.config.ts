// How the bench page is built: the benchmark suites (benches/suites) in the browser, loading the
// crate through vite-plugin-wasm as the harness page does. Served by serving/ like the harness
// (startPreview with the noncedWasm plugin: benches/browser/runBrowserBenches.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import wasm from 'vite-plugin-wasm';
import { benchedPkgDir } from '../benchedBuild.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';

export const BENCH_PAGE_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const BENCH_PAGE_CONFIG = fileURLToPath(import.meta.url);

export default defineConfig({
  root: BENCH_PAGE_ROOT,
  base: './',
  plugins: [wasm()],
  // @bench-pkg is the build the benchmarks time (benches/benchedBuild.ts): the demo's, or WASM_COMPAT_PKG.
  resolve: { alias: { '@bench-pkg': benchedPkgDir() } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'esnext',
    rollupOptions: { input: { bench: `${BENCH_PAGE_ROOT}bench.html` } },
  },
  // The page imports the crate, the suites and the harness's style from outside its folder.
  server: { host: '127.0.0.1', strictPort: true, fs: { allow: [PROJECT_ROOT, benchedPkgDir()] } },
  preview: { host: '127.0.0.1', strictPort: true },
});
