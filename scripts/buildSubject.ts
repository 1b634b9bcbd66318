// npm run build:subject: builds the subject (wasm-compat.config.ts's crate, or WASM_COMPAT_CRATE)
// when its output is stale, as `npx playwright test` would before a run; says which and why.
// `-- --demo` builds the demo crate (crate/) whatever the subject: what setup, npm test's unit
// tests and the benchmarks need.
import { parseArgs } from 'node:util';
import { ensureSubjectBuilt } from '../subject/buildSubject.ts';
import { demoSubject, describeSubject, resolveSubject, SubjectError } from '../subject/resolveSubject.ts';

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
try {
  const subject = values.demo ? demoSubject() : resolveSubject();
  console.log(`subject: ${describeSubject(subject)}`);
  const result = await ensureSubjectBuilt(subject, (line) => console.log(`subject: ${line}`));
  if (subject.kind === 'library')
    console.log(`subject: ${subject.name} is a library crate (no cdylib): no .wasm to build; its #[wasm_bindgen_test] tests build when a run starts`);
  else if (result === 'current') console.log(`subject: ${subject.pkgDir} is current`);
} catch (error) {
  if (!(error instanceof SubjectError)) throw error;
  console.error(`wasm-compat: ${error.message}`);
  process.exitCode = 1;
}
