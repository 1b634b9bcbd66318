// How the harness page is built. vite-plugin-wasm lets the page import the wasm-pack "bundler"
// output as an ES module, the way bundled production sites load Rust; the probes' .wat modules
// are compiled here (build/wat/); the build leaves build-info.json and precompressed copies beside
// the page (buildPlugin.ts). Serving it (headers, isolation) is serving/'s job: this config is the
// same whichever server serves the result.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import wasm from 'vite-plugin-wasm';
import { watPlugin } from '../build/wat/watPlugin.ts';
import { modulePkgDir, resolveSubject } from '../subject/resolveSubject.ts';
import { harnessBuildPlugin } from './buildPlugin.ts';
import { streamingModulePlugin } from './streaming/streamingModulePlugin.ts';
import { v8NativesPlugin } from './probes/environment/_v8Natives.ts';
import { subjectPlugin } from './subjectPlugin.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';

export const HARNESS_ROOT = fileURLToPath(new URL('.', import.meta.url));

// A function, so that the subject (wasm-compat.config.ts, WASM_COMPAT_CRATE) is resolved when a
// build or server starts, not when another module imports this one.
export default defineConfig(() => {
  const subject = resolveSubject();
  return {
    root: HARNESS_ROOT,
    // Relative asset URLs: the built harness also works under a sub-path of a deployment.
    base: './',
    plugins: [wasm(), watPlugin(), subjectPlugin(subject), streamingModulePlugin(), v8NativesPlugin(), harnessBuildPlugin({ cratePkg: modulePkgDir(subject) })],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // Top-level await (the page awaits the crate) and the WebAssembly ESM import need no transpiling here.
      target: 'esnext',
      // Two pages: the probes page, and the site page Lighthouse measures (the subject used as a site uses it).
      rolldownOptions: { input: { index: fileURLToPath(new URL('index.html', import.meta.url)), site: fileURLToPath(new URL('site.html', import.meta.url)) } },
    },
    // The page imports the subject's pkg and probes, which may live outside the project.
    server: {
      host: '127.0.0.1',
      strictPort: true,
      fs: { allow: [PROJECT_ROOT, subject.pkgDir, ...(subject.probesDir ? [subject.probesDir] : [])] },
    },
    preview: { host: '127.0.0.1', strictPort: true },
    // The probe worker (page/probeWorker.ts) imports the probes, .wat modules and all: an ES module worker, built with the same plugin.
    worker: { format: 'es' as const, plugins: () => [watPlugin()] },
  };
});
