// Serves one broken-deployment fixture (faults.ts) with nginx until Ctrl-C, to look at by hand or
// to point the suite at:
//   npx tsx tests/brokenDeployments/serveBrokenDeployment.ts wrong-mime [--port 4280]
//   WASM_COMPAT_BASE_URL=http://127.0.0.1:4280/ npx playwright test --project=chromium
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHarness } from '../../harness/buildHarness.ts';
import { startNginx } from '../../serving/nginx/nginxServer.ts';
import { BROKEN_DEPLOYMENTS, brokenDeployment } from './faults.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '4280' } } });
const name = positionals[0];
if (!name) {
  console.log(`usage: serveBrokenDeployment.ts <name> [--port N]\n${BROKEN_DEPLOYMENTS.map((d) => `  ${d.name.padEnd(16)} ${d.cause}`).join('\n')}`);
  process.exit(2);
}
const fault = brokenDeployment(name);
const build = mkdtempSync(join(tmpdir(), 'wasm-compat-build-'));
let server;
// startNginx serves a copy of the build (the copy is what a fixture alters), so the build goes as
// soon as nginx has started, or failed to.
try {
  await buildHarness(build);
  server = await startNginx({ port: Number(values.port), root: build, isolation: 'require-corp', ...fault.server });
} finally {
  rmSync(build, { recursive: true, force: true });
}
console.log(`${fault.name} (${fault.cause}) at ${server.url}; Ctrl-C stops it`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.stop().then(() => process.exit(0)));
await server.exited;
