// `vite preview` of a build, in this process, on a free loopback port (or the one asked for),
// with the serving headers for the isolation asked for (servingPlugin.ts).
import { type PluginOption, preview } from 'vite';
import type { Isolation } from '../../deploy/headerPolicy.ts';
import { modulePkgDir, resolveSubject } from '../../subject/resolveSubject.ts';
import { HARNESS_CONFIG } from '../../harness/buildHarness.ts';
import { servingPlugin } from '../servingPlugin.ts';
import type { RunningServer } from './runningServer.ts';

export interface PreviewOptions {
  /** The build to serve. */
  outDir: string;
  isolation: Isolation;
  /** 0 (the default): a free port. */
  port?: number;
  /** Another page's Vite config (the bench page); the harness's by default. */
  configFile?: string;
  /** Further middleware after the serving headers (the bench page's nonced .wasm). */
  plugins?: PluginOption[];
}

export async function startPreview(options: PreviewOptions): Promise<RunningServer> {
  const server = await preview({
    configFile: options.configFile ?? HARNESS_CONFIG,
    logLevel: 'warn',
    build: { outDir: options.outDir },
    preview: { host: '127.0.0.1', port: options.port ?? 0, strictPort: true, open: false },
    plugins: [servingPlugin({ cratePkg: modulePkgDir(resolveSubject()), isolation: options.isolation }), ...(options.plugins ?? [])],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview started but reported no local URL');
  }
  return { url, stop: () => server.close() };
}
