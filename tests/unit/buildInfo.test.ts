// build-info.json must describe the files that are really on disk.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { measureWasm, sha256 } from '../../build/wasmSizes.ts';
import type { BuildInfo } from '../../build/buildInfo.ts';
import { benchedPkgDir } from '../../benches/benchedBuild.ts';

const pkgDir = benchedPkgDir();
const info = JSON.parse(readFileSync(join(pkgDir, 'build-info.json'), 'utf8')) as BuildInfo;

test('build-info.json names the build', () => {
  assert.equal(info.crate.name, 'wasm-compat');
  assert.match(info.mode, /^(dev|release|profiling)$/);
  assert.match(info.target, /^(web|bundler|nodejs)$/);
  assert.match(info.toolchain.rustc, /^rustc \d+\.\d+/);
  assert.match(info.toolchain.wasmPack, /^\d+\.\d+\.\d+/);
  const pinned = /^wasm-bindgen = "=([\d.]+)"/m.exec(readFileSync('crate/Cargo.toml', 'utf8'))?.[1];
  assert.equal(info.toolchain.wasmBindgen, pinned, 'wasm-bindgen-cli is the version the crate pins');
  assert.ok(!Number.isNaN(Date.parse(info.builtAt)));
});

test('every .wasm on disk is listed, with its real sizes and SHA-256', () => {
  const onDisk = readdirSync(pkgDir)
    .filter((f) => f.endsWith('.wasm'))
    .sort();
  assert.deepEqual(info.wasm.map((w) => w.file).sort(), onDisk);
  for (const entry of info.wasm) {
    const { file, ...recorded } = entry;
    const actual = measureWasm(join(pkgDir, file));
    assert.deepEqual({ bytes: recorded.bytes, gzip: recorded.gzip, brotli: recorded.brotli, sha256: recorded.sha256 }, actual, file);
    assert.equal(readFileSync(join(pkgDir, `${file}.sha256`), 'utf8'), `${actual.sha256}  ${file}\n`, `${file}.sha256`);
  }
});

test('precompressed copies, where present, decompress to the .wasm itself', () => {
  for (const { file, sha256: expected } of info.wasm) {
    const path = join(pkgDir, file);
    if (existsSync(`${path}.gz`)) assert.equal(sha256(gunzipSync(readFileSync(`${path}.gz`))), expected, `${file}.gz`);
    if (existsSync(`${path}.br`)) assert.equal(sha256(brotliDecompressSync(readFileSync(`${path}.br`))), expected, `${file}.br`);
  }
});
