// The layers and the one direction imports may go (docs/architecture.md). Data flows
//   crate -> build -> harness (page and probes) -> serving -> runner (engines) -> reports,
// with deploy/ (the header policy and the production configs), reporting/ (the one reports
// folder, whole writes, history) and settings/ (every WASM_COMPAT_* setting) as leaves every
// stage may use. Benches and Lighthouse sit on top
// of the runner; tests and scripts on top of everything. `npm run lint:layers` checks it, and
// `npm test` runs that; a violation names its rule and the import that broke it.
const FOLDERS = [
  'settings',
  'crate',
  'deploy',
  'reporting',
  'build',
  'subject',
  'harness',
  'serving',
  'runner',
  'matrix',
  'trends',
  'coverage',
  'benches',
  'lighthouse',
  'examples',
  'tests',
  'scripts',
];

/** `from` may import itself, `allowed` and settings/ (a leaf every layer reads its settings from), and no other project folder. */
function layer(from, allowed, comment) {
  const others = FOLDERS.filter((f) => f !== from && !allowed.includes(f) && f !== 'settings');
  return {
    name: allowed.length ? `${from}-imports-only-${allowed.join('-')}` : `${from}-imports-nothing-of-the-project`,
    severity: 'error',
    comment,
    from: { path: `^${from}/` },
    to: { path: `^(${others.join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'crate-imports-only-its-probe-contract',
      severity: 'error',
      comment:
        "the demo stands alone: its twins and loaders know nothing of the suite; its own probes (crate/probes/) use the probe contract, as any subject's do",
      from: { path: '^crate/', pathNot: '^crate/probes/' },
      to: { path: '^(settings|deploy|reporting|build|subject|harness|serving|runner|matrix|trends|coverage|benches|lighthouse|examples|tests|scripts)/' },
    },
    {
      name: 'subject-probes-import-only-the-probe-contract',
      severity: 'error',
      comment: "a subject's probes (crate/probes/, examples/*/probes/) see the harness's probe contract and their own crate, nothing else of the suite",
      from: { path: '^(crate|examples/[^/]+)/probes/' },
      to: { path: '^(settings|deploy|reporting|build|subject|serving|runner|matrix|trends|coverage|benches|lighthouse|tests|scripts)/' },
    },
    {
      name: 'settings-imports-nothing-of-the-project',
      severity: 'error',
      comment: 'every setting, listed once: every stage reads it; it reads nothing',
      from: { path: '^settings/' },
      to: { path: `^(${FOLDERS.filter((f) => f !== 'settings').join('|')})/` },
    },
    layer('deploy', [], 'the header policy is data every stage reads; it reads nothing'),
    layer('reporting', [], 'where reports go and how they are written: every stage writes through it'),
    layer('build', ['crate', 'reporting'], 'crate -> .wasm and build-info.json; .wat -> bytes'),
    layer('subject', ['build', 'reporting'], 'which crate is tested (wasm-compat.config.ts), its build, and what its module uses'),
    layer(
      'harness',
      ['crate', 'build', 'deploy', 'subject', 'reporting'],
      'the page and its probes: they load what the build made and judge by the header policy',
    ),
    layer('serving', ['crate', 'build', 'deploy', 'subject', 'harness', 'reporting'], 'servers and checks for the built page'),
    layer(
      'runner',
      ['crate', 'build', 'deploy', 'subject', 'harness', 'serving', 'reporting'],
      'engines, drivers, fixtures, expectations, compat.json and the run gate',
    ),
    layer('matrix', ['deploy', 'runner', 'reporting'], 'compat.json as a matrix: the page, the changes since the last run, features.json, JUnit, wptreport'),
    layer('trends', ['deploy', 'runner', 'matrix', 'reporting'], 'the history store every run appends to, and the trends page drawn from it'),
    layer('coverage', ['build', 'subject', 'runner', 'trends', 'reporting'], "the subject crate's line coverage, appended to the history store"),
    layer('benches', ['crate', 'build', 'deploy', 'subject', 'harness', 'serving', 'runner', 'trends', 'reporting'], 'WASM against JS, on the runner'),
    layer('lighthouse', ['crate', 'build', 'deploy', 'subject', 'harness', 'serving', 'runner', 'trends', 'reporting'], 'Lighthouse, on the served build'),
    layer('examples', ['harness'], 'example subjects: their probes see the probe contract only'),
    layer(
      'scripts',
      ['crate', 'build', 'deploy', 'subject', 'harness', 'serving', 'runner', 'matrix', 'trends', 'coverage', 'reporting', 'benches', 'lighthouse'],
      'setup, CI checks and docs generators; no test code',
    ),
    {
      name: 'only-tests-import-tests',
      severity: 'error',
      comment: 'the tests are the top: nothing the suite runs depends on them',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a cycle is a back edge inside a layer',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|crate/pkg|crate/target|examples/[^/]+/target|\\.cache|reports|test-results|harness/dist|benches/page/dist)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
