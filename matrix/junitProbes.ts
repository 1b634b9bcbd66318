// reports/junit-probes.xml: one <testcase> per probe (and per requirement of the subject's module)
// per project, for CI systems that read JUnit. Playwright's own junit.xml has one testcase per
// spec test, which holds a category's probes; this one names each probe. A verdict that fails the
// run (fail, unsupported unexpectedly, a pass where unsupported was expected) is a <failure>; an
// expected "unsupported" and a project that did not run are <skipped> with the reason.
import { escapeHtml } from '../reporting/escapeHtml.ts';
import type { CompatReport } from '../runner/compatReport.ts';
import { buildMatrix, FAILING } from './matrixModel.ts';

// XML 1.0 has no place for most control characters, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are removed.
const escapeXml = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));

export function junitProbes(report: CompatReport): string {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let skipped = 0;
  for (const group of buildMatrix(report)) {
    for (const column of group.columns) {
      const cases: string[] = [];
      let f = 0;
      let s = 0;
      for (const section of group.sections) {
        // The crate's own Rust tests are Playwright tests already: junit.xml has them, once.
        if (section.kind === 'rust-tests') continue;
        for (const row of section.rows) {
          const cell = row.cells[column.project]!;
          const name = `${row.id.replace(/#.*/, '')}${row.id.includes('#') ? ` (${row.id.split('#')[1]})` : ''}: ${row.label}`;
          const open = `    <testcase classname="${escapeXml(`${column.project}.${section.title}`)}" name="${escapeXml(name)}">`;
          if (FAILING.has(cell.kind)) {
            f++;
            cases.push(`${open}\n      <failure message="${escapeXml(cell.text)}" type="${cell.kind}">${escapeXml(cell.detail)}</failure>\n    </testcase>`);
          } else if (cell.kind !== 'pass') {
            s++;
            cases.push(`${open}\n      <skipped message="${escapeXml(`${cell.text}: ${cell.detail}`)}"/>\n    </testcase>`);
          } else cases.push(`${open}\n      <system-out>${escapeXml(cell.detail)}</system-out>\n    </testcase>`);
        }
      }
      const engine = column.engine ? `${column.engine} ${column.version}` : `not run: ${column.reason ?? ''}`;
      suites.push(
        `  <testsuite name="${escapeXml(`${column.project} (${engine})`)}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}" timestamp="${report.generatedAt}">\n${cases.join('\n')}\n  </testsuite>`,
      );
      total += cases.length;
      failures += f;
      skipped += s;
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="wasm-compat probes" tests="${total}" failures="${failures}" errors="0" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
