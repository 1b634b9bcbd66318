// strings: text work where every call crosses the boundary: JS strings are UTF-16, Rust's are
// UTF-8, so wasm-bindgen encodes on the way in and decodes on the way out. The text mixes 1- to
// 4-byte characters and Unicode whitespace (benches/suites/inputs.ts).
import * as defaultTwins from '../../crate/twins/index.ts';
import { benchText } from './inputs.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

export const stringsSuite: BenchSuite = {
  name: 'strings',
  measures: 'string processing across the UTF-16/UTF-8 boundary: round trip, UTF-8 length, reverse, word count',
  pairs: ({ crate, sizes, twins: twin = defaultTwins }: BenchContext) => {
    const about = `${sizes.textWords} mixed-script words`;
    const text = () => benchText(sizes.textWords);
    return [
      pair<string>({
        id: 'strings.roundtrip',
        title: `round trip of ${about} (stringRoundtrip)`,
        kind: 'wasm-vs-js',
        setup: text,
        measured: { label: 'WASM', run: (s) => crate.stringRoundtrip(s) },
        reference: { label: 'JS', run: (s) => twin.stringRoundtrip(s) },
        native: 'strings/roundtrip',
      }),
      pair<string>({
        id: 'strings.utf8Length',
        title: `UTF-8 length of ${about} (utf8Length)`,
        kind: 'wasm-vs-js',
        setup: text,
        measured: { label: 'WASM', run: (s) => crate.utf8Length(s) },
        reference: { label: 'JS', run: (s) => twin.utf8Length(s) },
        native: 'strings/utf8Length',
      }),
      pair<string>({
        id: 'strings.reverse',
        title: `reverse ${about} by code point (reverseChars)`,
        kind: 'wasm-vs-js',
        setup: text,
        measured: { label: 'WASM', run: (s) => crate.reverseChars(s) },
        reference: { label: 'JS', run: (s) => twin.reverseChars(s) },
        native: 'strings/reverse',
      }),
      pair<string>({
        id: 'strings.wordCount',
        title: `count Unicode-whitespace words in ${about} (wordCount)`,
        kind: 'wasm-vs-js',
        setup: text,
        measured: { label: 'WASM', run: (s) => crate.wordCount(s) },
        reference: { label: 'JS', run: (s) => twin.wordCount(s) },
        native: 'strings/wordCount',
      }),
    ];
  },
};
