// What the local targets share: their Playwright webServer entry and their port settings.

export interface WebServer {
  name: string;
  command: string;
  url: string;
  reuseExistingServer: boolean;
  timeout: number;
  stdout: 'pipe' | 'ignore';
  stderr: 'pipe';
  /** SIGTERM, so the serve scripts can stop their server and remove its temporary folder. */
  gracefulShutdown: { signal: 'SIGTERM'; timeout: number };
}

/** A webServer entry for a local target started by one of the scripts/serve-*.sh. */
export function localWebServer(name: string, command: string, url: string, reuseExistingServer: boolean): WebServer {
  return {
    name,
    command,
    url,
    reuseExistingServer,
    // The first run may build the crate; each server also builds the page (a few seconds).
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  };
}

export function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new Error(`${name}=${JSON.stringify(value)} is not a TCP port`);
  return n;
}

