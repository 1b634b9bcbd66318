// The subject part of compat.json: which crate ran (name, version, where, wasm-bindgen, the build's
// record), what its module needs (features, the first browser versions that run it), and, per
// project, whether that engine runs it, judged from its own live feature probes.
import { type BuildInfo, readBuildInfo } from '../build/buildInfo.ts';
import { readModuleFeatures } from '../subject/moduleFeatures.ts';
import { type Subject, subjectWasm } from '../subject/resolveSubject.ts';
import { checkProject, type ProjectRequirementCheck, type Requirements, requirementsOf } from './expectations/requirements.ts';
import type { ProbeVerdict } from './expectations/verdict.ts';

export interface SubjectReport {
  name: string;
  version: string;
  kind: Subject['kind'];
  /** The crate's folder or the prebuilt folder, as resolved. */
  path: string;
  from: string;
  wasmBindgen: string | null;
  target: Subject['target'];
  features: string[];
  /** The build's record (build-info.json) without its file list, or null when the folder has none. */
  build: Omit<BuildInfo, 'wasm'> | null;
  wasm: { file: string; bytes: number; gzip?: number; brotli?: number; sha256: string } | null;
  requirements: Requirements | null;
  /** Why the requirements could not be read, when they could not. */
  requirementsError?: string;
}

export function subjectReport(subject: Subject): SubjectReport {
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
    name: subject.name,
    version: subject.version,
    kind: subject.kind,
    path: subject.crateDir ?? subject.pkgDir,
    from: subject.from,
    wasmBindgen: build?.toolchain.wasmBindgen ?? subject.wasmBindgen,
    target: subject.target,
    features: subject.features,
    build: build ? (record as Omit<BuildInfo, 'wasm'>) : null,
    wasm: wasm ? { file: wasm.file, bytes: wasm.bytes, gzip: wasm.gzip, brotli: wasm.brotli, sha256: wasm.sha256 } : null,
    requirements,
    ...(requirementsError ? { requirementsError } : {}),
  };
}

/** Whether a project's engine runs the module; null where the project ran no feature probes (not run, or a serving-only project). */
export function projectRequirements(report: SubjectReport, probes: ProbeVerdict[]): ProjectRequirementCheck | null {
  if (!report.requirements || !probes.some((p) => p.category === 'features')) return null;
  return checkProject(report.requirements, probes);
}
