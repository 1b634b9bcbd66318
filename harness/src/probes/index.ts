// Every probe file under this folder, in a stable order: by category, then by id. A probe file
// default-exports one Probe; adding a file adds a probe.
import type { Probe, ProbeCategory } from '../probe.ts';

const CATEGORY_ORDER: ProbeCategory[] = ['environment', 'loading', 'execution', 'memory', 'errors', 'features', 'limits', 'serving'];

const modules = import.meta.glob<{ default: Probe }>(['./**/*.ts', '!./index.ts', '!./**/_*.ts'], { eager: true });

export const probes: Probe[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.id.localeCompare(b.id));
