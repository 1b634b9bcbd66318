// Probes are files: the id and category come from the path, the page's registry and Node's catalog
// agree on them, and the README's table is made from them (a stale one is caught).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_PROBES_DIR, PROBES_DIR, probeFiles, probeIds, README_TABLE_NOTE, readmeProbes } from '../../harness/probes/catalog.ts';
import { existsSync } from 'node:fs';
import { PROBE_CATEGORIES, probeFromPath } from '../../harness/probes/probe.ts';
import { probeTable, TABLE_END, TABLE_START, withProbeTable } from '../../harness/probes/probeTable.ts';

const definition = { title: 't', needsWebAssembly: false, run: async () => ({ status: 'pass' as const, detail: 'd' }) };

test('a probe is named by its path: <category>/<name>.ts is <category>.<name>', () => {
  assert.deepEqual(
    [probeFromPath('./features/simd.ts', definition).id, probeFromPath('./features/simd.ts', definition).category],
    ['features.simd', 'features'],
  );
  assert.equal(probeFromPath('/abs/harness/probes/serving/wasmMimeType.ts', definition).id, 'serving.wasmMimeType');
  assert.throws(() => probeFromPath('./gadgets/x.ts', definition), /not a probe file: probes live in harness\/probes\/<environment\|/);
  assert.throws(() => probeFromPath('./x.ts', definition), /not a probe file/);
});

test("the catalog lists every probe file of every category once, helpers left out, with the subject's own when given", () => {
  const files = probeFiles([PROBES_DIR, DEMO_PROBES_DIR]);
  assert.equal(new Set(files.map((f) => f.id)).size, files.length, 'no id twice, across the generic and the demo probes');
  const onDisk = (dir: string, category: string) =>
    existsSync(join(dir, category))
      ? readdirSync(join(dir, category))
          .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
          .map((f) => `${category}.${f.slice(0, -3)}`)
      : [];
  for (const category of PROBE_CATEGORIES) {
    assert.deepEqual(probeIds(category).sort(), onDisk(PROBES_DIR, category).sort(), category);
    const withDemo = probeIds(category, DEMO_PROBES_DIR).sort();
    assert.deepEqual(withDemo, [...onDisk(PROBES_DIR, category), ...onDisk(DEMO_PROBES_DIR, category)].sort(), `${category} with the demo's`);
    assert.ok(withDemo.length > 0, `${category} has probes in the default run`);
  }
  assert.deepEqual(probeIds('execution'), [], "execution probes are a crate's own: the generic set has none");
});

test('the README table is made from the probes and the README holds the current one', async () => {
  const probes = await readmeProbes();
  const table = probeTable(probes, README_TABLE_NOTE);
  for (const p of probes) assert.ok(table.includes(`\`${p.id}\``), p.id);
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(withProbeTable(readme, table), readme, 'README.md is current (npm run docs)');
  const stale = withProbeTable(readme, probeTable(probes.slice(1), README_TABLE_NOTE));
  assert.notEqual(stale, readme, 'a probe missing from the table is a difference');
  assert.throws(() => withProbeTable('no markers', table), new RegExp(`no probe table markers \\(${TABLE_START.replace(/[()]/g, '\\$&')} … ${TABLE_END}\\)`));
});
