// Every probe file under this folder, in a stable order: by category, then by id. A probe file
// default-exports one definition; adding a file adds a probe (files named _*.ts are helpers).
import { byPageOrder, type Probe, type ProbeDefinition, probeFromPath } from './probe.ts';

const modules = import.meta.glob<{ default: ProbeDefinition }>(['./*/*.ts', '!./*/_*.ts'], { eager: true });

export const probes: Probe[] = Object.entries(modules)
  .map(([path, m]) => probeFromPath(path, m.default))
  .sort(byPageOrder);
