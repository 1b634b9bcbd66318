// The subject part of compat.json: which crate ran (name, version, where, wasm-bindgen, the build's
// record), what its module needs (features, the first browser versions that run it), and, per
// project, whether that engine runs it, judged from its own live feature probes.
import { type BuildInfo, readBuildInfo } from '../build/buildInfo.ts';
import { readModuleFeatures } from '../subject/moduleFeatures.ts';
import { type Subject, subjectWasm } from '../subject/resolveSubject.ts';
import type { ProjectRequirementCheck, SubjectReport } from './compatSchema.ts';
import { checkProject, type Requirements, requirementsOf } from './expectations/requirements.ts';
import type { ProbeVerdict } from './expectations/verdict.ts';

export type { SubjectReport } from './compatSchema.ts';

export function subjectReport(subject: Subject): SubjectReport {
  const about = {
    name: subject.name,
    version: subject.version,
    kind: subject.kind,
    path: subject.crateDir ?? subject.pkgDir,
    from: subject.from,
    target: subject.target,
    features: subject.features,
  };
  // A library crate builds no module: nothing to measure or to need features of, and that is not an error.
  if (subject.kind === 'library') return { ...about, wasmBindgen: subject.wasmBindgen, build: null, wasm: null, requirements: null };
  let build: BuildInfo | null = null;
  try {
    build = readBuildInfo(subject.pkgDir);
  } catch {
    build = null;
  }
  const { file, path } = subjectWasm(subject);
  const wasm = build?.wasm.find((w) => w.file === file) ?? null;
  let requirements: Requirements | null = null;
  let requirementsError: string | undefined;
  try {
    requirements = requirementsOf(readModuleFeatures(path));
  } catch (error) {
    requirementsError = (error as Error).message;
  }
  const { wasm: _files, ...record } = build ?? { wasm: [] };
  return {
    ...about,
    wasmBindgen: build?.toolchain.wasmBindgen ?? subject.wasmBindgen,
    build: build ? (record as Omit<BuildInfo, 'wasm'>) : null,
    wasm: wasm ? { file: wasm.file, bytes: wasm.bytes, gzip: wasm.gzip, brotli: wasm.brotli, sha256: wasm.sha256 } : null,
    requirements,
    ...(requirementsError ? { requirementsError } : {}),
  };
}

/** Whether a project's engine runs the module; null where the project ran no feature probes (not run, or a serving-only project). */
export function projectRequirements(report: SubjectReport, probes: ProbeVerdict[]): ProjectRequirementCheck | null {
  // The page's main thread: where a site loads its module (the workers' verdicts are the matrix's).
  const onPage = probes.filter((p) => !p.context);
  if (!report.requirements || !onPage.some((p) => p.category === 'features')) return null;
  return checkProject(report.requirements, onPage);
}
