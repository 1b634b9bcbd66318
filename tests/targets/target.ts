// Where the harness is served from. The suite starts local targets itself (Playwright's
// webServer); an external deployment is given by URL and only checked, never started.
//   WASM_COMPAT_BASE_URL=https://staging.example.com/   an existing deployment
//   WASM_COMPAT_PORT=4173                               the local preview server's port
import type { Isolation } from '../expectations/probes.ts';

export interface Target {
  name: string;
  /** The harness page, absolute. */
  harnessUrl: string;
  /** How the target serves the page, which decides what isolation-dependent probes should report. */
  isolation: Isolation;
  webServer: { command: string; url: string; reuseExistingServer: boolean; timeout: number; stdout: 'pipe' | 'ignore'; stderr: 'pipe' } | null;
}

export function resolveTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const base = env.WASM_COMPAT_BASE_URL;
  if (base) {
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      throw new Error(`WASM_COMPAT_BASE_URL is not a URL: ${JSON.stringify(base)}`);
    }
    const isolation = (env.WASM_COMPAT_ISOLATION ?? 'require-corp') as Isolation;
    return { name: `url:${url.host}`, harnessUrl: new URL('./', url).href, isolation, webServer: null };
  }
  const port = Number(env.WASM_COMPAT_PORT ?? 4173);
  const url = `http://127.0.0.1:${port}/`;
  return {
    name: 'preview',
    harnessUrl: url,
    isolation: 'require-corp',
    webServer: {
      command: `bash scripts/serve-preview.sh ${port}`,
      url,
      // Locally an already running preview is reused; CI always starts its own.
      reuseExistingServer: !env.CI,
      // The first run may build the crate and the harness.
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  };
}
