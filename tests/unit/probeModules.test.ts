// The probes' modules as WebAssembly text (harness/probes/<category>/<name>.wat): each compiles with
// exactly the proposals its `;; features:` line names (build/wat/compileWat.ts), and V8 in Node accepts
// those Node ships and refuses the others.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compileWat, declaredFeatures } from '../../build/wat/compileWat.ts';
import { PROBES_DIR } from '../../harness/probes/catalog.ts';
import { PROBE_CATEGORIES } from '../../harness/probes/probe.ts';
import { JS_API_MODULES, SHIPPED_BY_NODE } from './nodeWasmFeatures.ts';

/** Every probe module in the tree: harness/probes/<category>/<name>.wat. */
const WAT_FILES = PROBE_CATEGORIES.filter((category) => existsSync(join(PROBES_DIR, category))).flatMap((category) =>
  readdirSync(join(PROBES_DIR, category))
    .filter((f) => f.endsWith('.wat'))
    .map((f) => ({ id: `${category}.${f.slice(0, -4)}`, file: join(PROBES_DIR, category, f) })),
);

/** compileWat, with binaryen's validation report kept off stderr (a failure here is expected, and asserted on). */
async function quietCompile(text: string, source: string): Promise<Uint8Array | Error> {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await compileWat(text, source);
  } catch (error) {
    return error as Error;
  } finally {
    process.stderr.write = write;
  }
}

describe('probe modules (.wat)', () => {
  test('the feature probes and the errors and memory probes have their modules as text', () => {
    const ids = WAT_FILES.map((w) => w.id);
    for (const id of ['errors.trap', 'errors.linkError', 'memory.growDirect', 'features.simd']) assert.ok(ids.includes(id), `${id}.wat`);
  });

  for (const { id, file } of WAT_FILES) {
    const text = readFileSync(file, 'utf8');
    // Read here for the test names; an unreadable features line fails its test below, not the suite.
    let features: string[] = [];
    let unreadable: unknown = null;
    try {
      features = declaredFeatures(text, file);
    } catch (error) {
      unreadable = error;
    }
    const mvp = features.length === 1 && features[0] === 'none';
    const acceptedHere = mvp || SHIPPED_BY_NODE.has(id) || JS_API_MODULES.has(id);

    test(`${id}.wat: compiles with its declared features (${features.join(' ')}), each of them needed`, async () => {
      if (unreadable) throw unreadable;
      const bytes = await compileWat(text, file);
      for (const dropped of mvp ? [] : features) {
        const fewer = features.filter((f) => f !== dropped);
        const without = await quietCompile(text.replace(/^(\s*;;\s*features:).*$/m, `$1 ${fewer.join(' ') || 'none'}`), file);
        // Needed: binaryen refuses the module without it, or writes different bytes (typed references
        // written without GC fall back to their abstract types).
        const same = without instanceof Uint8Array && without.length === bytes.length && without.every((b, i) => b === bytes[i]);
        assert.ok(!same, `${id}.wat: compiles to the same bytes without ${dropped}; leave it off the features line`);
      }
    });

    test(`${id}.wat: V8 ${process.versions.v8} ${acceptedHere ? 'validates' : 'rejects'} it`, async () => {
      assert.equal(WebAssembly.validate(await compileWat(text, file)), acceptedHere);
    });
  }
});
