// Feature: reference types (externref, table.get/table.set). Proposal: Reference Types (features.json "referenceTypes").
import { referenceTypes } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './referenceTypes.wat';

export default featureProbe({
  featuresJson: 'referenceTypes',
  title: 'Reference types (externref)',
  proposal: 'Reference Types',
  detect: referenceTypes,
  absent: 'does not validate (reference-typed instructions rejected)',
  async knownAnswer() {
    const { roundtrip } = await instantiate<{ roundtrip(value: unknown): unknown }>(wasm);
    const token = { token: true };
    return { what: 'externref table roundtrip (same object, string)', got: [roundtrip(token) === token, roundtrip('text')], expected: [true, 'text'] };
  },
});
