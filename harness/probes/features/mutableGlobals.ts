// Feature: import/export of mutable globals. Proposal: Import/Export of Mutable Globals (features.json "mutableGlobals").
import { mutableGlobals } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './mutableGlobals.wat';

export default featureProbe({
  featuresJson: 'mutableGlobals',
  title: 'Mutable globals (import/export)',
  proposal: 'Import/Export of Mutable Globals',
  detect: mutableGlobals,
  absent: 'does not validate (an exported mutable global rejected)',
  async knownAnswer() {
    const { g, read } = await instantiate<{ g: WebAssembly.Global; read(): number }>(wasm);
    g.value = 42;
    return { what: 'global set to 42 from JS, read in wasm', got: read(), expected: 42 };
  },
});
