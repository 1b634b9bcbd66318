// compile: WebAssembly.compile from bytes already in memory, async (the engine may use background
// threads) against the synchronous new WebAssembly.Module on the calling thread. Each compile sees
// new bytes (benches/suites/wasmNonce.ts): otherwise V8 answers from its compiled-module cache.
import { rawSieveCount, stubImports } from '../../harness/probes/loading/_stubImports.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';
import { NoncedWasm } from './wasmNonce.ts';

export const compileSuite: BenchSuite = {
  name: 'compile',
  measures: 'compiling the crate’s .wasm from bytes in memory: async WebAssembly.compile against sync new WebAssembly.Module',
  pairs: (ctx: BenchContext) => {
    const imports = stubImports(new WebAssembly.Module(ctx.wasmBytes));
    return [
      pair<NoncedWasm>({
        id: 'compile.bytes',
        title: `compile ${Math.round(ctx.wasmBytes.length / 1024)} KiB from bytes: WebAssembly.compile against new WebAssembly.Module`,
        kind: 'route',
        setup: () => new NoncedWasm(ctx.wasmBytes),
        measured: { label: 'WebAssembly.compile', run: (wasm) => WebAssembly.compile(wasm.fresh()) },
        reference: { label: 'new WebAssembly.Module', run: (wasm) => new WebAssembly.Module(wasm.fresh()) },
        comparable: async (module) => rawSieveCount(await WebAssembly.instantiate(module as WebAssembly.Module, imports), 100),
        // Compilation runs on background threads that share two cores with the timing thread: more samples.
        time: 2500,
        warmupTime: 300,
      }),
    ];
  },
};
