// The subject, as modules the page imports (vite-plugin-wasm does the loading):
//   virtual:wasm-compat/subject         what the subject is, its .wasm's URL, and how to load its glue
//   virtual:wasm-compat/subject-probes  the crate's own probe files (wasm-compat.config.ts's `probes`)
// so the page names no crate: whichever subject resolveSubject() chose is the one it loads.
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { probeFiles } from './probes/catalog.ts';
import { readModuleFeatures } from '../subject/moduleFeatures.ts';
import { type Subject, subjectWasm } from '../subject/resolveSubject.ts';
import type { SubjectInfo } from './probes/probe.ts';

const SUBJECT = 'virtual:wasm-compat/subject';
const PROBES = 'virtual:wasm-compat/subject-probes';

/** The subject as the page knows it (SubjectInfo), with what its module's file declares about its memory. */
function subjectInfo(subject: Subject, memory: SubjectInfo['memory']): SubjectInfo {
  const { name, version, stem, target, wasmBindgen, isDemo, kind } = subject;
  return { name, version, stem, target, wasmBindgen, isDemo, kind, memory };
}

/** A library crate (no cdylib) builds no .wasm and no glue: the page knows it, and its probes that need the module are not run. */
function librarySubjectModule(subject: Subject): string {
  const why = `${subject.name} is a library crate (no cdylib): it builds no .wasm and no JS glue to load`;
  return [
    `export const subject = ${JSON.stringify(subjectInfo(subject, null))};`,
    'export const wasmUrl = null;',
    `export async function loadGlue() { throw new Error(${JSON.stringify(why)}); }`,
    'export async function loadGlueImports() { return null; }\nexport async function loadRawExports() { return null; }',
  ].join('\n');
}

function subjectModule(subject: Subject): string {
  if (subject.kind === 'library') return librarySubjectModule(subject);
  const file = (name: string) => JSON.stringify(join(subject.pkgDir, name));
  // The declared memory is in the file, not in the JS API (type reflection ships nowhere): read here, judged in the page.
  const declared = readModuleFeatures(subjectWasm(subject).path).memories[0];
  const memory = declared
    ? { imported: declared.imported, initialPages: declared.initialPages, maximumPages: declared.maximumPages, shared: declared.shared }
    : null;
  const info = subjectInfo(subject, memory);
  const bundler = subject.target === 'bundler';
  return [
    `export const subject = ${JSON.stringify(info)};`,
    `export { default as wasmUrl } from ${file(`${subject.stem}_bg.wasm?url`)};`,
    // bundler: importing the glue makes vite-plugin-wasm fetch and instantiate the .wasm (ESM integration);
    // web: the glue's own init() fetches it (instantiateStreaming, with a fallback).
    bundler
      ? `export async function loadGlue() { return import(${file(`${subject.stem}.js`)}); }`
      : `import wasmUrlForInit from ${file(`${subject.stem}_bg.wasm?url`)};\nexport async function loadGlue() { const m = await import(${file(`${subject.stem}.js`)}); await m.default({ module_or_path: wasmUrlForInit }); return m; }`,
    // The import object the glue gives the .wasm, and the page instance's raw exports (same module, same instance).
    bundler
      ? `export async function loadGlueImports() { return { ${JSON.stringify(`./${subject.stem}_bg.js`)}: await import(${file(`${subject.stem}_bg.js`)}) }; }\nexport async function loadRawExports() { return import(${file(`${subject.stem}_bg.wasm`)}); }`
      : 'export async function loadGlueImports() { return null; }\nexport async function loadRawExports() { return null; }',
  ].join('\n');
}

function probesModule(probesDir: string | null): string {
  // The same files, by the same rule, as the specs require (probes/catalog.ts).
  const files = probesDir ? probeFiles([probesDir]) : [];
  return [
    ...files.map((f, i) => `import p${i} from ${JSON.stringify(f.file)};`),
    `export default [${files.map((f, i) => `[${JSON.stringify(relative(probesDir!, f.file))}, p${i}]`).join(', ')}];`,
  ].join('\n');
}

export function subjectPlugin(subject: Subject): Plugin {
  return {
    name: 'wasm-compat:subject',
    resolveId(id) {
      return id === SUBJECT || id === PROBES ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${SUBJECT}`) return subjectModule(subject);
      if (id === `\0${PROBES}`) return probesModule(subject.probesDir);
      return null;
    },
  };
}
