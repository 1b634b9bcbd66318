// Feature: JS string builtins (imports from "wasm:js-string" satisfied by the engine). Proposal: JS String Builtins (features.json "jsStringBuiltins").
// Instantiated with no imports at all, so the length import can only be satisfied by the builtin.
import { jsStringBuiltins } from 'wasm-feature-detect';
import { featureProbe } from '../featureProbe.ts';
import wasm from './jsStringBuiltins.wat';

const TEXT = 'wasm-compat \u{1F600}'; // a surrogate pair: length counts UTF-16 code units

export default featureProbe({
  featuresJson: 'jsStringBuiltins',
  title: 'JS string builtins',
  proposal: 'JS String Builtins',
  detect: jsStringBuiltins,
  absent: 'the wasm:js-string builtins are not provided (compile option builtins ignored)',
  async knownAnswer() {
    // The compile options argument (builtins) is newer than TypeScript's WebAssembly typings.
    const instantiate = WebAssembly.instantiate as (
      bytes: BufferSource,
      imports: object,
      options: object,
    ) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;
    const { module, instance } = await instantiate(wasm, {}, { builtins: ['js-string'] });
    const len = instance.exports.len as (s: string) => number;
    return { what: 'wasm:js-string length', got: len(TEXT), expected: TEXT.length, data: { visibleImports: WebAssembly.Module.imports(module).length } };
  },
});
