// Which probes a page load runs (harness/probes/probeSelection.ts) and what each project asks for
// (runner/projects.ts): the serving matrix's pages run only what a server can change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVERY_PROBE, heldFromUrl, isSelected, narrowSelection, selectionFromUrl, urlWithSelection } from '../../harness/probes/probeSelection.ts';
import { browserProjects, runProbeSelection } from '../../runner/projects.ts';
import { planTargets } from '../../serving/targets/plan.ts';
import { ISOLATION_BLIND_PROBES, SERVING_CATEGORIES } from '../../serving/targets/target.ts';

test('a selection travels in the page URL and back', () => {
  const selection = { categories: ['serving' as const, 'loading' as const], skip: ['loading.compileDuringDownload'] };
  const url = urlWithSelection('http://127.0.0.1:4173/index.html', selection);
  assert.deepEqual(selectionFromUrl(new URL(url).search), selection);
  assert.equal(urlWithSelection('http://127.0.0.1:4173/', EVERY_PROBE), 'http://127.0.0.1:4173/', 'every probe: the URL as it was');
  assert.deepEqual(selectionFromUrl(''), EVERY_PROBE);
});

test('the probes a load holds back for its driver travel in the URL too; none unless asked', () => {
  const url = urlWithSelection('http://127.0.0.1:4173/', EVERY_PROBE, ['loading.compileDuringDownload']);
  assert.equal(url, 'http://127.0.0.1:4173/?hold=loading.compileDuringDownload');
  assert.deepEqual(heldFromUrl(new URL(url).search), ['loading.compileDuringDownload']);
  assert.deepEqual(selectionFromUrl(new URL(url).search), EVERY_PROBE, 'held is not skipped: the load still runs it');
  assert.deepEqual(heldFromUrl(''), []);
  assert.throws(() => heldFromUrl('?hold=compileDuringDownload'), /hold="compileDuringDownload": not probe ids/);
});

test('bad selections name the value and the choices', () => {
  assert.throws(() => selectionFromUrl('?probes=serving,headers'), /probes="serving,headers": unknown category headers \(the categories: environment, loading/);
  assert.throws(() => selectionFromUrl('?skip=compileDuringDownload'), /skip="compileDuringDownload": not probe ids/);
  assert.throws(() => runProbeSelection({ WASM_COMPAT_PROBES: 'feature' }), /WASM_COMPAT_PROBES="feature": unknown category feature/);
  assert.deepEqual(runProbeSelection({}), EVERY_PROBE);
  assert.deepEqual(runProbeSelection({ WASM_COMPAT_PROBES: 'limits, features' }), { categories: ['limits', 'features'], skip: [] });
  assert.deepEqual(runProbeSelection({ WASM_COMPAT_PROBES: 'loading', WASM_COMPAT_SKIP_PROBES: 'loading.compileDuringDownload, loading.cachedSecondLoad' }), {
    categories: ['loading'],
    skip: ['loading.compileDuringDownload', 'loading.cachedSecondLoad'],
  });
  assert.throws(
    () => runProbeSelection({ WASM_COMPAT_SKIP_PROBES: 'loading.compileDuringDownlaod' }),
    /WASM_COMPAT_SKIP_PROBES="loading.compileDuringDownlaod": no probe named loading.compileDuringDownlaod/,
  );
});

test('selected: in a chosen category and not skipped; a narrowed selection keeps both conditions', () => {
  const serving = { categories: SERVING_CATEGORIES, skip: ISOLATION_BLIND_PROBES };
  assert.equal(isSelected(serving, { id: 'loading.bytesFallback', category: 'loading' }), true);
  assert.equal(isSelected(serving, { id: 'loading.compileDuringDownload', category: 'loading' }), false);
  assert.equal(isSelected(serving, { id: 'limits.maxMemory', category: 'limits' }), false);
  assert.equal(isSelected(EVERY_PROBE, { id: 'limits.maxMemory', category: 'limits' }), true);
  const narrowed = narrowSelection(serving, { categories: ['loading', 'features'], skip: ['loading.firstLoad'] });
  assert.deepEqual(narrowed, { categories: ['loading'], skip: [...ISOLATION_BLIND_PROBES, 'loading.firstLoad'] });
});

test('projects: the primary five run every probe, but the phone whose engine applies none of it; the matrix runs the serving categories, the streaming pair once per server and desktop engine', () => {
  const projects = Object.fromEntries(browserProjects(planTargets({ WASM_COMPAT_MATRIX: '1' }), EVERY_PROBE).map((p) => [p.name, p]));
  // pixel5 is throttled (Chromium's CDP): its download and compile are the phone's, measured again.
  for (const name of ['chromium', 'firefox', 'webkit', 'pixel5']) assert.deepEqual(projects[name]!.use.probes, EVERY_PROBE, name);
  // iphone12's WebKit applies neither the CPU nor the network: the webkit project measures them, on the same binary.
  assert.deepEqual(projects.iphone12!.use.probes, { categories: null, skip: ISOLATION_BLIND_PROBES });
  for (const name of ['chromium@nginx', 'firefox@nginx', 'webkit@nginx'])
    assert.deepEqual(projects[name]!.use.probes, { categories: SERVING_CATEGORIES, skip: [] }, name);
  for (const name of ['pixel5@nginx', 'iphone12@nginx', 'chromium@credentialless', 'webkit@not-isolated'])
    assert.deepEqual(projects[name]!.use.probes, { categories: SERVING_CATEGORIES, skip: ISOLATION_BLIND_PROBES }, name);
  // Every project keeps to one worker: its page is loaded once.
  assert.ok(Object.values(projects).every((p) => p.workers === 1));
  // A run's selection narrows every project's.
  const only = Object.fromEntries(browserProjects(planTargets({ WASM_COMPAT_MATRIX: '1' }), { categories: ['loading'], skip: [] }).map((p) => [p.name, p]));
  assert.deepEqual(only.chromium!.use.probes, { categories: ['loading'], skip: [] });
  assert.deepEqual(only['chromium@not-isolated']!.use.probes, { categories: ['loading'], skip: ISOLATION_BLIND_PROBES });
});
