// The harness build, reused while nothing it is made from has changed. A build records what it was
// made from: the resolved subject, and the content of every file that can change its output (the
// harness, its Vite plugins and the .wat compiler, the header policy, the subject's pkg and probes,
// the lock file for node_modules, and every other file the bundle imported). A later run whose
// files all hash the same copies that build instead of running Vite again; anything else builds
// anew. Each build lives in a folder of its own under .cache/harness-build/, named by its inputs,
// and is only read by copying, so a run building while another copies cannot tear either.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Subject } from '../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { buildHarness } from './buildHarness.ts';

export const HARNESS_BUILD_CACHE = join(PROJECT_ROOT, '.cache', 'harness-build');
/** Folders whose every file can change the build (the bundle's other imports are recorded per build). */
const SOURCE_FOLDERS = ['harness', 'build', 'deploy', 'subject', 'reporting'];
const SOURCE_FILES = ['package-lock.json', 'package.json', 'tsconfig.json'];
const KEEP = 3;

export interface Manifest {
  subject: string;
  /** Absolute path -> sha256 of its content, for the folders above and the bundle's other files. */
  files: Record<string, string>;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !f.includes('/node_modules/') && !f.includes('/target/') && !f.includes('/dist/'));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function hashAll(files: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [...new Set(files)].sort()) out[f] = existsSync(f) && statSync(f).isFile() ? sha256(f) : 'missing';
  return out;
}

export function sourceFiles(subject: Subject): string[] {
  return [
    ...SOURCE_FOLDERS.flatMap((d) => filesUnder(join(PROJECT_ROOT, d))),
    ...SOURCE_FILES.map((f) => join(PROJECT_ROOT, f)),
    ...filesUnder(subject.pkgDir),
    ...(subject.probesDir ? filesUnder(subject.probesDir) : []),
  ];
}

/** The subject as the build sees it (what resolveSubject() chose, and how). */
const subjectKey = (subject: Subject) => JSON.stringify(subject);

function manifestKey(manifest: Manifest): string {
  return createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 16);
}

/** A cached build's folder with both of its parts (a rename puts it there whole; a removal may stop half-way). */
const isWhole = (dir: string) => existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'dist'));

/** The newest cached build under `root` whose recorded inputs all hash as they do now (`now`: the source files' hashes). */
export function findCurrentBuild(subject: Subject, root = HARNESS_BUILD_CACHE, now = hashAll(sourceFiles(subject))): string | null {
  if (!existsSync(root)) return null;
  const key = subjectKey(subject);
  const builds = readdirSync(root)
    .map((name) => join(root, name))
    .filter(isWhole)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const dir of builds) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.subject !== key) continue;
    const extra = Object.keys(manifest.files).filter((f) => !(f in now));
    const current = { ...now, ...hashAll(extra) };
    if (Object.keys(current).length === Object.keys(manifest.files).length && Object.entries(current).every(([f, h]) => manifest.files[f] === h)) return dir;
  }
  return null;
}

/** Records the files the bundle was made from: every module Rolldown loaded that is a file on disk, outside node_modules. */
function recordInputs(into: Set<string>): Plugin {
  return {
    name: 'wasm-compat:record-inputs',
    apply: 'build',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        const file = id.replace(/^\0/, '').split('?')[0]!;
        if (file.startsWith('/') && !file.includes('/node_modules/') && existsSync(file)) into.add(file);
      }
    },
  };
}

/**
 * Puts a build of the harness for `subject` into `outDir` (a folder of the run's own): a copy of the
 * cached one when its inputs are unchanged, else a fresh build that is then cached.
 */
export async function buildHarnessCached(outDir: string, subject: Subject): Promise<{ reused: boolean }> {
  const before = hashAll(sourceFiles(subject));
  const current = findCurrentBuild(subject, HARNESS_BUILD_CACHE, before);
  if (current) {
    rmSync(outDir, { recursive: true, force: true });
    cpSync(join(current, 'dist'), outDir, { recursive: true });
    const now = new Date();
    utimesSync(current, now, now);
    return { reused: true };
  }
  mkdirSync(HARNESS_BUILD_CACHE, { recursive: true });
  const building = join(HARNESS_BUILD_CACHE, `.building-${process.pid}-${Date.now()}`);
  const inputs = new Set<string>();
  try {
    await buildHarness(join(building, 'dist'), [recordInputs(inputs)]);
    const manifest: Manifest = { subject: subjectKey(subject), files: { ...before, ...hashAll([...inputs].filter((f) => !(f in before))) } };
    // A file that changed while Vite read it would make the record lie: such a build is used once and not kept.
    const after = hashAll(Object.keys(before));
    cpSync(join(building, 'dist'), outDir, { recursive: true });
    if (Object.entries(after).every(([f, h]) => before[f] === h)) {
      // The folder appears whole under its final name (the rename), so the manifest needs no write of its own to be whole.
      writeFileSync(join(building, 'manifest.json'), JSON.stringify(manifest));
      keepBuild(building, join(HARNESS_BUILD_CACHE, manifestKey(manifest)));
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  prune();
  return { reused: false };
}

/**
 * Puts a finished build (`building`, with its manifest) in the cache under `dir`, its inputs' name.
 * Two runs that start at once on a cold cache (the subject test's two runs side by side) build the
 * same thing under the same name: the first to finish keeps its folder, and the other's rename onto
 * it (ENOTEMPTY) only means its own copy is not needed. A folder left half-removed is replaced.
 */
export function keepBuild(building: string, dir: string): void {
  if (isWhole(dir)) return;
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(building, dir);
  } catch (error) {
    if (!isWhole(dir)) throw error;
  }
}

/** Keeps the newest few builds (one per subject a person switches between). */
function prune(): void {
  const builds = readdirSync(HARNESS_BUILD_CACHE)
    .filter((n) => !n.startsWith('.'))
    .map((name) => join(HARNESS_BUILD_CACHE, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of builds.slice(KEEP)) rmSync(old, { recursive: true, force: true });
}
