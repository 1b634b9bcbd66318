// Where a program is on this machine, by looking at files only: engine descriptors call it at config
// load (runner/engines/registry/), which must stay synchronous and cheap.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Environment, environment } from '../../settings/environment.ts';

/** Where `command` is: itself if it is a path, else the first match on PATH; null if nowhere. */
export function which(command: string, env: Environment = environment()): string | null {
  if (command.includes('/')) return existsSync(command) ? command : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The first candidate path that exists (unset ones, from an environment override, skipped). */
export function firstExisting(candidates: ReadonlyArray<string | undefined>): string | null {
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}
