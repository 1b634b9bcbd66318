// The Dockerfiles, checked without a Docker engine: valid, non-root, health-checked, in step with scripts/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintDockerfile } from '../../scripts/lint-dockerfiles.ts';

test('Dockerfile.frontend and Dockerfile.runner pass the lint', () => {
  for (const file of ['Dockerfile.frontend', 'Dockerfile.runner']) assert.deepEqual(lintDockerfile(file, readFileSync(file, 'utf8')), [], file);
});

test('the lint catches a root final stage, a missing health check and a renamed script', () => {
  const bad = 'FROM alpine:3.20 AS build\nUSER nobody\nFROM alpine:3.20\nRUN bash scripts/renamed.sh && npm run nothing-here\nCMD ["true"]\n';
  assert.deepEqual(lintDockerfile('Dockerfile.frontend', bad), [
    'the final stage must switch to a non-root USER',
    'the frontend image needs a HEALTHCHECK',
    'calls `npm run nothing-here`, which package.json does not define',
    'uses scripts/renamed.sh, which does not exist',
  ]);
});

test('the frontend image serves the repo nginx config, rendered by the script the suite uses', () => {
  const text = readFileSync('Dockerfile.frontend', 'utf8');
  assert.match(text, /scripts\/serve-nginx\.ts --print-config/);
  assert.match(text, /nginx-mod-http-brotli/);
  assert.match(text, /^USER nginx$/m);
});
