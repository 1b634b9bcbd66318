// Which two builds the A/B check compares, each made ready on disk:
//   A  --against-pkg <dir>, else --against <ref> (default: chooseRef), built once into the cache
//   B  --b-pkg <dir>, else --b-features <f> (this working tree built with those features), else
//      the current build of the demo crate (or WASM_COMPAT_PKG: benches/benchedBuild.ts), as `npm run bench` times it
// A is built the way B was: when B's build-info.json records a wasm-opt level, A gets the same.
// Differences that remain between the two builds' settings are returned as warnings.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { WASM_FILE } from '../node/loadRawCrate.ts';
import { benchedBuildWarning } from '../benchedBuild.ts';
import type { AbSettings } from './abOptions.ts';
import { AB_CACHE_DIR, AbBuildError, buildCommit, buildCrate, chooseRef } from './buildRef.ts';
import type { AbBuild } from './schema.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';

export interface AbBuildOptions extends Pick<AbSettings, 'against' | 'againstPkg' | 'againstFeatures' | 'bPkg' | 'bFeatures'> {
  /** The demo crate's build, or WASM_COMPAT_PKG (benches/benchedBuild.ts). */
  defaultPkgDir: string;
  log(line: string): void;
}

export interface SettledBuild {
  info: AbBuild;
  /** The twins this build is timed with; null: the working tree's (crate/twins/). */
  twinsDir: string | null;
}

export interface SettledBuilds {
  A: SettledBuild;
  B: SettledBuild;
  /** The two builds' twins differ: their JS sides are compared too. */
  twinsDiffer: boolean;
  warnings: string[];
}

const WORKING_TWINS = resolve('crate/twins');

function readJson(path: string): Record<string, unknown> | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : null;
}

function describePkg(label: string, commit: string | null, chosenBecause: string, pkgDir: string): AbBuild {
  const wasm = join(pkgDir, WASM_FILE);
  if (!existsSync(wasm)) throw new AbBuildError(`${label}: ${pkgDir} has no ${WASM_FILE}: not a wasm-pack build of the crate`);
  const bytes = readFileSync(wasm);
  return {
    label,
    commit,
    chosenBecause,
    pkgDir,
    wasmSha256: createHash('sha256').update(bytes).digest('hex'),
    wasmBytes: bytes.byteLength,
    build: readJson(join(pkgDir, 'build-info.json')),
  };
}

function optimizationLevel(build: Record<string, unknown> | null): string | null {
  const level = (build?.optimization as { level?: unknown } | undefined)?.level;
  return typeof level === 'string' ? level : null;
}

/** Every file under `dir`, relative path → sha-256. */
function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

export function sameFiles(a: string, b: string): boolean {
  const x = fileHashes(a);
  const y = fileHashes(b);
  return x.size === y.size && [...x].every(([path, hash]) => y.get(path) === hash);
}

function settleB(o: AbBuildOptions): SettledBuild {
  if (o.bPkg) return { info: describePkg(`pkg ${o.bPkg}`, null, '--b-pkg', resolve(o.bPkg)), twinsDir: null };
  if (o.bFeatures) {
    const out = join(AB_CACHE_DIR, 'working', o.bFeatures.replace(/[^A-Za-z0-9_-]+/g, '_'), 'pkg');
    buildCrate(`building B = this working tree with features ${o.bFeatures}`, resolve('crate'), out, { features: o.bFeatures, optimization: null }, o.log);
    return { info: describePkg('working tree', null, `--b-features ${o.bFeatures}`, out), twinsDir: null };
  }
  const stale = benchedBuildWarning(o.defaultPkgDir);
  if (stale) o.log(`bench: warning: B: ${stale}`);
  return {
    info: describePkg(relative(PROJECT_ROOT, o.defaultPkgDir) || o.defaultPkgDir, null, 'the current build, as npm run bench times it', o.defaultPkgDir),
    twinsDir: null,
  };
}

function settleA(o: AbBuildOptions, b: SettledBuild): SettledBuild {
  if (o.againstPkg) return { info: describePkg(`pkg ${o.againstPkg}`, null, '--against-pkg', resolve(o.againstPkg)), twinsDir: null };
  const choice = chooseRef(o.against);
  o.log(`bench: A = ${choice.ref} = ${choice.commit.slice(0, 12)} (${choice.chosenBecause}); B = ${b.info.label}`);
  const built = buildCommit(choice, { features: o.againstFeatures ?? '', optimization: optimizationLevel(b.info.build) }, o.log);
  return { info: describePkg(choice.ref, choice.commit, choice.chosenBecause, built.pkgDir), twinsDir: built.twinsDir };
}

/** What differs between the two builds' settings, beyond the code (each a sentence). */
export function buildDifferences(a: Record<string, unknown> | null, b: Record<string, unknown> | null): string[] {
  if (!a || !b) return [`${a ? 'B' : 'A'} has no build-info.json: its build settings are unknown`];
  const get = (x: Record<string, unknown>, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], x);
  const fields = ['mode', 'target', 'optimization.level', 'toolchain.rustc', 'toolchain.wasmBindgen'];
  return fields
    .filter((f) => JSON.stringify(get(a, f) ?? null) !== JSON.stringify(get(b, f) ?? null))
    .map((f) => `${f} differs: A ${JSON.stringify(get(a, f) ?? null)}, B ${JSON.stringify(get(b, f) ?? null)}`);
}

export function settleBuilds(o: AbBuildOptions): SettledBuilds {
  const B = settleB(o);
  const A = settleA(o, B);
  const twinsDiffer = A.twinsDir !== null && !sameFiles(A.twinsDir, WORKING_TWINS);
  return { A, B, twinsDiffer, warnings: buildDifferences(A.info.build, B.info.build) };
}
