// Starts every local target of a run at once, all on the one build of the harness (built here
// when a target needs it, or copied from an earlier run's when nothing it is made from changed:
// harness/harnessBuildCache.ts), and stops them together. A deployment given by URL is only recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHarnessCached } from '../../harness/harnessBuildCache.ts';
import { resolveSubject } from '../../subject/resolveSubject.ts';
import type { RunningServer } from '../servers/runningServer.ts';
import type { Target } from './target.ts';

export interface StartedTargets {
  /** Target name -> the page's URL. */
  urls: Record<string, string>;
  /** How long the build took, ms (0 without one). */
  buildMs: number;
  stop(): Promise<void>;
}

export async function startTargets(targets: readonly Target[], log: (line: string) => void = () => {}): Promise<StartedTargets> {
  const urls: Record<string, string> = {};
  for (const t of targets) if (t.url) urls[t.name] = t.url;
  const local = targets.filter((t) => t.start);
  if (!local.length) return { urls, buildMs: 0, stop: async () => {} };

  const build = mkdtempSync(join(tmpdir(), 'wasm-compat-harness-'));
  const needsBuild = local.some((t) => t.servesBuild);
  const servers: RunningServer[] = [];
  const stop = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    rmSync(build, { recursive: true, force: true });
  };
  try {
    const started = Date.now();
    const made = needsBuild ? await buildHarnessCached(build, resolveSubject()) : null;
    const buildMs = Date.now() - started;
    if (made)
      log(
        `${made.reused ? 'copied the harness build of an earlier run (nothing it is made from changed)' : 'built the harness once'} in ${(buildMs / 1000).toFixed(1)} s (${build})`,
      );
    const results = await Promise.allSettled(local.map((t) => t.start!(build)));
    const failed: string[] = [];
    results.forEach((r, i) => {
      const t = local[i]!;
      if (r.status === 'rejected') {
        failed.push(`${t.name}: ${(r.reason as Error).message}`);
      } else {
        servers.push(r.value);
        urls[t.name] = r.value.url;
      }
    });
    if (failed.length) throw new Error(`could not start ${failed.join('; ')}`);
    for (const t of local) log(`${t.name}: ${t.description} at ${urls[t.name]}`);
    return { urls, buildMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
