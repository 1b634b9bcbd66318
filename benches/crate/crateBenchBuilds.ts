// The two bench builds the crate's A/B check compares, each a set of #[wasm_bindgen_bench] binaries:
//   A  --against <ref> (default: the merge base with main, benches/ab/buildRef.ts's chooseRef, in
//      the crate's own repository), built through a temporary worktree with --against-features,
//      its binaries kept in .cache/bench-ab/<commit>/benches-<features>/ once complete.json is written
//   B  the working tree's crate, with --b-features
// Both are built by the same cargo, toolchain and wasm-bindgen-test-runner, into the same target
// folder (the working tree's), so they differ in their code only and dependencies compile once.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildRustTests, type RustTestArtifact, type RustTestBuild } from '../../runner/rustTests/rustTestBuild.ts';
import type { Subject } from '../../subject/resolveSubject.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { AB_CACHE_DIR, AbBuildError, chooseRef, git } from '../ab/buildRef.ts';
import type { AbBuild } from '../ab/schema.ts';

export interface BenchBuild {
  info: AbBuild;
  artifacts: RustTestArtifact[];
}

const features = (list: string | undefined) => (list ?? '').split(',').filter(Boolean);

/** What the A/B report says of a build: its binaries' hash and size stand where a pkg's .wasm does. */
function describe(label: string, commit: string | null, chosenBecause: string, dir: string, artifacts: readonly RustTestArtifact[], built: string[]): AbBuild {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const a of artifacts) {
    const content = readFileSync(a.wasm);
    hash.update(a.target).update(content);
    bytes += content.byteLength;
  }
  return { label, commit, chosenBecause, pkgDir: dir, wasmSha256: hash.digest('hex'), wasmBytes: bytes, build: { features: built } };
}

/** The target folder a build's binaries were written under (<target>/wasm32-unknown-unknown/release/deps/x.wasm). */
function targetDirOf(build: RustTestBuild): string | undefined {
  const wasm = build.artifacts[0]?.wasm;
  return wasm ? dirname(dirname(dirname(dirname(wasm)))) : undefined;
}

export function benchBuildB(subject: Subject, bFeatures: string | undefined): { build: BenchBuild; runner: string; targetDir: string | undefined } {
  const extra = features(bFeatures);
  const built = buildRustTests({ ...subject, features: [...subject.features, ...extra] }, 'benches');
  if (!built.artifacts.length) throw new AbBuildError(`${subject.name} has no #[wasm_bindgen_bench] benchmarks to compare`);
  const label = extra.length ? `working tree with --b-features ${extra.join(',')}` : 'working tree';
  return {
    build: {
      info: describe(label, null, 'the crate as it is now', subject.crateDir!, built.artifacts, [...subject.features, ...extra]),
      artifacts: built.artifacts,
    },
    runner: built.runner,
    targetDir: targetDirOf(built),
  };
}

export function benchBuildA(
  subject: Subject,
  options: { against?: string; againstFeatures?: string; targetDir?: string },
  log: (line: string) => void,
): BenchBuild {
  const crateDir = subject.crateDir!;
  const top = git(['rev-parse', '--show-toplevel'], crateDir);
  if (!top.ok) throw new AbBuildError(`${crateDir} is not in a git repository: build A is a commit of the crate (${top.err})`);
  const choice = chooseRef(options.against, crateDir);
  const asked = options.againstFeatures === undefined ? subject.features : features(options.againstFeatures);
  const dir = join(AB_CACHE_DIR, choice.commit, `benches${asked.length ? `-features-${asked.join('_')}` : ''}`);
  const describeA = (artifacts: RustTestArtifact[]) => describe(choice.ref, choice.commit, choice.chosenBecause, dir, artifacts, asked);
  const complete = join(dir, 'complete.json');
  if (existsSync(complete)) {
    log(`bench: A = ${choice.ref} (${choice.commit.slice(0, 12)}), built before: ${dir}`);
    const artifacts = (JSON.parse(readFileSync(complete, 'utf8')) as { artifacts: RustTestArtifact[] }).artifacts.map((a) => ({
      ...a,
      wasm: join(dir, a.wasm),
    }));
    return { info: describeA(artifacts), artifacts };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-benches-'));
  const tree = join(scratch, 'tree');
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const added = git(['worktree', 'add', '--detach', tree, choice.commit], top.out);
  if (!added.ok) throw new AbBuildError(`git worktree add for ${choice.ref} (${choice.commit}) failed: ${added.err}`);
  try {
    const started = Date.now();
    const crateInTree = join(tree, relative(top.out, crateDir));
    if (!existsSync(join(crateInTree, 'Cargo.toml')))
      throw new AbBuildError(`${choice.ref} (${choice.commit.slice(0, 12)}) has no crate at ${relative(top.out, crateDir) || '.'}: nothing to build as A`);
    log(`bench: building A = ${choice.ref} (${choice.commit.slice(0, 12)}): cargo bench --no-run in a worktree`);
    const built = buildRustTests({ ...subject, crateDir: crateInTree, features: asked }, 'benches', options.targetDir ? { targetDir: options.targetDir } : {});
    if (!built.artifacts.length)
      throw new AbBuildError(`${choice.ref} (${choice.commit.slice(0, 12)}) has no #[wasm_bindgen_bench] benchmarks: nothing to compare against`);
    mkdirSync(staging, { recursive: true });
    const kept = built.artifacts.map((a) => {
      copyFileSync(a.wasm, join(staging, `${a.target}.wasm`));
      return { ...a, wasm: `${a.target}.wasm` };
    });
    writeJsonAtomic(join(staging, 'complete.json'), {
      ref: choice.ref,
      commit: choice.commit,
      features: asked,
      builtAt: new Date().toISOString(),
      artifacts: kept,
    });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(staging, dir);
    log(`bench: A built in ${((Date.now() - started) / 1000).toFixed(0)} s, cached in ${dir}`);
    const artifacts = kept.map((a) => ({ ...a, wasm: join(dir, a.wasm) }));
    return { info: describeA(artifacts), artifacts };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    const removed = git(['worktree', 'remove', '--force', tree], top.out);
    if (!removed.ok) log(`bench: warning: could not remove the worktree ${tree}: ${removed.err}`);
    rmSync(scratch, { recursive: true, force: true });
    git(['worktree', 'prune'], top.out);
  }
}
