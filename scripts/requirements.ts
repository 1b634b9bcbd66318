// npm run requirements: what the subject's module needs, and the first version of each browser
// that runs it (docs/your-crate.md).
//
//   npm run requirements                    the table, for wasm-compat.config.ts's crate or WASM_COMPAT_CRATE
//   npm run requirements -- --check         fails when the module needs a feature the baseline does not list
//   npm run requirements -- --write         records the baseline (<crate>/wasm-requirements.json by default)
//   --wasm <file>                           read this .wasm instead of the subject's build
//   --baseline <file>                       another baseline file
//   --json                                  the requirements as JSON on stdout
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import {
  BROWSER_NAMES,
  compareWithBaseline,
  describeChange,
  type Requirements,
  type RequirementsBaseline,
  requirementsOf,
  toBaseline,
} from '../runner/expectations/requirements.ts';
import { ensureSubjectBuilt } from '../subject/buildSubject.ts';
import { readModuleFeatures } from '../subject/moduleFeatures.ts';
import { describeSubject, resolveSubject, SubjectError, subjectWasm } from '../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';

function table(requirements: Requirements): string {
  const head = ['feature', ...BROWSER_NAMES];
  const rows = requirements.features.map((f) => [f.feature, ...BROWSER_NAMES.map((b) => f.versions[b] ?? 'none')]);
  rows.push(['minimum', ...BROWSER_NAMES.map((b) => requirements.minimum[b].version ?? 'none')]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(r.map(String)))].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean' }, write: { type: 'boolean' }, json: { type: 'boolean' }, wasm: { type: 'string' }, baseline: { type: 'string' } },
  });
  const subject = resolveSubject();
  if (!values.wasm) await ensureSubjectBuilt(subject, (line) => console.error(`requirements: ${line}`));
  const wasm = values.wasm ?? subjectWasm(subject).path;
  const module = readModuleFeatures(wasm);
  const requirements = requirementsOf(module);
  const baselinePath = values.baseline ?? subject.requirementsBaseline;
  const name = `${subject.name} ${subject.version}`;

  if (values.json) console.log(JSON.stringify({ subject: name, wasm, requirements }, null, 2));
  else {
    console.log(`${describeSubject(subject)}\n${relative(PROJECT_ROOT, wasm) || wasm}: ${module.bytes} bytes\n`);
    console.log(table(requirements));
    console.log('\nwhy each feature is needed (wasmparser, validating with that feature off):');
    for (const f of requirements.features) console.log(`  ${f.feature}: ${f.evidence}`);
    for (const b of BROWSER_NAMES) {
      const m = requirements.minimum[b];
      if (m.limitedBy.length > 0) console.log(`  ${b} ${m.version ?? '(none)'}: set by ${m.limitedBy.join(', ')}`);
    }
    console.log('\nversions: runner/expectations/features.ts (webassembly.org/features and release notes); Edge follows Chromium since 79.');
  }

  if (values.write) {
    writeJsonAtomic(baselinePath, toBaseline(name, requirements));
    console.error(`requirements: baseline written to ${relative(PROJECT_ROOT, baselinePath)}`);
  }
  if (values.check) {
    if (!existsSync(baselinePath)) {
      console.error(`requirements --check: no baseline at ${relative(PROJECT_ROOT, baselinePath)}; record one with npm run requirements -- --write`);
      return 1;
    }
    const baseline = JSON.parse(readFileSync(baselinePath, 'utf8')) as RequirementsBaseline;
    const change = compareWithBaseline(baseline, requirements);
    for (const gone of change.removed) console.error(`requirements --check: ${name} no longer needs ${gone} (npm run requirements -- --write records it)`);
    if (change.added.length > 0) {
      for (const line of describeChange(name, change)) console.error(`requirements --check: FAIL: ${line}`);
      return 1;
    }
    console.error(`requirements --check: ${name} needs nothing beyond ${relative(PROJECT_ROOT, baselinePath)}`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof SubjectError)) throw error;
  console.error(`requirements: ${error.message}`);
  process.exitCode = 1;
}
