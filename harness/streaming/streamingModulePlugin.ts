// Puts the streaming probe's generated module (streamingModule.ts) beside the page: emitted into
// the build, and answered by the dev server, which has no build. Generated once per process.
import type { Plugin } from 'vite';
import { STREAMING_MODULE_FILE, streamingModule } from './streamingModule.ts';

let bytes: Uint8Array | null = null;
export function streamingModuleBytes(): Uint8Array {
  bytes ??= streamingModule();
  return bytes;
}

export function streamingModulePlugin(): Plugin {
  return {
    name: 'wasm-compat:streaming-module',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: STREAMING_MODULE_FILE, source: streamingModuleBytes() });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${STREAMING_MODULE_FILE}`) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.end(streamingModuleBytes());
      });
    },
  };
}
