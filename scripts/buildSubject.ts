// npm run build:subject: builds the subject (wasm-compat.config.ts's crate, or WASM_COMPAT_CRATE)
// when its output is stale, as `npx playwright test` would before a run; says which and why.
import { ensureSubjectBuilt } from '../subject/buildSubject.ts';
import { describeSubject, resolveSubject, SubjectError } from '../subject/resolveSubject.ts';

try {
  const subject = resolveSubject();
  console.log(`subject: ${describeSubject(subject)}`);
  const result = await ensureSubjectBuilt(subject, (line) => console.log(`subject: ${line}`));
  if (result === 'current') console.log(`subject: ${subject.pkgDir} is current`);
} catch (error) {
  if (!(error instanceof SubjectError)) throw error;
  console.error(`wasm-compat: ${error.message}`);
  process.exitCode = 1;
}
