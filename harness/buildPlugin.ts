// What the harness build leaves beside the page: build-info.json (the crate build's record and
// every .wasm under its served, hashed name with its SHA-256: harnessBuildInfo.ts) and a .br and
// .gz copy of every compressible file, which nginx's *_static modules and the preview server
// serve as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { readBuildInfo } from '../build/buildInfo.ts';
import { sha256 } from '../build/wasmSizes.ts';
import { HARNESS_BUILD_INFO, harnessBuildInfo, type ServedFile } from './harnessBuildInfo.ts';
import { precompress } from './precompress.ts';
import { STREAMING_MODULE_FILE } from './streaming/streamingModule.ts';

/** `cratePkg`: the subject's built module's folder, or null where it builds none (a library crate). */
export function harnessBuildPlugin(options: { cratePkg: string | null }): Plugin {
  return {
    name: 'wasm-compat:harness-build',
    apply: 'build',
    writeBundle(output, bundle) {
      const outDir = output.dir!;
      const served: ServedFile[] = Object.keys(bundle)
        .sort()
        .map((path) => {
          const data = readFileSync(join(outDir, path));
          return { path, bytes: data.byteLength, sha256: sha256(data) };
        });
      const info = harnessBuildInfo(options.cratePkg === null ? null : readBuildInfo(options.cratePkg), served, new Date());
      writeFileSync(join(outDir, HARNESS_BUILD_INFO), `${JSON.stringify(info, null, 2)}\n`);
      // The streaming probes' module is the suite's, megabytes of it, and its trickle sends it as it is.
      for (const path of [...Object.keys(bundle), HARNESS_BUILD_INFO]) if (path !== STREAMING_MODULE_FILE) precompress(join(outDir, path));
    },
  };
}
