// serde: a list of records through serde (serde_json text, or JS values via serde-wasm-bindgen)
// against JSON.parse / JSON.stringify. The twins validate the shape as strictly as serde does
// (unknown or missing fields are errors); serde.jsonBare shows what the bare builtins cost.
// The input text is serde_json's (sampleRecordsJson), the same bytes the native bench parses.
import * as defaultTwins from '../../crate/twins/index.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

export const serdeSuite: BenchSuite = {
  name: 'serde',
  measures: 'data serialization: serde round trips against JSON.parse / JSON.stringify',
  pairs: ({ crate, sizes, twins: twin = defaultTwins }: BenchContext) => {
    const json = () => crate.sampleRecordsJson(sizes.records);
    const parsed = (text: unknown) => JSON.parse(text as string) as unknown;
    return [
      pair<string>({
        id: 'serde.json',
        title: `${sizes.records} records, JSON text → validated structs → JSON text (jsonRoundtrip)`,
        kind: 'wasm-vs-js',
        setup: json,
        measured: { label: 'WASM', run: (s) => crate.jsonRoundtrip(s) },
        reference: { label: 'JS', run: (s) => twin.jsonRoundtrip(s) },
        // serde_json writes 3.0 where JSON.stringify writes 3: compare values, not text.
        comparable: parsed,
        native: 'serde/json',
      }),
      pair<string>({
        id: 'serde.jsonBare',
        title: `${sizes.records} records, JSON text round trip: serde against bare JSON.parse + JSON.stringify (no validation)`,
        kind: 'wasm-vs-js',
        setup: json,
        measured: { label: 'WASM', run: (s) => crate.jsonRoundtrip(s) },
        reference: { label: 'JS', run: (s) => JSON.stringify(JSON.parse(s)) },
        comparable: parsed,
        native: 'serde/json',
      }),
      pair<unknown>({
        id: 'serde.values',
        title: `${sizes.records} records as JS values → validated structs → JS values (serdeRoundtrip)`,
        kind: 'wasm-vs-js',
        setup: () => JSON.parse(json()) as unknown,
        measured: { label: 'WASM', run: (v) => crate.serdeRoundtrip(v) },
        reference: { label: 'JS', run: (v) => twin.serdeRoundtrip(v) },
      }),
    ];
  },
};
