// A suite that cannot fail on a broken deployment checks nothing. Each fixture of faults.ts is
// served by nginx with the production config and one thing wrong; against it
//   1. the Node-side serving checks must fail with a message naming the cause, and
//   2. the suite itself, `playwright test --project=chromium <serving specs>` with
//      WASM_COMPAT_BASE_URL pointing at it, must exit 1 (Playwright's code for failed tests: a
//      suite killed by its timeout, or one that could not start, does not count as catching the
//      fault), its output naming the cause, and its compat.json showing what still works (the
//      bytes fallback under a wrong MIME type).
// The unbroken controls must pass both, so that a suite failing on everything proves nothing either:
// the production config as the suite serves it, and without the suite's trickle, as a real deployment.
// Chromium on every fixture, Firefox too on the control, the MIME type and the isolation faults,
// WebKitGTK on the console error, and all three on the buffered module; two fixtures at a time, the
// ones with the most engines first. The page runs only what the serving specs judge
// (WASM_COMPAT_PROBES: SERVING_CATEGORIES, as the serving matrix's projects do), and page.spec.ts
// requires that every probe of those categories ran. How the module's bytes arrive and compile
// (ISOLATION_BLIND_PROBES: the streaming pairs, 5 s a page and alone on the machine where an engine
// is judged on them) runs only where the fixture is about it (buffered-wasm, no-trickle); every other
// fixture leaves it out (WASM_COMPAT_SKIP_PROBES), the working control too. Against the production
// config the main suite measures it already, in each engine (chromium@nginx, firefox@nginx,
// webkit@nginx: the same startNginx on the same build), before npm test's lanes start; here it ran
// beside another fixture's suite and the other lane, and in one npm test in nine (2026-12-08) the
// control's Firefox read 0.82, "no saving", on a streaming overlap that measured 0.35-0.50 alone
// (docs/streaming.md): a second judgement of the same server, made where the machine is busiest.
import assert from 'node:assert/strict';
import { runPlaywright } from '../runPlaywright.ts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildHarness } from '../../harness/buildHarness.ts';
import { startNginx } from '../../serving/nginx/nginxServer.ts';
import type { CompatReport } from '../../runner/compatReport.ts';
import { readCompatFile } from '../../runner/readCompat.ts';
import { checkDeployment } from '../../serving/checks/checkDeployment.ts';
import { PRODUCTION_PROFILE } from '../../serving/checks/servingProfile.ts';
import { ISOLATION_BLIND_PROBES, SERVING_CATEGORIES, SERVING_SPECS } from '../../serving/targets/target.ts';
import { BROKEN_DEPLOYMENTS, type BrokenDeployment, NO_TRICKLE, WORKING } from './faults.ts';
import { childEnvironment } from '../../settings/environment.ts';

const SUITE_TIMEOUT_MS = 240_000;

/** Runs the suite (chromium, serving specs) against `url`, into a reports folder of its own. */
async function runSuite(
  url: string,
  scratch: string,
  projects: string[],
  skipProbes: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string; report: CompatReport | null }> {
  const env = childEnvironment({
    WASM_COMPAT_BASE_URL: url,
    WASM_COMPAT_REPORTS_DIR: join(scratch, 'reports'),
    WASM_COMPAT_PROBES: SERVING_CATEGORIES.join(','),
    WASM_COMPAT_SKIP_PROBES: skipProbes.join(','),
    // The fixture is a production deployment: the declared profile is the default one.
    WASM_COMPAT_ISOLATION: undefined,
    WASM_COMPAT_ENCODINGS: undefined,
    WASM_COMPAT_TARGET: undefined,
  });
  const args = [...projects.map((p) => `--project=${p}`), `--output=${join(scratch, 'test-results')}`, ...SERVING_SPECS.map((s) => `tests/specs/${s}`)];
  const run = await runPlaywright(args, env, SUITE_TIMEOUT_MS);
  // No report: the output says why. One that is there but does not parse is an error naming its field.
  const file = join(scratch, 'reports', 'compat.json');
  const report: CompatReport | null = existsSync(file) ? readCompatFile(file) : null;
  return { code: run.status, signal: run.signal, output: run.output, report };
}

let build: string;
before(async () => {
  build = mkdtempSync(join(tmpdir(), 'wasm-compat-build-'));
  await buildHarness(build);
});
after(() => rmSync(build, { recursive: true, force: true }));

const isControl = (fault: BrokenDeployment) => fault === WORKING || fault.control === true;
/** The download-and-compile probes, unless the fixture judges one of them. */
const skippedProbes = (fault: BrokenDeployment) =>
  ISOLATION_BLIND_PROBES.some((id) => id in fault.probes || id in (fault.verdicts ?? {})) ? [] : ISOLATION_BLIND_PROBES;

describe('the suite fails on each broken deployment, naming the cause', { concurrency: 2 }, () => {
  // The runs with the most engines start first, so that no long one is left to run alone at the end.
  [WORKING, NO_TRICKLE, ...BROKEN_DEPLOYMENTS]
    .sort((a, b) => b.projects.length - a.projects.length)
    .forEach((fault: BrokenDeployment) => {
      it(`${fault.name}: ${fault.cause}`, { timeout: SUITE_TIMEOUT_MS + 30_000 }, async () => {
        const server = await startNginx({ root: build, isolation: 'require-corp', ...fault.server });
        const scratch = mkdtempSync(join(tmpdir(), `wasm-compat-${fault.name}-`));
        try {
          const failed = (await checkDeployment(server.url, PRODUCTION_PROFILE)).filter((f) => !f.ok);
          if (fault.nodeMessage === null) assert.deepEqual(failed, [], `${fault.name} passes every Node-side check`);
          else
            assert.ok(
              failed.some((f) => fault.nodeMessage!.test(f.message)),
              `a Node-side check fails saying ${fault.nodeMessage}; failed: ${JSON.stringify(
                failed.map((f) => f.message),
                null,
                2,
              )}`,
            );

          const run = await runSuite(server.url, scratch, fault.projects, skippedProbes(fault));
          const tail = run.output.slice(-6_000);
          assert.equal(
            run.signal,
            null,
            `the suite ran to its end against ${fault.name} (killed by ${run.signal} after ${SUITE_TIMEOUT_MS / 1000} s):\n${tail}`,
          );
          if (isControl(fault)) assert.equal(run.code, 0, `the suite passes against the control ${fault.name}:\n${tail}`);
          else assert.equal(run.code, 1, `the suite fails its tests against ${fault.name} (exit 1; ${run.code} is something else):\n${tail}`);
          for (const message of fault.suiteMessages) assert.match(run.output, message, `the suite's output names the cause (${fault.cause})`);
          for (const project of fault.projects) {
            const probes = run.report?.projects[project]?.probes ?? [];
            assert.ok(probes.length > 0, `compat.json has ${project}'s probes:\n${tail}`);
            for (const [id, status] of Object.entries(fault.probes)) {
              assert.equal(probes.find((p) => p.id === id)?.actual, status, `${id} in ${project} against ${fault.name}`);
            }
            for (const [id, status] of Object.entries(fault.verdicts ?? {})) {
              assert.equal(probes.find((p) => p.id === id)?.status, status, `compat.json's verdict for ${id} in ${project} against ${fault.name}`);
            }
            // Each engine on its own must catch the fault: one engine failing must not cover for another that passed.
            const tests = run.report?.projects[project]?.tests;
            assert.equal(run.report?.projects[project]?.status, 'ran', `${project} ran against ${fault.name}`);
            if (isControl(fault)) assert.equal(tests?.failed, 0, `${project} passes against the control ${fault.name}`);
            else assert.ok((tests?.failed ?? 0) > 0, `${project} fails a test against ${fault.name}: ${JSON.stringify(tests)}`);
          }
        } finally {
          await server.stop();
          rmSync(scratch, { recursive: true, force: true });
        }
      });
    });
});
