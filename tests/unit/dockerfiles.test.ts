// The Dockerfiles, checked without a Docker engine: valid, non-root, health-checked, in step with scripts/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintDockerfile } from '../../scripts/lint-dockerfiles.ts';
import { scratchDir } from '../scratchDir.ts';

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
  assert.match(text, /serving\/serve\.ts nginx --print-config/);
  assert.match(text, /nginx-mod-http-brotli/);
  assert.match(text, /^USER nginx$/m);
});

test('the config the frontend image renders is one nginx accepts, listening on all interfaces', (t) => {
  const run = /RUN (npx tsx serving\/serve\.ts nginx --print-config[^>]*)>/s.exec(readFileSync('Dockerfile.frontend', 'utf8'))?.[1];
  assert.ok(run, 'Dockerfile.frontend renders deploy/nginx.conf with serving/serve.ts');
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!nginx) {
    t.skip('nginx is not installed (scripts/setup.sh installs it)');
    return;
  }
  // The same command, with the prefix moved to a scratch folder nginx -t can write to.
  const prefix = scratchDir('docker-nginx-');
  // The folders the image creates for it (mkdir -p /tmp/nginx/logs /tmp/nginx/temp).
  assert.match(readFileSync('Dockerfile.frontend', 'utf8'), /mkdir -p \/tmp\/nginx\/logs \/tmp\/nginx\/temp/);
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'temp'));
  const args = run
    .replace(/\\\n/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(2)
    .map((a) => (a === '/tmp/nginx' ? prefix : a));
  const conf = execFileSync('node_modules/.bin/tsx', args, { encoding: 'utf8' });
  assert.match(conf, /^\s*listen 0\.0\.0\.0:8080;/m);
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  execFileSync(nginx, ['-t', '-q', '-c', join(prefix, 'nginx.conf'), '-p', prefix], { stdio: 'pipe' });
});
