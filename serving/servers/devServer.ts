// The Vite dev server for the harness, in this process: no build, modules served as they are,
// with the same serving headers as production (servingPlugin.ts).
import { createServer } from 'vite';
import type { Isolation } from '../../deploy/headerPolicy.ts';
import { HARNESS_CONFIG } from '../../harness/buildHarness.ts';
import { modulePkgDir, resolveSubject } from '../../subject/resolveSubject.ts';
import { servingPlugin } from '../servingPlugin.ts';
import type { RunningServer } from './runningServer.ts';

export async function startDev(options: { isolation: Isolation; port?: number }): Promise<RunningServer> {
  const server = await createServer({
    configFile: HARNESS_CONFIG,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: options.port ?? 0, strictPort: true, open: false },
    plugins: [servingPlugin({ cratePkg: modulePkgDir(resolveSubject()), isolation: options.isolation })],
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('the Vite dev server started but reported no local URL');
  }
  return { url, stop: () => server.close() };
}
