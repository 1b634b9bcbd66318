// Which crate this run tests, and where everything about it is: wasm-compat.config.ts, with
// WASM_COMPAT_CRATE overriding its crate for one run. A Cargo crate is read with `cargo metadata`
// (its package, its cdylib, the wasm-bindgen its lock resolves); a prebuilt wasm-pack folder is read
// from its package.json. Anything that is neither, or that the suite cannot load, is a SubjectError
// whose one line names the cause.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { SubjectConfig, WasmPackTarget } from '../settings/config.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { projectConfig, readSetting, SETTINGS } from '../settings/settings.ts';
import { childEnvironment, environment, outsideVariable } from '../settings/environment.ts';

export const DEMO_CRATE = join(PROJECT_ROOT, 'crate');

export class SubjectError extends Error {
  override name = 'SubjectError';
}

export interface Subject {
  /**
   * 'crate': wasm-pack builds it; 'prebuilt': a wasm-pack output folder, used as it is; 'library': a
   * crate with no cdylib, which builds no .wasm (most crates that use wasm-bindgen): its
   * #[wasm_bindgen_test] tests run, as the peer runs them, and the probes that need a module do not.
   */
  kind: 'crate' | 'prebuilt' | 'library';
  /** The package name (Cargo's, or the prebuilt package.json's). */
  name: string;
  version: string;
  /** The crate's folder (absolute), or null for a prebuilt folder. */
  crateDir: string | null;
  /** Whether this is the suite's own demo crate. */
  isDemo: boolean;
  /** The wasm-pack output folder (absolute): crate/pkg for the demo, .cache/subjects/<name>-<hash>/pkg otherwise (a library's stays empty). */
  pkgDir: string;
  /** wasm-pack's file stem: <stem>.js, <stem>_bg.wasm. */
  stem: string;
  target: WasmPackTarget;
  features: string[];
  /** The wasm-bindgen version the crate's lock resolves (or the prebuilt glue was made by), if known. */
  wasmBindgen: string | null;
  /** The crate's own probes folder (absolute), or null. */
  probesDir: string | null;
  /** The committed requirements baseline (absolute; it may not exist yet). */
  requirementsBaseline: string;
  /** What chose this subject, for messages: 'wasm-compat.config.ts' or 'WASM_COMPAT_CRATE'. */
  from: string;
}

interface CargoTarget {
  name: string;
  kind: string[];
  crate_types: string[];
}
interface CargoPackage {
  id: string;
  name: string;
  version: string;
  manifest_path: string;
  targets: CargoTarget[];
  dependencies: Array<{ name: string; kind: string | null }>;
}
interface CargoMetadata {
  packages: CargoPackage[];
  workspace_members: string[];
  resolve: { nodes: Array<{ id: string; deps: Array<{ name: string; pkg: string }> }> } | null;
}

/** The environment for host cargo commands: rustup's proxies first, as the build scripts put them. */
export function hostCargoEnv(): NodeJS.ProcessEnv {
  return childEnvironment({ PATH: `${outsideVariable('HOME')}/.cargo/bin:${outsideVariable('PATH')}` });
}

function cargoMetadata(manifest: string, features: string[]): CargoMetadata {
  try {
    const out = execFileSync(
      'cargo',
      ['metadata', '--format-version', '1', '--manifest-path', manifest, ...(features.length ? ['--features', features.join(',')] : [])],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
        env: hostCargoEnv(),
      },
    );
    return JSON.parse(out) as CargoMetadata;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new SubjectError(
        `cargo is not installed, or not on PATH (${hostCargoEnv().PATH}): bash scripts/setup.sh installs Rust, and reading ${manifest} needs it`,
      );
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message)
      .trim()
      .split('\n')
      .filter(Boolean);
    throw new SubjectError(`cargo cannot read ${manifest}: ${stderr.slice(-3).join(' | ')}`);
  }
}

/** The folder of a crate's wasm-pack output, outside the crate (nothing is written into a user's crate). */
function pkgDirFor(crateDir: string, name: string): string {
  if (crateDir === DEMO_CRATE) return join(DEMO_CRATE, 'pkg');
  const hash = createHash('sha256').update(crateDir).digest('hex').slice(0, 8);
  return join(PROJECT_ROOT, '.cache', 'subjects', `${name}-${hash}`, 'pkg');
}

function fromCrate(dir: string, settings: SubjectConfig, from: string): Subject {
  const manifest = join(dir, 'Cargo.toml');
  const features = settings.features ?? [];
  const metadata = cargoMetadata(manifest, features);
  const pkg = metadata.packages.find((p) => resolve(p.manifest_path) === manifest);
  if (!pkg) {
    const members = metadata.packages.filter((p) => metadata.workspace_members.includes(p.id)).map((p) => relative(PROJECT_ROOT, dirname(p.manifest_path)));
    throw new SubjectError(`${dir} is a workspace, not a crate: point ${from} at one of its members (${members.join(', ') || 'it has none'})`);
  }
  const lib = pkg.targets.find((t) => t.kind.includes('lib') || t.kind.includes('cdylib'));
  if (!lib)
    throw new SubjectError(
      `${pkg.name} (${dir}) has no library target (src/lib.rs): the suite tests a library, and a binary crate has nothing for a page to load`,
    );
  const kind = lib.crate_types.includes('cdylib') ? 'crate' : 'library';
  const direct = (name: string, dependencyKind: string | null) => pkg.dependencies.some((d) => d.name === name && d.kind === dependencyKind);
  if (kind === 'library' && !direct('wasm-bindgen-test', 'dev')) {
    throw new SubjectError(
      `${pkg.name} (${dir}) is a library crate (no cdylib) with no wasm-bindgen-test in its [dev-dependencies]: it builds no .wasm for the probes and has no #[wasm_bindgen_test] tests to run. ` +
        'Add wasm-bindgen-test to [dev-dependencies] and tests marked #[wasm_bindgen_test] under tests/, or [lib] crate-type = ["cdylib", "rlib"] to build a module',
    );
  }
  if (kind === 'crate' && !direct('wasm-bindgen', null)) {
    throw new SubjectError(
      `${pkg.name} (${dir}) does not depend on wasm-bindgen: the suite loads a crate through wasm-bindgen's JS glue, as a site does. ` +
        'Add wasm-bindgen = "0.2" to [dependencies] and export functions with #[wasm_bindgen]',
    );
  }
  const node = metadata.resolve?.nodes.find((n) => n.id === pkg.id);
  const bindgenId = node?.deps.find((d) => d.name === 'wasm_bindgen')?.pkg;
  // An optional wasm-bindgen that the chosen features leave out resolves to nothing: the lock's is the one a build would get.
  const wasmBindgen = (metadata.packages.find((p) => p.id === bindgenId) ?? metadata.packages.find((p) => p.name === 'wasm-bindgen'))?.version ?? null;
  const probes = settings.probes !== undefined && from !== 'WASM_COMPAT_CRATE' ? resolve(PROJECT_ROOT, settings.probes) : join(dir, 'probes');
  return {
    kind,
    name: pkg.name,
    version: pkg.version,
    crateDir: dir,
    isDemo: dir === DEMO_CRATE,
    pkgDir: pkgDirFor(dir, pkg.name),
    stem: lib.name.replace(/-/g, '_'),
    target: settings.target ?? 'bundler',
    features,
    wasmBindgen,
    probesDir: existsSync(probes) ? probes : null,
    requirementsBaseline:
      settings.requirementsBaseline !== undefined && from !== 'WASM_COMPAT_CRATE'
        ? resolve(PROJECT_ROOT, settings.requirementsBaseline)
        : join(dir, 'wasm-requirements.json'),
    from,
  };
}

function fromPrebuilt(dir: string, settings: SubjectConfig, from: string): Subject {
  const pkgJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; module?: string; main?: string };
  const wasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  if (!wasm) throw new SubjectError(`${dir} has a package.json but no <name>_bg.wasm: it is not a wasm-pack output folder`);
  const stem = wasm.slice(0, -'_bg.wasm'.length);
  if (!existsSync(join(dir, `${stem}.js`))) throw new SubjectError(`${dir} has ${wasm} but not its glue ${stem}.js: it is not a wasm-pack output folder`);
  // wasm-pack's web target defines `__wbg_init`; its bundler glue imports the .wasm as a module.
  const glue = readFileSync(join(dir, `${stem}.js`), 'utf8');
  const target: WasmPackTarget = /__wbg_init|export default/.test(glue) && !glue.includes(`_bg.wasm"`) ? 'web' : 'bundler';
  const bindgen = /wasm-bindgen[^\d]*(\d+\.\d+\.\d+)/.exec(readIfExists(join(dir, 'build-info.json')) ?? '');
  const probes = settings.probes !== undefined && from !== 'WASM_COMPAT_CRATE' ? resolve(PROJECT_ROOT, settings.probes) : join(dir, 'probes');
  return {
    kind: 'prebuilt',
    name: pkgJson.name ?? basename(dir),
    version: pkgJson.version ?? '0.0.0',
    crateDir: null,
    isDemo: false,
    pkgDir: dir,
    stem,
    target,
    features: [],
    wasmBindgen: bindgen?.[1] ?? null,
    probesDir: existsSync(probes) ? probes : null,
    requirementsBaseline: join(dir, 'wasm-requirements.json'),
    from,
  };
}

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** The subject of this run: WASM_COMPAT_CRATE if set, else wasm-compat.config.ts's crate (default crate/). */
export function resolveSubjectFrom(env: NodeJS.ProcessEnv, configured: SubjectConfig = projectConfig()): Subject {
  const fromEnv = readSetting('crate', env)?.trim();
  // WASM_COMPAT_FEATURES=a,b goes with the override: another crate's features are not the config's.
  const features = readSetting('features', env);
  const settings: SubjectConfig = { ...configured, ...(fromEnv ? { features: features ?? [] } : features ? { features } : {}) };
  const from = fromEnv ? 'WASM_COMPAT_CRATE' : 'wasm-compat.config.ts';
  // The override is relative to where the user typed it; the config file, to the project.
  const dir = fromEnv ? resolve(env.INIT_CWD ?? process.cwd(), fromEnv) : resolve(PROJECT_ROOT, settings.crate ?? 'crate');
  const shown = fromEnv ? `WASM_COMPAT_CRATE=${fromEnv}` : `crate: '${settings.crate ?? 'crate'}' in wasm-compat.config.ts`;
  if (!existsSync(dir)) throw new SubjectError(`${shown}: ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) {
    throw new SubjectError(`${shown}: ${dir} is a file; name the crate's folder (with its Cargo.toml) or a wasm-pack output folder`);
  }
  if (existsSync(join(dir, 'Cargo.toml'))) return fromCrate(dir, settings, from);
  if (existsSync(join(dir, 'package.json'))) return fromPrebuilt(dir, settings, from);
  throw new SubjectError(`${shown}: ${dir} is not a crate (no Cargo.toml) nor a wasm-pack output folder (no package.json)`);
}

let cached: { key: string; subject: Subject } | null = null;

/** resolveSubjectFrom(this process's environment), once per process and override. */
export function resolveSubject(): Subject {
  const env = environment();
  const key = `${env[SETTINGS.crate.env] ?? ''}\0${env[SETTINGS.features.env] ?? ''}`;
  if (cached?.key !== key) cached = { key, subject: resolveSubjectFrom(env) };
  return cached.subject;
}

let demo: Subject | null = null;

/** The demo crate (crate/) as a subject, whatever the run's subject is: the benchmarks' WASM-vs-JS
 * pairs time it (they need its TypeScript twins), and the unit tests load its build. */
export function demoSubject(): Subject {
  demo ??= resolveSubjectFrom({}, { crate: 'crate', target: 'bundler', features: [] });
  return demo;
}

/** The subject's .wasm file name and path in its pkg folder (wasm-pack's `<stem>_bg.wasm`); a library crate has none, which is a SubjectError. */
export function subjectWasm(subject: Pick<Subject, 'pkgDir' | 'stem' | 'kind' | 'name'>): { file: string; path: string } {
  if (subject.kind === 'library') throw new SubjectError(libraryHasNoWasm(subject));
  const file = `${subject.stem}_bg.wasm`;
  return { file, path: join(subject.pkgDir, file) };
}

/** The folder that holds the subject's built module (its build-info.json, glue and .wasm), or null for a library crate, which builds none. */
export function modulePkgDir(subject: Pick<Subject, 'pkgDir' | 'kind'>): string | null {
  return subject.kind === 'library' ? null : subject.pkgDir;
}

/** Why a library crate has no .wasm, for whatever asked for one. */
export function libraryHasNoWasm(subject: Pick<Subject, 'name'>): string {
  return `${subject.name} is a library crate (no cdylib): it builds no .wasm. Its #[wasm_bindgen_test] tests are what the suite runs of it; add [lib] crate-type = ["cdylib", "rlib"] to its Cargo.toml for a module`;
}

/** One line naming the subject, for logs and reports. */
export function describeSubject(subject: Subject): string {
  const where = subject.crateDir ?? subject.pkgDir;
  return `${subject.name} ${subject.version} (${relative(PROJECT_ROOT, where) || '.'}${subject.isDemo ? ', the demo crate' : ''}${subject.kind === 'library' ? ', a library crate: no .wasm' : ''}; wasm-bindgen ${subject.wasmBindgen ?? 'unknown'}; target ${subject.target})`;
}
