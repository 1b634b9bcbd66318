// What a .wasm uses, read by subject/wasmFeatures (a small Rust program over wasmparser's validator:
// a feature is used when the module fails validation with that one feature off). Built once, on the
// host toolchain, into .cache/wasm-features; scripts/setup.sh builds it ahead of the first run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hostCargoEnv, SubjectError } from './resolveSubject.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';

const MANIFEST = join(PROJECT_ROOT, 'subject', 'wasmFeatures', 'Cargo.toml');
const TARGET_DIR = join(PROJECT_ROOT, '.cache', 'wasm-features');
export const WASM_FEATURES_BIN = join(TARGET_DIR, 'release', 'wasm-features');

/** wasmparser's name for each proposal the tool reports (subject/wasmFeatures/src/main.rs). */
export type ParserFeature =
  | 'mutable_global'
  | 'saturating_float_to_int'
  | 'sign_extension'
  | 'reference_types'
  | 'multi_value'
  | 'bulk_memory'
  | 'simd'
  | 'relaxed_simd'
  | 'threads'
  | 'shared_everything_threads'
  | 'tail_call'
  | 'multi_memory'
  | 'exceptions'
  | 'legacy_exceptions'
  | 'memory64'
  | 'extended_const'
  | 'function_references'
  | 'gc'
  | 'memory_control'
  | 'custom_page_sizes'
  | 'stack_switching'
  | 'wide_arithmetic'
  | 'custom_descriptors'
  | 'acquire_release_atomics'
  | 'multibyte_array_access';

export interface ModuleMemory {
  imported: boolean;
  initialPages: number;
  maximumPages: number | null;
  shared: boolean;
  memory64: boolean;
}

export interface ModuleFeatures {
  bytes: number;
  /** Each used feature with the validator's message when it was switched off. */
  features: Array<{ name: ParserFeature; evidence: string }>;
  /** reference-types is needed only for LLVM's overlong call_indirect table index (Rust 1.82+). */
  referenceTypesOnlyForCallIndirectEncoding: boolean;
  memories: ModuleMemory[];
  imports: Array<{ module: string; name: string; kind: string }>;
  exports: Array<{ name: string; kind: string }>;
  /** Imported or exported functions with an i64 in their signature: JS meets them as BigInt. */
  i64AtBoundary: string[];
}

function buildTool(): void {
  try {
    execFileSync('cargo', ['build', '--quiet', '--release', '--locked', '--manifest-path', MANIFEST, '--target-dir', TARGET_DIR], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: hostCargoEnv(),
    });
  } catch (error) {
    throw new Error(
      `cannot build subject/wasmFeatures (cargo build): ${String((error as { stderr?: unknown }).stderr ?? error)
        .trim()
        .split('\n')
        .slice(-5)
        .join(' | ')}`,
    );
  }
}

/** Reads already made in this process, by file and version of it: a run reads the subject's .wasm at setup, in the harness build and in the global teardown. */
const read = new Map<string, ModuleFeatures>();

/** The features and shape of the module at `wasmPath`; a file that is not WebAssembly is a SubjectError naming it. */
export function readModuleFeatures(wasmPath: string): ModuleFeatures {
  if (!existsSync(wasmPath)) throw new SubjectError(`${wasmPath} does not exist: build the subject first`);
  const { mtimeMs, size } = statSync(wasmPath);
  const key = `${wasmPath}\0${mtimeMs}\0${size}`;
  const known = read.get(key);
  if (known) return known;
  if (!existsSync(WASM_FEATURES_BIN)) buildTool();
  try {
    const features = JSON.parse(execFileSync(WASM_FEATURES_BIN, [wasmPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as ModuleFeatures;
    read.set(key, features);
    return features;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const head = readFileSync(wasmPath).subarray(0, 16);
    throw new SubjectError(
      stderr ? stderr.replace(/^wasm-features: /, '') : `${wasmPath}: cannot read it as WebAssembly (first bytes ${JSON.stringify(head.toString('latin1'))})`,
    );
  }
}
