// Serves the production build of the harness with deploy/nginx.conf, in the foreground, until
// SIGINT/SIGTERM; then nginx stops and its temporary prefix is removed. scripts/serve-nginx.sh
// (npm run serve) builds the crate first and calls this; the suite's nginx targets start it too.
//
//   npm run serve -- [--port 4180] [--isolation require-corp|credentialless|none] [--root DIR]
//   npm run serve -- --print-config [--listen 0.0.0.0:80] [--root /srv/wasm-compat] [--prefix /var/lib/wasm-compat-nginx]
//
// Without --root it builds the harness into the prefix first (harness/dist is left alone).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ISOLATIONS, type Isolation } from '../harness/servingHeaders.ts';
import { buildHarness } from './lib/buildHarness.ts';
import { DEBIAN_MODULES, isolationValues, renderNginxConf } from './lib/nginxConf.ts';
import { startNginx } from './lib/nginxServer.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.WASM_COMPAT_NGINX_PORT ?? '4180' },
    isolation: { type: 'string', default: 'require-corp' },
    root: { type: 'string' },
    prefix: { type: 'string' },
    // Only for --print-config (a production machine); what this script runs listens on 127.0.0.1.
    listen: { type: 'string' },
    'print-config': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run serve -- [--port N] [--isolation require-corp|credentialless|none] [--root DIR] [--print-config [--listen ADDR:PORT] [--prefix DIR]]');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`--port ${values.port}: not a TCP port`);
const isolation = values.isolation as Isolation;
if (!ISOLATIONS.includes(isolation)) throw new Error(`--isolation ${values.isolation}: expected one of ${ISOLATIONS.join(', ')}`);

if (values['print-config']) {
  const root = resolve(values.root ?? '/srv/wasm-compat');
  const prefix = resolve(values.prefix ?? '/var/lib/wasm-compat-nginx');
  process.stdout.write(renderNginxConf({ listen: values.listen ?? `127.0.0.1:${port}`, root, prefix, modules: DEBIAN_MODULES, ...isolationValues(isolation) }));
  process.exit(0);
}

let build: string | null = null;
let root = values.root ? resolve(values.root) : null;
if (!root) {
  build = mkdtempSync(join(tmpdir(), 'wasm-compat-build-'));
  console.log('serve: building the harness…');
  buildHarness(build);
  root = build;
}
const server = await startNginx({ port, root, isolation, log: (line) => console.error(`nginx: ${line}`) }).finally(() => {
  // nginx serves its own copy; the build folder is not needed any more.
  if (build) rmSync(build, { recursive: true, force: true });
});
console.log(`serve: nginx (deploy/nginx.conf, isolation ${isolation}) at ${server.url} — prefix ${server.prefix}; Ctrl-C stops it`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}
const code = await server.exited;
if (!stopping) {
  await server.stop();
  console.error(`serve: nginx exited on its own (${code})`);
  process.exit(1);
}
