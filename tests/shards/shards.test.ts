// A run split over Playwright's shards (`--shard=i/n`), each shard a process of its own with its own
// reports folder as a machine of its own would have, merged by `npm run report -- --merge`: the
// merged compat.json holds the same verdicts as the projects run unsharded (every probe's status,
// every Rust test's, the counts, features.json's shape, whether the engine runs the module), and the
// shards' blob reports merge into one JUnit with the unsharded runs' test cases. With 2 shards each
// of the two projects runs whole in a shard of its own, as CI's per-engine jobs run them: those are
// the unsharded runs the merges are held to (a first run of both projects in one process, which this
// test made before, held the merge to the same verdicts for one more run of both engines). With 3
// shards Playwright splits a project's spec files between two shards, so the merge must join one
// project's parts into what the project's unsharded run found.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CompatReport, ProjectReport } from '../../runner/compatReport.ts';
import { verdictKey } from '../../runner/expectations/verdict.ts';
import { readCompatFile } from '../../runner/readCompat.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { runPlaywright } from '../runPlaywright.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-shards-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Two engines, three probe categories and one Rust-test mode: every kind of result, in a short run. */
const PROJECTS = ['--project=chromium', '--project=firefox'];
const env = (reports: string) =>
  childEnvironment({
    WASM_COMPAT_REPORTS_DIR: reports,
    WASM_COMPAT_MATRIX: '0',
    WASM_COMPAT_PROBES: 'environment,features,errors',
    WASM_COMPAT_RUST_MODES: 'main thread',
    WASM_COMPAT_BLOB_REPORT: '1',
  });

/** The config's own reporters (a --reporter would replace them): JUnit and the blob report among them. */
async function run(name: string, shard?: string): Promise<string> {
  const reports = join(scratch, name);
  const r = await runPlaywright([...PROJECTS, ...(shard ? [`--shard=${shard}`] : []), `--output=${join(scratch, `${name}-results`)}`], env(reports), 300_000);
  assert.equal(r.status, 0, `${name}: ${r.output.slice(-3000)}`);
  return reports;
}

function merge(name: string, shards: string[]): CompatReport {
  const reports = join(scratch, name);
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/report.ts', '--merge', ...shards.map((s) => join(s, 'compat.json'))], {
    cwd: PROJECT_ROOT,
    env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: reports }),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return readCompatFile(join(reports, 'compat.json'));
}

/** What a run found in a project, without when or how long: what must not change with sharding. */
function verdicts(p: ProjectReport) {
  return {
    status: p.status,
    engine: `${p.engine?.engine} ${p.engine?.version}`,
    tests: p.tests,
    summary: p.summary,
    probes: p.probes.map((v) => `${verdictKey(v)}: ${v.status}`).sort(),
    rustTests: (p.rustTests ?? []).map((t) => `${t.target}::${t.name} (${t.mode}): ${t.status}`).sort(),
    features: p.features,
    requirements: p.requirements ?? null,
  };
}

/** The test cases of the JUnit file Playwright's merge-reports makes of the shards' blob reports. */
function mergedJunitCases(name: string, shards: string[]): string[] {
  const blobs = join(scratch, `${name}-blobs`);
  mkdirSync(blobs, { recursive: true });
  for (const s of shards) for (const f of readdirSync(join(s, 'blob'))) cpSync(join(s, 'blob', f), join(blobs, f));
  const out = join(scratch, `${name}-junit.xml`);
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/playwright'), ['merge-reports', '--reporter', 'junit', blobs], {
    cwd: PROJECT_ROOT,
    env: childEnvironment({ PLAYWRIGHT_JUNIT_OUTPUT_NAME: out }),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return junitCases(readFileSync(out, 'utf8'));
}

const junitCases = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"/g)].map((m) => `${m[2]} › ${m[1]}`).sort();

/** At once, as CI's machines run them: each shard is a process with its own reports folder. */
const runShards = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => run(`shard-${i + 1}-of-${n}`, `${i + 1}/${n}`)));
const projectsOf = (reports: CompatReport[]) => reports.map((r) => Object.keys(r.projects));
const compatOf = (shards: string[]) => shards.map((s) => readCompatFile(join(s, 'compat.json')));

/** Each project as its unsharded run found it, and the test cases of those runs. */
let unsharded: CompatReport['projects'];
let unshardedCases: string[];
let twoShards: string[];
before(async () => {
  twoShards = await runShards(2);
  const reports = compatOf(twoShards);
  assert.deepEqual(projectsOf(reports), [['chromium'], ['firefox']], 'with 2 shards each project runs whole in a shard of its own');
  unsharded = Object.assign({}, ...reports.map((r) => r.projects));
  unshardedCases = twoShards.flatMap((s) => junitCases(readFileSync(join(s, 'junit.xml'), 'utf8'))).sort();
  assert.ok(unsharded.chromium!.rustTests?.length, 'the Rust tests ran');
});

function assertMergesToUnsharded(n: number, shards: string[]): void {
  const merged = merge(`merged-${n}`, shards);
  assert.deepEqual(Object.keys(merged.projects).sort(), Object.keys(unsharded).sort());
  for (const name of Object.keys(unsharded)) assert.deepEqual(verdicts(merged.projects[name]!), verdicts(unsharded[name]!), name);
  assert.deepEqual(mergedJunitCases(`merged-${n}`, shards), unshardedCases);
}

test('2 shards, a project whole in each, merge into their verdicts, and their blobs into their JUnit', () => {
  assertMergesToUnsharded(2, twoShards);
});

test("3 shards, each its own process and reports folder, one project's specs split between two, merge into the unsharded runs' verdicts, and their blobs into their JUnit", async () => {
  const shards = await runShards(3);
  const parts = projectsOf(compatOf(shards));
  assert.ok(parts.filter((p) => p.includes('chromium')).length > 1, `3 shards split chromium's specs: ${JSON.stringify(parts)}`);
  assertMergesToUnsharded(3, shards);
});
