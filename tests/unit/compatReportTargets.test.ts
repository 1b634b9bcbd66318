// compat.json says which target each project ran against, where it answered, and what the
// Node-side serving checks found (runner/compatReport.ts), on stored results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../deploy/headerRules.ts';
import { addTestResult, emptyProject, projectTarget } from '../../runner/compatReport.ts';
import { recordFindings } from '../../runner/testRecord.ts';
import { nginxTarget } from '../../serving/targets/nginxTarget.ts';
import { targetRecord } from '../../serving/targets/target.ts';
import { recordedTest } from './recordedTest.ts';

test("a project's target: its record from the project's options and the URL it answered on", () => {
  const target = targetRecord(nginxTarget('credentialless'));
  assert.deepEqual(projectTarget(target, 'http://127.0.0.1:41969/'), {
    name: 'credentialless',
    kind: 'nginx',
    description: 'nginx (deploy/nginx.conf), COOP same-origin + COEP credentialless',
    harnessUrl: 'http://127.0.0.1:41969/',
    isolation: 'credentialless',
  });
});

test('the serving findings of a project are counted once, failures kept with their cause', async () => {
  const findings: Finding[] = [
    { check: 'content-type', subject: 'a.wasm', ok: false, message: 'Content-Type of a.wasm: served as "application/octet-stream"' },
    { check: 'coop', subject: 'the page', ok: true, message: 'Cross-Origin-Opener-Policy: same-origin' },
  ];
  const t = recordedTest();
  await recordFindings(t.testInfo, findings);
  const project = emptyProject();
  addTestResult(project, { annotations: [] }, t.result('failed'));
  addTestResult(project, { annotations: [] }, t.result('failed'));
  assert.deepEqual(project.serving, { passed: 1, failed: 1, findings });
});
