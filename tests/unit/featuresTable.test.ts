// The feature probes against webassembly.org's own table: tests/fixtures/compat/features.json, the
// file from WebAssembly/website (its commit in tests/fixtures/compat/README.md). Every key a probe
// names is a key of it, with its description; matrix/featureInfo.ts repeats its entries; and the keys
// a browser row names that no probe names are exactly the ones listed here, each with why. Run with
// build/wat/register.ts (the probes import .wat).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { loadProbes } from '../../harness/probes/catalog.ts';
import { FEATURE_INFO } from '../../matrix/featureInfo.ts';

interface FeaturesTable {
  features: Record<string, { description: string; url: string; phase: number | 'inactive' }>;
  browsers: Record<string, { features: Record<string, unknown> }>;
}

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/compat/${name}`, import.meta.url), 'utf8')) as unknown;
const table = fixture('features.json') as FeaturesTable;
const probes = await loadProbes((p) => p.category === 'features');
/** The browsers the suite's engines stand for in the table. */
const BROWSER_ROWS = ['Chrome', 'Firefox', 'Safari'];

/** Keys a browser row names that no page can observe, so no probe exists for them. */
const NOT_OBSERVABLE: Record<string, string> = {
  branchHinting: 'hints in a custom section that an engine may use or ignore; nothing a page runs can tell',
  compilationHints: 'a custom section of tiering hints, behind a flag; nothing a page runs can tell',
  instrumentAndTracingTechnology: 'a custom section for tracing tools, behind a flag',
  customAnnotationSyntaxInTheTextFormat: 'text-format syntax; engines take binaries',
  profiles: 'a way of structuring the specification; no engine entry and nothing to run',
};
/** Probes of things the table has no key for. */
const NO_KEY_IN_THE_TABLE: Record<string, string> = {
  'features.streamingCompilation': 'WebAssembly.compileStreaming, a Web API the table does not list',
};
describe("webassembly.org's features.json (tests/fixtures/compat/features.json)", () => {
  test('is the file webassembly.org validates: it meets its own features.schema.json', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(fixture('features.schema.json') as object);
    assert.ok(validate(table), JSON.stringify(validate.errors, null, 2));
  });

  test('every features.json key a feature probe names is a key of the table, with its description', () => {
    const missing: string[] = [];
    for (const p of probes) {
      if (p.featuresJson === undefined) continue;
      const entry = table.features[p.featuresJson];
      if (!entry) {
        missing.push(`${p.id} names "${p.featuresJson}"`);
        continue;
      }
      assert.equal(p.proposal, entry.description, `${p.id}: its proposal is the table's description of ${p.featuresJson}`);
    }
    assert.deepEqual(missing, [], `keys that webassembly.org's features.json (${Object.keys(table.features).length} keys) does not have`);
    const keys = probes.map((p) => p.featuresJson).filter((k) => k !== undefined);
    assert.equal(new Set(keys).size, keys.length, 'one probe per key');
  });

  test('the probes without a key are the ones listed, each with why', () => {
    const without = probes
      .filter((p) => p.featuresJson === undefined)
      .map((p) => p.id)
      .sort();
    assert.deepEqual(without, Object.keys(NO_KEY_IN_THE_TABLE).sort(), 'a probe without a key must be listed, with why');
    for (const id of Object.keys(NO_KEY_IN_THE_TABLE)) {
      const proposal = probes.find((p) => p.id === id)!.proposal;
      assert.ok(!Object.values(table.features).some((f) => f.description === proposal), `${id}: the table now has "${proposal}"; name its key`);
    }
  });

  test('matrix/featureInfo.ts repeats the table for every key a probe names or should name', () => {
    for (const [key, info] of Object.entries(FEATURE_INFO)) assert.deepEqual(info, table.features[key], `FEATURE_INFO.${key}`);
    const named = probes.map((p) => p.featuresJson).filter((k): k is string => k !== undefined);
    assert.deepEqual(
      named.filter((k) => !(k in FEATURE_INFO)),
      [],
      'keys the matrix would write without their description',
    );
  });

  test('every key a browser row names has a probe, or is one no page can observe', () => {
    const rows = new Set(BROWSER_ROWS.flatMap((b) => Object.keys(table.browsers[b]?.features ?? {})));
    const probed = new Set(probes.map((p) => p.featuresJson));
    const unprobed = [...rows].filter((k) => !probed.has(k)).sort();
    assert.deepEqual(
      unprobed,
      Object.keys(NOT_OBSERVABLE).sort(),
      'a key a browser row gained: add its probe (harness/probes/features/) or say here why none can exist',
    );
    for (const key of Object.keys(NOT_OBSERVABLE)) assert.ok(key in table.features, `${key} is still a key of the table`);
  });
});
