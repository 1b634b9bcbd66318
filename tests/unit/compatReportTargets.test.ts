// compat.json says which target each project ran against and what the Node-side serving checks
// found (tests/reporters/compatReporter.ts), on stored results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestResult } from '@playwright/test/reporter';
import type { Finding } from '../../harness/headerRules.ts';
import { addTestResult, emptyProject, projectTarget } from '../reporters/compatReporter.ts';
import { SERVING_ATTACHMENT } from '../serving/checkDeployment.ts';

const fallback = { target: 'preview', targetIsolation: 'require-corp' };

test("a project's target comes from its options, else the run's default target", () => {
  const use = {
    harnessUrl: 'http://127.0.0.1:4181/',
    targetIsolation: 'credentialless',
    target: { name: 'credentialless', kind: 'nginx', description: 'nginx (deploy/nginx.conf) at http://127.0.0.1:4181/, COOP same-origin + COEP credentialless' },
  };
  assert.deepEqual(projectTarget(use, fallback), {
    name: 'credentialless',
    kind: 'nginx',
    description: use.target.description,
    harnessUrl: 'http://127.0.0.1:4181/',
    isolation: 'credentialless',
  });
  assert.deepEqual(projectTarget({}, fallback), { name: 'preview', kind: 'unknown', description: 'preview', harnessUrl: null, isolation: 'require-corp' });
});

test('the serving findings of a project are counted once, failures kept with their cause', () => {
  const findings: Finding[] = [
    { check: 'content-type', subject: 'a.wasm', ok: false, message: 'Content-Type of a.wasm: served as "application/octet-stream"' },
    { check: 'coop', subject: 'the page', ok: true, message: 'Cross-Origin-Opener-Policy: same-origin' },
  ];
  const result = { status: 'failed', annotations: [], attachments: [{ name: SERVING_ATTACHMENT, contentType: 'application/json', body: Buffer.from(JSON.stringify(findings)) }] } as unknown as TestResult;
  const project = emptyProject(projectTarget({}, fallback));
  addTestResult(project, { annotations: [] }, result);
  addTestResult(project, { annotations: [] }, result);
  assert.deepEqual(project.serving, { passed: 1, failed: 1, findings });
  assert.equal(project.target?.name, 'preview');
});
