// Feature: streaming compilation (WebAssembly.compileStreaming). WebAssembly Web API; no features.json key
// (wasm-feature-detect's streamingCompilation).
// The Response is made in memory: the page's CSP (connect-src 'self') refuses data: and blob: fetches,
// and a served module would make this about the server, which loading.compileStreaming already covers.
import { streamingCompilation } from 'wasm-feature-detect';
import { featureProbe } from '../featureProbe.ts';
import wasm from './streamingCompilation.wat';

export default featureProbe({
  title: 'Streaming compilation',
  proposal: 'WebAssembly Web API (compileStreaming)',
  detect: streamingCompilation,
  detected: 'API present',
  absent: 'WebAssembly.compileStreaming absent',
  async knownAnswer() {
    const module = await WebAssembly.compileStreaming(new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } }));
    const { add } = (await WebAssembly.instantiate(module)).exports as { add(a: number, b: number): number };
    return { what: 'compileStreaming of an in-memory application/wasm Response, instantiated, add(40, 2)', got: add(40, 2), expected: 42 };
  },
});
