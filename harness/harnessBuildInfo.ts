// build-info.json as the harness serves it, beside index.html: what the crate build recorded, and
// every .wasm the page loads under its served (hashed) name with the SHA-256 of the built file.
// The suite compares the bytes a deployment serves (decompressed, whatever the encoding) with it,
// from Node and from inside the page (serving.wasmIntegrity): a truncated or corrupted upload, or a
// stale .wasm left behind by a CDN, shows as a checksum mismatch.
import type { BuildInfo } from '../build/buildInfo.ts';
import { STREAMING_MODULE_FILE } from './streaming/streamingModule.ts';

export const HARNESS_BUILD_INFO = 'build-info.json';

export interface ServedFile {
  /** URL path relative to the page, e.g. assets/wasm_compat_bg-C9o9UeKm.wasm. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface HarnessBuildInfo {
  schema: 1;
  /** The crate build's own record (crate/pkg/build-info.json) without its file list; null for a library crate, which builds no module. */
  crate: (Omit<BuildInfo, 'wasm'> & Record<string, unknown>) | null;
  harnessBuiltAt: string;
  /** Every .wasm the page loads, with the crate file it is (by SHA-256). */
  wasm: Array<ServedFile & { file: string }>;
  /** Every other file of the build (not the precompressed copies), for the compression checks. */
  files: ServedFile[];
}

/**
 * Matches each served .wasm with the crate build's entry of the same SHA-256. A .wasm that matches
 * none means crate/pkg/build-info.json does not describe the file being shipped: refuse to build.
 * Without a crate build (a library crate), every file is the suite's own.
 */
export function harnessBuildInfo(crate: BuildInfo | null, served: ServedFile[], builtAt: Date): HarnessBuildInfo {
  if (crate === null) return { schema: 1, crate: null, harnessBuiltAt: builtAt.toISOString(), wasm: [], files: served };
  const { wasm: crateWasm, ...crateRecord } = crate;
  // The streaming probe's generated module is the suite's, not the subject's: listed with the other files.
  const isSubjectWasm = (f: ServedFile) => f.path.endsWith('.wasm') && f.path !== STREAMING_MODULE_FILE;
  const wasm = served.filter(isSubjectWasm).map((f) => {
    const source = crateWasm.find((w) => w.sha256 === f.sha256);
    if (!source) {
      throw new Error(
        `${f.path} (sha256 ${f.sha256}) is none of the .wasm files crate/pkg/build-info.json lists (${crateWasm.map((w) => `${w.file} ${w.sha256}`).join(', ')}): ` +
          'the crate build record is stale; rebuild with npm run build:wasm',
      );
    }
    return { file: source.file, ...f };
  });
  return {
    schema: 1,
    crate: crateRecord,
    harnessBuiltAt: builtAt.toISOString(),
    wasm,
    files: served.filter((f) => !isSubjectWasm(f)),
  };
}
