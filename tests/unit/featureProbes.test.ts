// The contract test over every feature probe (harness/src/probes/features/*.ts), in Node:
// shape, a run that never throws and reports a consistent outcome, the known answers of what this
// Node's V8 ships, and each hand-assembled module checked by binaryen and by V8 as designed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import binaryen from 'binaryen';
import type { Probe, ProbeContext, ProbeOutcome } from '../../harness/src/probe.ts';
import { runFeature } from '../../harness/src/probes/features/_featureProbe.ts';
import { FEATURE_EXPECTATIONS, FEATURES_JSON_KEY, asFeaturesJson, expectedSupport } from '../expectations/features.ts';

const DIR = resolve('harness/src/probes/features');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).sort();
const loaded = await Promise.all(
  files.map(async (file) => ({ file, ...((await import(pathToFileURL(join(DIR, file)).href)) as { default: Probe; wasm?: Uint8Array<ArrayBuffer> }) })),
);
// Feature probes do not read the context; a run outside the page gets an empty one.
const CONTEXT: ProbeContext = { wasmUrl: '', crate: null, crateError: 'not loaded in the unit test' };

/** What V8 11.3 (Node 20) ships by default: these must validate and compute the known answer here. */
const SHIPPED_BY_NODE = new Set(['feature.simd', 'feature.threads', 'feature.bulkMemory', 'feature.referenceTypes', 'feature.multiValue', 'feature.mutableGlobals', 'feature.signExtension', 'feature.saturatedFloatToInt', 'feature.bigInt', 'feature.tailCall', 'feature.exceptions']);
/** Modules whose feature lives in the JS API, so V8 validates them whether or not it has the feature. */
const JS_API_MODULES = new Set(['feature.jspi', 'feature.jsStringBuiltins']);
/** Behind V8 11.3 flags that Node 20 still takes: with the flag, the probe's known answer must hold. */
const V8_FLAGS: Record<string, string> = {
  'feature.relaxedSimd': '--experimental-wasm-relaxed-simd',
  'feature.extendedConst': '--experimental-wasm-extended-const',
  'feature.memory64': '--experimental-wasm-memory64',
  'feature.typeReflection': '--experimental-wasm-type-reflection',
};
const V8_11_3 = process.versions.v8.startsWith('11.3.');
const NOT_V8_11_3 = `this Node runs V8 ${process.versions.v8}; these assertions describe V8 11.3 (Node 20)`;

function assertOutcome(outcome: ProbeOutcome, id: string): void {
  assert.ok(['pass', 'fail', 'unsupported'].includes(outcome.status), `${id}: status ${outcome.status}`);
  assert.equal(typeof outcome.detail, 'string');
  assert.ok(outcome.detail.length > 0 && !outcome.detail.includes('\n'), `${id}: detail is one line`);
  assert.equal(typeof outcome.validates, 'boolean', `${id}: validates is reported`);
  assert.ok([true, false, null].includes(outcome.computesCorrectly as boolean | null), `${id}: computesCorrectly is reported`);
  if (outcome.status === 'pass') assert.ok(outcome.validates && outcome.computesCorrectly !== false, `${id}: pass means it validates and did not compute wrong`);
  if (outcome.status === 'fail') assert.ok(outcome.validates && outcome.computesCorrectly === false, `${id}: fail means it validates and computed wrong`);
  if (outcome.status === 'unsupported') assert.equal(outcome.computesCorrectly, null, `${id}: unsupported computes nothing`);
  assert.doesNotThrow(() => JSON.stringify(outcome), `${id}: outcome is JSON-serialisable`);
}

describe('feature probe files', () => {
  test('one probe per feature in the expectations table, ids unique', () => {
    const ids = loaded.map((m) => m.default.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepEqual([...ids].sort(), Object.keys(FEATURES_JSON_KEY).sort());
    assert.deepEqual(Object.keys(FEATURE_EXPECTATIONS).sort(), Object.keys(FEATURES_JSON_KEY).sort());
  });

  for (const { file, default: probe } of loaded) {
    test(`${file}: default export is a feature probe`, () => {
      assert.match(probe.id, /^feature\.[a-zA-Z0-9]+$/);
      assert.equal(probe.id, `feature.${file.replace(/\.ts$/, '')}`, 'the file is named after the id');
      assert.equal(probe.category, 'features');
      assert.ok(typeof probe.proposal === 'string' && probe.proposal.length > 0, 'proposal is named');
      assert.ok(probe.title.length > 0);
      assert.equal(probe.needsWebAssembly, true);
      assert.equal(typeof probe.run, 'function');
    });
  }
});

describe(`feature probes on this Node (${process.version}, V8 ${process.versions.v8})`, () => {
  for (const { default: probe } of loaded) {
    test(`${probe.id}: run() resolves to a consistent outcome`, async (t) => {
      const outcome = await probe.run(CONTEXT);
      assertOutcome(outcome, probe.id);
      if (SHIPPED_BY_NODE.has(probe.id)) {
        assert.deepEqual([outcome.status, outcome.validates, outcome.computesCorrectly], ['pass', true, true], `${probe.id}: ${outcome.detail}`);
      } else if (!V8_11_3) {
        t.skip(NOT_V8_11_3);
      } else {
        assert.deepEqual([outcome.status, outcome.validates], ['unsupported', false], `${probe.id}: ${outcome.detail}`);
      }
    });
  }
});

describe('hand-assembled feature modules', () => {
  for (const { default: probe, wasm } of loaded.filter((m) => m.wasm)) {
    const acceptedHere = SHIPPED_BY_NODE.has(probe.id) || JS_API_MODULES.has(probe.id);
    test(`${probe.id}: valid with every feature on (binaryen), and V8 11.3 ${acceptedHere ? 'accepts' : 'rejects'} it`, (t) => {
      const module = binaryen.readBinary(wasm!);
      try {
        module.setFeatures(binaryen.Features.All);
        assert.ok(module.validate(), `${probe.id}: binaryen finds the module invalid`);
      } finally {
        module.dispose();
      }
      if (!V8_11_3 && !acceptedHere) return t.skip(NOT_V8_11_3);
      assert.equal(WebAssembly.validate(wasm!), acceptedHere);
    });
  }

  test('features behind V8 11.3 flags compute their known answers with the flag', { skip: V8_11_3 ? false : NOT_V8_11_3 }, async () => {
    const script = `
      const out = {};
      for (const file of ${JSON.stringify(Object.keys(V8_FLAGS).map((id) => pathToFileURL(join(DIR, `${id.slice('feature.'.length)}.ts`)).href))}) {
        const probe = (await import(file)).default;
        out[probe.id] = await probe.run({});
      }
      console.log(JSON.stringify(out));`;
    const { stdout } = await promisify(execFile)(process.execPath, [...Object.values(V8_FLAGS), '--import', 'tsx', '--input-type=module', '-e', script]);
    const outcomes = JSON.parse(stdout) as Record<string, ProbeOutcome>;
    for (const id of Object.keys(V8_FLAGS)) {
      assert.deepEqual([outcomes[id]?.status, outcomes[id]?.computesCorrectly], ['pass', true], `${id}: ${outcomes[id]?.detail}`);
    }
  });
});

describe('feature outcome rules', () => {
  const base = { id: 'feature.test' as const, title: 't', proposal: 'p', absent: 'absent here' };
  test('a detector that throws is unsupported, not a crash', async () => {
    const outcome = await runFeature({ ...base, detect: () => Promise.reject(new Error('boom')) });
    assert.equal(outcome.status, 'unsupported');
    assert.match(outcome.detail, /boom/);
  });
  test('a wrong answer is a fail that says what it got and what it expected', async () => {
    const outcome = await runFeature({ ...base, detect: async () => true, knownAnswer: async () => ({ what: 'lanes', got: [1, 2n], expected: [1, 3n] }) });
    assert.deepEqual([outcome.status, outcome.validates, outcome.computesCorrectly], ['fail', true, false]);
    assert.equal(outcome.detail, 'validates; lanes = [1, 2n] (expected [1, 3n])');
  });
  test('a known-answer run that throws is a fail', async () => {
    const outcome = await runFeature({ ...base, detect: async () => true, knownAnswer: () => Promise.reject(new RangeError('Maximum call stack size exceeded')) });
    assert.deepEqual([outcome.status, outcome.computesCorrectly], ['fail', false]);
    assert.match(outcome.detail, /RangeError: Maximum call stack/);
  });
  test('no computation gives computesCorrectly null and says so', async () => {
    const outcome = await runFeature({ ...base, detect: async () => true, detected: 'API present', noComputation: 'nothing to compute' });
    assert.deepEqual([outcome.status, outcome.computesCorrectly, outcome.detail], ['pass', null, 'API present; nothing to compute']);
  });
});

describe('feature expectations table', () => {
  test('versions compare numerically by dotted parts', () => {
    assert.equal(expectedSupport('feature.simd', 'chromium', '156.0.8078.108'), true);
    assert.equal(expectedSupport('feature.simd', 'chromium', '90.0.1'), false);
    assert.equal(expectedSupport('feature.simd', 'webkit', '16.10'), true, '16.10 is after 16.4');
    assert.equal(expectedSupport('feature.simd', 'webkit', '16.3'), false);
    assert.equal(expectedSupport('feature.relaxedSimd', 'firefox', '153.8.0esr'), true);
    assert.equal(expectedSupport('feature.typeReflection', 'chromium', '156'), false);
  });
  test('an observation bounds what the table claims', () => {
    assert.equal(expectedSupport('feature.gc', 'webkitgtk', '2.50.6'), true);
    assert.equal(expectedSupport('feature.gc', 'webkitgtk', '2.46.0'), undefined, 'before the observed release: unknown');
    assert.equal(expectedSupport('feature.memory64', 'webkitgtk', '2.50.6'), false);
    assert.equal(expectedSupport('feature.memory64', 'webkitgtk', '2.52.0'), undefined, 'after an observed absence: unknown');
    assert.equal(expectedSupport('feature.nope', 'chromium', '156'), undefined);
  });
  test('a run can be written in features.json shape', () => {
    assert.deepEqual(asFeaturesJson([{ id: 'feature.signExtension', status: 'pass' }, { id: 'feature.exnref', status: 'unsupported' }, { id: 'loading.x', status: 'pass' }]), { signExtensions: true, exceptionsFinal: false });
  });
});
