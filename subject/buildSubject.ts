// Builds the subject when its wasm-pack output is missing or older than its sources, through the
// same build/build-wasm.sh as the demo: the wasm32 toolchain route of build/toolchain.sh, and the
// wasm-bindgen-cli of exactly the version the crate locks (build/wasm-bindgen-cli.sh). A prebuilt
// folder is checked, never built; a library crate (no cdylib) has no module to build. A build that
// fails is a SubjectError with the compiler's last lines.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_INFO_FILE, type BuildInfo, readBuildInfo } from '../build/buildInfo.ts';
import { readModuleFeatures } from './moduleFeatures.ts';
import { type Subject, SubjectError, subjectWasm } from './resolveSubject.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { readSetting, SETTINGS } from '../settings/settings.ts';
import { type Environment, childEnvironment, environment } from '../settings/environment.ts';

const BUILD_SCRIPT = join(PROJECT_ROOT, 'build', 'build-wasm.sh');
/** How many of the build's last output lines a failure shows. */
const TAIL_LINES = 15;

/** The newest modification time of a crate's sources: src/, build.rs, Cargo.toml and Cargo.lock (path dependencies are not followed). */
function newestSource(dir: string): number {
  const walk = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(path).map((name) => walk(join(path, name))));
  };
  return Math.max(...['src', 'build.rs', 'Cargo.toml', 'Cargo.lock'].map((name) => walk(join(dir, name))));
}

/** Set by CI jobs that download the build as an artifact: a checkout's file times say nothing about which is newer. */
const PREBUILT_ENV = SETTINGS.prebuilt.env;

/**
 * Why the subject needs a build, or null when its output is current: the one stale-build check
 * (the run's global setup, npm run build:subject, setup, npm test and the benchmarks all ask here).
 */
export function staleReason(subject: Subject, env: Environment = environment()): string | null {
  // A library crate builds no module; its Rust tests are cargo's to keep current (runner/rustTests/).
  if (subject.kind !== 'crate' || !subject.crateDir) return null;
  const info = join(subject.pkgDir, BUILD_INFO_FILE);
  if (readSetting('prebuilt', env)) {
    if (!existsSync(info)) throw new SubjectError(`${PREBUILT_ENV}=1 but ${info} is missing: download the build, or unset ${PREBUILT_ENV} to build it here`);
    return null;
  }
  if (!existsSync(info)) return 'not built yet';
  const record: BuildInfo = readBuildInfo(subject.pkgDir);
  if (record.target !== subject.target) return `built for target ${record.target}, configured ${subject.target}`;
  if ((record.crate.features ?? []).join(',') !== subject.features.join(','))
    return `built with features [${(record.crate.features ?? []).join(', ')}], configured [${subject.features.join(', ')}]`;
  if (newestSource(subject.crateDir) > statSync(info).mtimeMs) return 'its sources changed since the last build';
  return null;
}

/** Checks a wasm-pack folder has what the page loads, and that its .wasm is WebAssembly (a SubjectError names what it is not). */
function checkOutput(subject: Subject): void {
  const wasm = subjectWasm(subject);
  for (const file of [`${subject.stem}.js`, wasm.file]) {
    if (!existsSync(join(subject.pkgDir, file))) throw new SubjectError(`${subject.pkgDir} lacks ${file}: it is not a complete wasm-pack output folder`);
  }
  readModuleFeatures(wasm.path);
}

/**
 * Makes the subject's pkg current. `log` gets a progress line before a build starts and every
 * 15 s while it runs (a first build may compile wasm-bindgen-cli and every dependency).
 */
export async function ensureSubjectBuilt(subject: Subject, log: (line: string) => void = console.log): Promise<'built' | 'current'> {
  if (subject.kind === 'prebuilt') {
    checkOutput(subject);
    return 'current';
  }
  if (subject.kind === 'library') return 'current';
  const reason = staleReason(subject);
  if (reason === null) {
    checkOutput(subject);
    return 'current';
  }
  log(`building ${subject.name} ${subject.version} (${reason}) with wasm-pack, target ${subject.target}...`);
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number>((done, fail) => {
    const child = spawn('bash', [BUILD_SCRIPT, 'release', subject.target], {
      cwd: PROJECT_ROOT,
      env: childEnvironment({
        CRATE_DIR: subject.crateDir!,
        OUT_DIR: subject.pkgDir,
        WASM_BINDGEN_VERSION: subject.wasmBindgen ?? '',
        CARGO_FEATURES: subject.features.join(','),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        // The toolchain's own progress (wasm-bindgen-cli installs) reaches the user as it happens.
        if (/^(wasm-bindgen-cli|build-wasm):/.test(line)) log(line);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const ticker = setInterval(() => log(`  still building ${subject.name} (${Math.round((Date.now() - started) / 1000)} s)...`), 15_000);
    child.on('error', (error) => {
      clearInterval(ticker);
      fail(error);
    });
    child.on('close', (status) => {
      clearInterval(ticker);
      done(status ?? 1);
    });
  });
  if (code !== 0) {
    throw new SubjectError(
      `${subject.name} (${subject.crateDir}) did not build (build/build-wasm.sh exited ${code}); its last lines:\n${output
        .slice(-TAIL_LINES)
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  }
  checkOutput(subject);
  log(`built ${subject.name} in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${subject.pkgDir}`);
  return 'built';
}
