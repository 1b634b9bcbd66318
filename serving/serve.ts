// Serves the harness for a person, in the foreground, until Ctrl-C (everything stopped and removed):
//   npm run serve   -- [--port 4180] [--isolation require-corp|credentialless|none] [--root DIR]
//                      nginx with deploy/nginx.conf: production as the suite proves it
//   npm run preview -- [--port 4173] [--isolation …]    vite preview of a fresh build
//   npm run dev     -- [--port 5173] [--isolation …]    the Vite dev server (no build)
//   npm run serve   -- --print-config [--listen 0.0.0.0:80] [--root /srv/wasm-compat] [--prefix /var/lib/wasm-compat-nginx]
// Without --root, the page is built into a temporary folder first (harness/dist is left alone).
// The same server modules start the suite's targets (serving/targets/).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ISOLATIONS, type Isolation } from '../deploy/headerPolicy.ts';
import { buildHarness } from '../harness/buildHarness.ts';
import { DEBIAN_MODULES, isolationValues, renderNginxConf } from './nginx/nginxConf.ts';
import { startNginx } from './nginx/nginxServer.ts';
import { startDev } from './servers/devServer.ts';
import { startPreview } from './servers/previewServer.ts';
import type { RunningServer } from './servers/runningServer.ts';

const SERVERS = ['nginx', 'preview', 'dev'] as const;
const DEFAULT_PORTS: Record<(typeof SERVERS)[number], string> = { nginx: '4180', preview: '4173', dev: '5173' };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    isolation: { type: 'string', default: 'require-corp' },
    root: { type: 'string' },
    prefix: { type: 'string' },
    // Only for --print-config (a production machine); what this script runs listens on 127.0.0.1.
    listen: { type: 'string' },
    'print-config': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function usage(code: number): never {
  console.log(
    'usage: tsx serving/serve.ts nginx|preview|dev [--port N] [--isolation require-corp|credentialless|none] [--root DIR]\n       tsx serving/serve.ts nginx --print-config [--listen ADDR:PORT] [--root DIR] [--prefix DIR]',
  );
  process.exit(code);
}

if (values.help) usage(0);
const kind = (positionals[0] ?? 'nginx') as (typeof SERVERS)[number];
if (!SERVERS.includes(kind)) {
  console.error(`serve: unknown server ${JSON.stringify(kind)}; expected ${SERVERS.join(', ')}`);
  usage(2);
}
const port = Number(values.port ?? DEFAULT_PORTS[kind]);
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
if (!root && kind !== 'dev') {
  build = mkdtempSync(join(tmpdir(), 'wasm-compat-build-'));
  console.log('serve: building the harness…');
  await buildHarness(build);
  root = build;
}
const removeBuild = () => build && rmSync(build, { recursive: true, force: true });

let server: RunningServer;
try {
  server =
    kind === 'nginx'
      ? await startNginx({ port, root: root!, isolation, log: (line) => console.error(`nginx: ${line}`) })
      : kind === 'preview'
        ? await startPreview({ outDir: root!, isolation, port })
        : await startDev({ isolation, port });
} catch (error) {
  removeBuild();
  throw error;
}
console.log(`serve: ${kind}${kind === 'nginx' ? ' (deploy/nginx.conf)' : ''}, isolation ${isolation}, at ${server.url}; Ctrl-C stops it`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.stop().finally(() => {
      removeBuild();
      process.exit(0);
    });
  });
}
if ('exited' in server) {
  const code = await (server as { exited: Promise<number | string> }).exited;
  if (!stopping) {
    await server.stop();
    removeBuild();
    console.error(`serve: nginx exited on its own (${code})`);
    process.exit(1);
  }
}
