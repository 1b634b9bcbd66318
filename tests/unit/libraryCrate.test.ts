// A library crate (no cdylib: it builds no .wasm) as the page and the reports see it: the page runs
// a probe that needs the subject's module only where there is one and lists the rest as not run,
// with why; a probe that reads the module without saying so fails loudly instead of passing on
// nothing; the harness build records no crate; the matrix, JUnit and wptreport show "not run" with
// the reason, never a status word the probe did not report. The run through real engines is in
// tests/subject/rustTests.test.ts (tests/fixtures/contexts-crate is a library crate).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { DEMO_PROBES_DIR, PROBES_DIR, probeFiles } from '../../harness/probes/catalog.ts';
import { type ProbeContext, type ProbeDefinition, type SubjectInfo, subjectWasmUrl } from '../../harness/probes/probe.ts';
import { whyNotRun } from '../../harness/probes/runProbe.ts';
import { harnessBuildInfo } from '../../harness/harnessBuildInfo.ts';
import { junitProbes } from '../../matrix/junitProbes.ts';
import { buildMatrix } from '../../matrix/matrixModel.ts';
import { readRun } from '../../matrix/readRun.ts';
import { wptReport } from '../../matrix/wptReport.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-library-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const library: SubjectInfo = {
  name: 'a-library',
  version: '0.1.0',
  stem: 'a_library',
  target: 'bundler',
  wasmBindgen: '0.2.130',
  isDemo: false,
  kind: 'library',
  memory: null,
};
const noModule: Pick<ProbeContext, 'wasmUrl' | 'subject'> = { subject: library, wasmUrl: null };
const withModule: Pick<ProbeContext, 'wasmUrl' | 'subject'> = { subject: { ...library, kind: 'crate' }, wasmUrl: '/assets/a_library_bg.wasm' };

test('the page runs a probe that needs the subject module only where there is one, and names why not', () => {
  assert.equal(whyNotRun({ needsSubjectModule: true }, withModule), null);
  assert.equal(whyNotRun({}, noModule), null, 'a generic probe runs on a library crate');
  assert.equal(
    whyNotRun({ needsSubjectModule: true }, noModule),
    'a-library is a library crate (no cdylib): it builds no .wasm for this probe to load; its Rust tests are what runs of it',
  );
});

test('a probe that reads the module without declaring it fails on a library crate, naming the omission', () => {
  assert.equal(subjectWasmUrl(withModule), '/assets/a_library_bg.wasm');
  assert.throws(() => subjectWasmUrl(noModule), /a-library builds no \.wasm \(a library subject\), and this probe does not declare needsSubjectModule/);
});

test("every probe that reads the subject's .wasm or calls its glue declares needsSubjectModule", async () => {
  const dirs = [PROBES_DIR, DEMO_PROBES_DIR, join(PROJECT_ROOT, 'examples', 'web-apis', 'probes')];
  const readers = [];
  for (const p of probeFiles(dirs)) {
    const source = readFileSync(p.file, 'utf8');
    if (!/subjectWasmUrl\(|\b(crate|demo)Probe(<[^>]*>)?\(/.test(source)) continue;
    const definition = ((await import(pathToFileURL(p.file).href)) as { default: ProbeDefinition }).default;
    assert.equal(definition.needsSubjectModule, true, `${p.id} (${p.file}) reads the subject's module but does not say so`);
    readers.push(p.id);
  }
  // The loading, serving and memory probes of the subject's own .wasm, and every crate probe: not an empty check.
  for (const id of ['loading.instantiateStreaming', 'loading.esmIntegration', 'serving.wasmIntegrity', 'memory.subjectMemory', 'execution.twins'])
    assert.ok(readers.includes(id), `${id} among ${readers.join(', ')}`);
});

test("a library crate's harness build records no crate and lists every served file as the suite's own", () => {
  const served = [
    { path: 'assets/index-abc.js', bytes: 10, sha256: 'a' },
    { path: 'assets/growDirect-def.wasm', bytes: 20, sha256: 'b' },
  ];
  const info = harnessBuildInfo(null, served, new Date('2026-12-06T00:00:00Z'));
  assert.deepEqual([info.crate, info.wasm, info.files], [null, [], served]);
});

test('a probe not run is "not run" with its reason in the matrix, skipped in JUnit and NOTRUN in wptreport', () => {
  const { report } = readRun(fileURLToPath(new URL('../fixtures/compat/all-pass.json', import.meta.url)));
  const project = Object.keys(report.projects)[0]!;
  const p = report.projects[project]!;
  const reason = 'a-library is a library crate (no cdylib): it builds no .wasm for this probe to load';
  p.probes = p.probes.filter((v) => v.id !== 'serving.wasmMimeType');
  p.probesNotRun = [{ id: 'serving.wasmMimeType', title: 'Every .wasm is served as application/wasm', category: 'serving', reason }];

  const cell = buildMatrix(report)
    .flatMap((g) => g.sections)
    .flatMap((s) => s.rows)
    .find((r) => r.id === 'serving.wasmMimeType')?.cells[project];
  assert.deepEqual([cell?.kind, cell?.text, cell?.detail], ['not-run', 'not run', reason]);

  const { parse } = createRequire(import.meta.url)('test-results-parser') as {
    parse(o: { type: 'junit'; files: string[] }): { suites: Array<{ name: string; cases: Array<{ name: string; status: string }> }> };
  };
  const file = join(scratch, 'junit.xml');
  writeFileSync(file, junitProbes(report));
  const junitCase = parse({ type: 'junit', files: [file] })
    .suites.find((s) => s.name.startsWith(`${project} (`))
    ?.cases.find((c) => c.name.startsWith('serving.wasmMimeType'));
  assert.equal(junitCase?.status, 'SKIP');

  const subtest = wptReport(report, project)
    ?.results.flatMap((r) => r.subtests)
    .find((t) => t.name === 'serving.wasmMimeType');
  assert.deepEqual(subtest, { name: 'serving.wasmMimeType', status: 'NOTRUN', message: reason });
});
