// load: what a page pays to get the crate running — fetch + compile + instantiate — by the two
// routes a loader can take: streaming (compile while the bytes arrive) or bytes first.
// Every fetch is uncached (cache: 'no-store') and, where the server can, asks for new bytes
// (a nonce), so neither the HTTP cache nor an engine's compiled-module cache answers.
import { rawSieveCount, stubImports } from '../../harness/probes/loading/_stubImports.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

interface LoadInput {
  url: () => string;
  imports: WebAssembly.Imports;
}

export const loadSuite: BenchSuite = {
  name: 'load',
  measures: 'fetch + compile + instantiate of the crate’s .wasm over HTTP: instantiateStreaming against fetching the bytes, then instantiate',
  pairs: (ctx: BenchContext) => [
    pair<LoadInput>({
      id: 'load.streaming',
      title: `fetch + compile + instantiate (${Math.round(ctx.wasmBytes.length / 1024)} KiB): streaming against bytes`,
      kind: 'route',
      setup: async () => {
        // Nonces start from a random point: two runs (two tabs, two processes) never share bytes.
        let nonce = Math.floor(Math.random() * 2 ** 31);
        const url = ctx.noncedWasmUrl ? () => ctx.noncedWasmUrl!(nonce++) : () => ctx.wasmUrl;
        return { url, imports: stubImports(await WebAssembly.compile(ctx.wasmBytes)) };
      },
      measured: {
        label: 'instantiateStreaming',
        run: async ({ url, imports }) => (await WebAssembly.instantiateStreaming(fetch(url(), { cache: 'no-store' }), imports)).instance,
      },
      reference: {
        label: 'arrayBuffer + instantiate',
        run: async ({ url, imports }) => {
          const bytes = await (await fetch(url(), { cache: 'no-store' })).arrayBuffer();
          return (await WebAssembly.instantiate(bytes, imports)).instance;
        },
      },
      comparable: (instance) => rawSieveCount(instance as WebAssembly.Instance, 100),
      // Network, compile threads and instance set-up make these samples noisy: more of them.
      time: 2500,
      warmupTime: 300,
    }),
  ],
};
