// Build A of the A/B check: a git ref's crate, built once per commit into .cache/bench-ab/ and
// reused after. The ref is checked out in a `git worktree add --detach` of its own (the working
// tree, its index and its branches are not touched), built by this tree's build/build-wasm.sh —
// the script, toolchain and wasm-bindgen B was built with, so the two builds differ in their code
// only — and the worktree is removed; the pkg and a copy of the ref's twins (crate/twins/) stay
// in the cache. A cache entry counts only once its complete.json is written, last, after a rename
// into place: a build that failed or was cut short is never reused.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { childEnvironment } from '../../settings/environment.ts';

export const AB_CACHE_DIR = join(PROJECT_ROOT, '.cache', 'bench-ab');
/** cargo's target folder shared by every A/B build: dependencies compile once. */
const TARGET_DIR = join(AB_CACHE_DIR, 'target');

export class AbBuildError extends Error {}

export function git(args: readonly string[], cwd = PROJECT_ROOT): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

/** The commit a ref names, or an error saying it names none. */
export function resolveCommit(ref: string, cwd = PROJECT_ROOT): string {
  const r = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  if (!r.ok || !r.out) throw new AbBuildError(`'${ref}' names no commit in this repository (git rev-parse: ${r.err || 'unknown revision'})`);
  return r.out;
}

export interface RefChoice {
  ref: string;
  commit: string;
  chosenBecause: string;
}

/**
 * A: `against` when given; else the merge base of HEAD with main (origin/main where there is no
 * local main), what a branch is measured against; else, when HEAD is on main itself (the merge
 * base is HEAD), the commit before it.
 */
export function chooseRef(against: string | undefined, cwd = PROJECT_ROOT): RefChoice {
  if (against) return { ref: against, commit: resolveCommit(against, cwd), chosenBecause: `--against ${against}` };
  const head = resolveCommit('HEAD', cwd);
  const main = ['main', 'origin/main'].find((ref) => git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).ok);
  if (main) {
    const base = git(['merge-base', 'HEAD', main], cwd);
    if (base.ok && base.out && base.out !== head)
      return { ref: `merge-base HEAD ${main}`, commit: base.out, chosenBecause: `the merge base of HEAD with ${main}` };
  }
  const why = main ? `HEAD is ${main}'s tip (the merge base is HEAD itself): the commit before it` : 'no main branch here: the commit before HEAD';
  try {
    return { ref: 'HEAD~1', commit: resolveCommit('HEAD~1', cwd), chosenBecause: why };
  } catch {
    throw new AbBuildError(`${why}, but HEAD has no parent; name a build with --against <ref> or --against-pkg <dir>`);
  }
}

export interface BuildVariant {
  /** cargo features (comma-separated), '' for none. */
  features: string;
  /** build/optimize-wasm.sh level to apply after the build, matching B's build; null for none. */
  optimization: string | null;
}

export interface BuiltPkg {
  pkgDir: string;
  /** The build's copy of crate/twins/, or null where there is none (a pkg given as a folder). */
  twinsDir: string | null;
  cached: boolean;
}

function variantName(v: BuildVariant): string {
  return ['release', v.features && `features-${v.features.replace(/[^A-Za-z0-9_-]+/g, '_')}`, v.optimization && `wasm-opt-${v.optimization}`]
    .filter(Boolean)
    .join('+');
}

function run(what: string, command: string, args: string[], env: Record<string, string>, log: (line: string) => void): void {
  log(`bench: ${what}: ${command} ${args.join(' ')}`);
  // The build's own output goes to stderr: stdout is the check's table.
  const r = spawnSync(command, args, { cwd: PROJECT_ROOT, env: childEnvironment(env), stdio: ['ignore', process.stderr, process.stderr] });
  if (r.error) throw new AbBuildError(`${what}: could not run ${command}: ${r.error.message}`);
  if (r.status !== 0) throw new AbBuildError(`${what} failed: ${command} ${args.join(' ')} exited ${r.status ?? r.signal} (its output is above)`);
}

/** build/build-wasm.sh on `crateDir` into `outDir`, then build/optimize-wasm.sh when asked. */
export function buildCrate(what: string, crateDir: string, outDir: string, variant: BuildVariant, log: (line: string) => void): void {
  const manifest = join(crateDir, 'Cargo.toml');
  if (!existsSync(manifest)) throw new AbBuildError(`${what}: ${manifest} does not exist: no crate to build there`);
  const bindgen = /^wasm-bindgen = "=([0-9.]+)"/m.exec(readFileSync(manifest, 'utf8'))?.[1];
  const env: Record<string, string> = { CRATE_DIR: crateDir, OUT_DIR: outDir, CARGO_TARGET_DIR: TARGET_DIR, CARGO_FEATURES: variant.features, SKIP_TESTS: '1' };
  if (bindgen) env.WASM_BINDGEN_VERSION = bindgen;
  run(what, 'bash', ['build/build-wasm.sh', 'release', 'bundler'], env, log);
  if (variant.optimization) {
    const reports = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-opt-'));
    try {
      // Its size report would land in reports/size and replace the real build's: kept aside.
      run(
        `${what} (wasm-opt ${variant.optimization}, as B)`,
        'bash',
        ['build/optimize-wasm.sh', variant.optimization],
        { PKG_DIR: outDir, SKIP_TESTS: '1', SKIP_COMPRESSION: '1', WASM_COMPAT_REPORTS_DIR: reports },
        log,
      );
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  }
}

/** A commit's crate and twins, from the cache or built now through a temporary worktree. */
export function buildCommit(choice: RefChoice, variant: BuildVariant, log: (line: string) => void): BuiltPkg {
  const dir = join(AB_CACHE_DIR, choice.commit, variantName(variant));
  const result = { pkgDir: join(dir, 'pkg'), twinsDir: join(dir, 'twins') };
  if (existsSync(join(dir, 'complete.json'))) {
    log(`bench: A = ${choice.ref} (${choice.commit.slice(0, 12)}), built before: ${dir}`);
    return { ...result, twinsDir: existsSync(result.twinsDir) ? result.twinsDir : null, cached: true };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-'));
  const tree = join(scratch, 'tree');
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const added = git(['worktree', 'add', '--detach', tree, choice.commit]);
  if (!added.ok) throw new AbBuildError(`git worktree add for ${choice.ref} (${choice.commit}) failed: ${added.err}`);
  try {
    const started = Date.now();
    buildCrate(`building A = ${choice.ref} (${choice.commit.slice(0, 12)})`, join(tree, 'crate'), join(staging, 'pkg'), variant, log);
    const twins = join(tree, 'crate', 'twins');
    if (existsSync(twins)) cpSync(twins, join(staging, 'twins'), { recursive: true });
    writeJsonAtomic(join(staging, 'complete.json'), {
      ref: choice.ref,
      commit: choice.commit,
      variant,
      builtAt: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
    });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    log(`bench: A built in ${((Date.now() - started) / 1000).toFixed(0)} s, cached in ${dir}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    const removed = git(['worktree', 'remove', '--force', tree]);
    if (!removed.ok) log(`bench: warning: could not remove the worktree ${tree}: ${removed.err}`);
    rmSync(scratch, { recursive: true, force: true });
    git(['worktree', 'prune']);
  }
  return { ...result, twinsDir: existsSync(result.twinsDir) ? result.twinsDir : null, cached: false };
}
