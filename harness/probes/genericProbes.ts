// The generic probes, one file each under this folder (files named _*.ts are helpers), in a stable
// order: what the page runs besides the subject's own probes (index.ts), and what the probe worker
// runs of them (page/probeWorker.ts: those marked inWorkers).
import { byPageOrder, type Probe, type ProbeDefinition, probeFromPath } from './probe.ts';

const modules = import.meta.glob<{ default: ProbeDefinition }>(['./*/*.ts', '!./*/_*.ts'], { eager: true });

export const GENERIC_PROBES: Probe[] = Object.entries(modules)
  .map(([path, m]) => probeFromPath(path, m.default))
  .sort(byPageOrder);
