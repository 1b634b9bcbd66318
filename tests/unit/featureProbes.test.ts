// The contract test over every feature probe (harness/probes/features/<name>.ts, id features.<name>), in
// Node: one expectation per probe, the wasm-feature-detect detectors covered (the features.json keys:
// featuresTable.test.ts, against webassembly.org's table), a
// run that never throws and reports a consistent outcome, and the known answers of what this Node's
// V8 ships (their modules: probeModules.test.ts). Run with build/wat/register.ts (the probes import .wat).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import * as wasmFeatureDetect from 'wasm-feature-detect';
import { loadProbes, PROBES_DIR } from '../../harness/probes/catalog.ts';
import { runFeature } from '../../harness/probes/featureProbe.ts';
import { contextWithoutSubject, type ProbeContext, type ProbeOutcome } from '../../harness/probes/probe.ts';
import { FEATURE_EXPECTATIONS, expectedSupport } from '../../runner/expectations/features.ts';
import { NEEDS_A_PAGE, SHIPPED_BY_NODE, V8_DESCRIBED, V8_FLAGS } from './nodeWasmFeatures.ts';

const probes = await loadProbes((p) => p.category === 'features');
const FEATURES_DIR = join(PROBES_DIR, 'features');
// Feature probes do not read the context; a run outside the page gets an empty one.
const CONTEXT: ProbeContext = contextWithoutSubject('not loaded in the unit test');

/** wasm-feature-detect 1.9.0 exports whose probe file has another name (it carries the export's features.json key instead). */
const DETECTOR_PROBE: Record<string, string> = { signExtensions: 'features.signExtension', exceptionsFinal: 'features.exnref' };

function assertOutcome(outcome: ProbeOutcome, id: string): void {
  assert.ok(['pass', 'fail', 'unsupported'].includes(outcome.status), `${id}: status ${outcome.status}`);
  assert.equal(typeof outcome.detail, 'string');
  assert.ok(outcome.detail.length > 0 && !outcome.detail.includes('\n'), `${id}: detail is one line`);
  assert.equal(typeof outcome.validates, 'boolean', `${id}: validates is reported`);
  assert.ok([true, false, null].includes(outcome.computesCorrectly as boolean | null), `${id}: computesCorrectly is reported`);
  if (outcome.status === 'pass')
    assert.ok(outcome.validates && outcome.computesCorrectly !== false, `${id}: pass means it validates and did not compute wrong`);
  if (outcome.status === 'fail') assert.ok(outcome.validates && outcome.computesCorrectly === false, `${id}: fail means it validates and computed wrong`);
  if (outcome.status === 'unsupported') assert.equal(outcome.computesCorrectly, null, `${id}: unsupported computes nothing`);
  assert.doesNotThrow(() => JSON.stringify(outcome), `${id}: outcome is JSON-serialisable`);
}

describe('feature probe files', () => {
  test('every feature probe has an expectation, and every expectation a probe', () => {
    assert.deepEqual(Object.keys(FEATURE_EXPECTATIONS).sort(), probes.map((p) => p.id).sort());
  });

  test('every wasm-feature-detect 1.9.0 detector has a probe', () => {
    const detectors = Object.keys(wasmFeatureDetect);
    assert.ok(detectors.length >= 23, `wasm-feature-detect exports ${detectors.join(', ')}`);
    const ids = new Set(probes.map((p) => p.id));
    assert.deepEqual(
      detectors.filter((name) => !ids.has(DETECTOR_PROBE[name] ?? `features.${name}`)),
      [],
    );
  });

  test('every feature probe with a module has it as <name>.wat beside it, and every .wat has its probe', () => {
    const wat = readdirSync(FEATURES_DIR)
      .filter((f) => f.endsWith('.wat'))
      .map((f) => f.slice(0, -4));
    for (const name of wat) assert.ok(existsSync(join(FEATURES_DIR, `${name}.ts`)), `${name}.wat has no ${name}.ts`);
    for (const p of probes) {
      const name = p.id.slice('features.'.length);
      const source = readFileSync(join(FEATURES_DIR, `${name}.ts`), 'utf8');
      if (p.id === 'features.typeReflection') {
        assert.ok(!wat.includes(name), 'typeReflection is JS API only');
        continue;
      }
      assert.match(source, new RegExp(`^import wasm from '\\./${name}\\.wat';$`, 'm'), `${p.id} imports its module from ${name}.wat`);
      assert.doesNotMatch(source, /new Uint8Array\(\[/, `${p.id}: no hand-assembled bytes`);
    }
  });

  for (const probe of probes) {
    test(`${probe.id}: default export is a feature probe`, () => {
      assert.match(probe.id, /^features\.[a-zA-Z0-9]+$/);
      assert.equal(probe.category, 'features');
      assert.ok(typeof probe.proposal === 'string' && probe.proposal.length > 0, 'proposal is named');
      assert.ok(probe.title.length > 0);
      assert.equal(probe.needsWebAssembly, true);
      assert.equal(typeof probe.run, 'function');
    });
  }
});

// The assertions below describe the running Node's V8 line (nodeWasmFeatures.ts: an unknown line is an error there).
describe(`feature probes on this Node (${process.version}, V8 ${process.versions.v8}, facts of ${V8_DESCRIBED})`, () => {
  for (const probe of probes) {
    test(`${probe.id}: run() resolves to a consistent outcome`, async () => {
      const outcome = await probe.run(CONTEXT);
      assertOutcome(outcome, probe.id);
      const seen = `${probe.id}: ${outcome.detail}`;
      if (SHIPPED_BY_NODE.has(probe.id)) {
        assert.deepEqual([outcome.status, outcome.validates, outcome.computesCorrectly], ['pass', true, true], seen);
      } else if (NEEDS_A_PAGE.has(probe.id)) {
        assert.deepEqual([outcome.status, outcome.validates], ['unsupported', true], seen);
        assert.match(outcome.detail, /no page here/, seen);
      } else {
        assert.deepEqual([outcome.status, outcome.validates], ['unsupported', false], seen);
      }
    });
  }

  test(`features behind ${V8_DESCRIBED} flags compute their known answers with the flag (${Object.keys(V8_FLAGS).join(', ')})`, async () => {
    const files = Object.keys(V8_FLAGS).map((id) => pathToFileURL(join(FEATURES_DIR, `${id.slice('features.'.length)}.ts`)).href);
    const script = `
      const out = {};
      for (const [id, file] of ${JSON.stringify(Object.keys(V8_FLAGS).map((id, i) => [id, files[i]]))}) {
        out[id] = await (await import(file)).default.run({});
      }
      console.log(JSON.stringify(out));`;
    const register = pathToFileURL(resolve('build/wat/register.ts')).href;
    const { stdout } = await promisify(execFile)(process.execPath, [
      ...Object.values(V8_FLAGS),
      '--import',
      'tsx',
      '--import',
      register,
      '--input-type=module',
      '-e',
      script,
    ]);
    const outcomes = JSON.parse(stdout) as Record<string, ProbeOutcome>;
    for (const id of Object.keys(V8_FLAGS)) {
      assert.deepEqual([outcomes[id]?.status, outcomes[id]?.computesCorrectly], ['pass', true], `${id}: ${outcomes[id]?.detail}`);
    }
  });
});

describe('feature outcome rules', () => {
  const base = { title: 't', proposal: 'p', absent: 'absent here' };
  test('a detector that throws is a failure naming the error, not a missing feature; only a clean no is unsupported', async () => {
    const outcome = await runFeature({ ...base, detect: () => Promise.reject(new Error('boom')) });
    assert.deepEqual([outcome.status, outcome.validates], ['fail', false]);
    assert.match(outcome.detail, /the detector threw Error: boom/);
    const no = await runFeature({ ...base, detect: async () => false });
    assert.deepEqual([no.status, no.detail], ['unsupported', 'absent here']);
  });
  test('a wrong answer is a fail that says what it got and what it expected', async () => {
    const outcome = await runFeature({ ...base, detect: async () => true, knownAnswer: async () => ({ what: 'lanes', got: [1, 2n], expected: [1, 3n] }) });
    assert.deepEqual([outcome.status, outcome.validates, outcome.computesCorrectly], ['fail', true, false]);
    assert.equal(outcome.detail, 'validates; lanes = [1, 2n] (expected [1, 3n])');
  });
  test('a known-answer run that throws is a fail', async () => {
    const outcome = await runFeature({
      ...base,
      detect: async () => true,
      knownAnswer: () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
    });
    assert.deepEqual([outcome.status, outcome.computesCorrectly], ['fail', false]);
    assert.match(outcome.detail, /RangeError: Maximum call stack/);
  });
  test('a feature that cannot be exercised here is unsupported, validating, and says why', async () => {
    const outcome = await runFeature({
      ...base,
      detect: async () => true,
      knownAnswer: async () => ({ unavailable: 'the page is not cross-origin isolated' }),
    });
    assert.deepEqual([outcome.status, outcome.validates, outcome.computesCorrectly], ['unsupported', true, null]);
    assert.equal(outcome.detail, 'validates, but the page is not cross-origin isolated');
  });
  test('no computation gives computesCorrectly null and says so', async () => {
    const outcome = await runFeature({ ...base, detect: async () => true, detected: 'API present', noComputation: 'nothing to compute' });
    assert.deepEqual([outcome.status, outcome.computesCorrectly, outcome.detail], ['pass', null, 'API present; nothing to compute']);
  });
});

describe('feature expectations table', () => {
  test('every entry names its source, and engines measured here say so', () => {
    for (const [id, entry] of Object.entries(FEATURE_EXPECTATIONS)) {
      assert.ok(entry.source.length > 0, `${id}: source`);
      assert.equal(entry.observed?.webkitgtk, '2.50.6', `${id}: the webkitgtk column is a measurement here`);
    }
  });
  test('versions compare numerically by dotted parts', () => {
    assert.equal(expectedSupport('features.simd', 'chromium', '156.0.8078.108'), true);
    assert.equal(expectedSupport('features.simd', 'chromium', '90.0.1'), false);
    assert.equal(expectedSupport('features.simd', 'webkit', '16.10'), true, '16.10 is after 16.4');
    assert.equal(expectedSupport('features.simd', 'webkit', '16.3'), false);
    assert.equal(expectedSupport('features.relaxedSimd', 'firefox', '153.8.0esr'), true);
    assert.equal(expectedSupport('features.typeReflection', 'chromium', '156'), false);
    assert.equal(expectedSupport('features.webContentSecurityPolicy', 'webkit', '15.6'), false);
    assert.equal(expectedSupport('features.wideArithmetic', 'chromium', '156.0.8078.108'), false);
  });
  test('an observation bounds what the table claims', () => {
    assert.equal(expectedSupport('features.gc', 'webkitgtk', '2.50.6'), true);
    assert.equal(expectedSupport('features.gc', 'webkitgtk', '2.46.0'), undefined, 'before the observed release: unknown');
    assert.equal(expectedSupport('features.memory64', 'webkitgtk', '2.50.6'), false);
    assert.equal(expectedSupport('features.memory64', 'webkitgtk', '2.52.0'), undefined, 'after an observed absence: unknown');
    assert.equal(expectedSupport('features.nope', 'chromium', '156'), undefined);
  });
});
