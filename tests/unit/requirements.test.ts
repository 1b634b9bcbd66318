// What a module needs, in browser versions: the minimum is the latest first version among the
// features used; a feature no release ships makes the browser "none"; Edge follows Chromium from 79;
// the baseline comparison fails on an added feature only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkProject, compareWithBaseline, describeChange, requirementsOf, toBaseline } from '../../runner/expectations/requirements.ts';
import type { ModuleFeatures } from '../../subject/moduleFeatures.ts';

const module = (names: string[], i64AtBoundary: string[] = []): ModuleFeatures => ({
  bytes: 100,
  features: names.map((name) => ({ name: name as ModuleFeatures['features'][number]['name'], evidence: `${name} off` })),
  referenceTypesOnlyForCallIndirectEncoding: false,
  memories: [],
  imports: [],
  exports: [],
  i64AtBoundary,
});

test('the minimum per browser is set by the latest feature, and names it', () => {
  const r = requirementsOf(module(['sign_extension', 'reference_types']));
  assert.deepEqual(r.minimum.Chrome, { version: '96', limitedBy: ['reference_types'] });
  assert.deepEqual(r.minimum.Safari, { version: '15', limitedBy: ['reference_types'] });
  assert.equal(r.minimum['Safari on iOS'].version, '15');
  assert.equal(requirementsOf(module(['sign_extension'])).minimum['Safari on iOS'].version, '14.5', 'iOS differs from desktop where the table says so');
  assert.equal(requirementsOf(module(['sign_extension'])).minimum.Edge.version, '79', 'Edge is Chromium from 79');
});

test('a feature no release ships makes the module run nowhere there; one without a table entry is unknown', () => {
  assert.equal(requirementsOf(module(['relaxed_simd'])).minimum.Safari.version, null);
  assert.equal(requirementsOf(module(['custom_page_sizes'])).minimum.Chrome.version, 'unknown');
  assert.equal(requirementsOf(module([])).minimum.Firefox.version, 'any');
});

test('i64 at the JS boundary needs BigInt integration', () => {
  const r = requirementsOf(module([], ['export big']));
  assert.deepEqual(
    r.features.map((f) => f.probe),
    ['features.bigInt'],
  );
  assert.equal(r.minimum.Safari.version, '15');
});

test('the baseline check fails on an added feature, naming the versions it drops, and not on a removed one', () => {
  const before = toBaseline('x 1', requirementsOf(module(['sign_extension', 'reference_types'])));
  const added = compareWithBaseline(before, requirementsOf(module(['sign_extension', 'reference_types', 'tail_call'])));
  assert.deepEqual(
    added.added.map((f) => f.feature),
    ['tail_call'],
  );
  assert.deepEqual(
    added.dropped.map((d) => `${d.browser} ${d.from}→${d.to}`),
    ['Chrome 96→112', 'Edge 96→112', 'Firefox 79→121', 'Safari 15→18.2', 'Safari on iOS 15→18.2'],
  );
  assert.match(describeChange('x 1', added).join('\n'), /x 1 newly needs tail_call \(features\.tailCall\): first in Chrome 112/);
  const removed = compareWithBaseline(before, requirementsOf(module(['sign_extension'])));
  assert.deepEqual([removed.added, removed.removed, removed.dropped], [[], ['reference_types'], []]);
});

test("a project runs the module only when every needed feature's live probe passed there", () => {
  const r = requirementsOf(module(['simd', 'tail_call']));
  assert.deepEqual(
    checkProject(r, [
      { id: 'features.simd', actual: 'pass' },
      { id: 'features.tailCall', actual: 'pass' },
    ]),
    { runs: true, missing: [], unjudged: [] },
  );
  const without = checkProject(r, [
    { id: 'features.simd', actual: 'pass' },
    { id: 'features.tailCall', actual: 'unsupported' },
  ]);
  assert.deepEqual([without.runs, without.missing], [false, [{ feature: 'tail_call', probe: 'features.tailCall', actual: 'unsupported' }]]);
  assert.deepEqual(checkProject(r, []).unjudged, ['simd', 'tail_call']);
});
