// Facts about where a run happens that both Node and the bench page can read: the measured
// performance.now() step (with the harness's timer-resolution probe), isolation, tinybench's clock.
import { Bench } from 'tinybench';
import { contextWithoutSubject } from '../../harness/probes/probe.ts';
import timerResolutionProbe from '../../harness/probes/environment/timerResolution.ts';

export async function measureTimerResolutionUs(): Promise<number | null> {
  const outcome = await timerResolutionProbe.run(contextWithoutSubject('the bench measures the clock only'));
  const us = outcome.data?.resolutionUs;
  return typeof us === 'number' ? us : null;
}

export function timestampProviderName(): string {
  return String(new Bench().timestampProvider.name);
}

/**
 * How long a batched sample should last: at least `floorMs`, and 100 clock steps, so a sample's
 * rounding to the clock is under 1% (and averages out over many samples).
 */
export function batchTargetMs(timerResolutionUs: number | null, floorMs: number): number {
  const resolutionMs = (timerResolutionUs ?? 1000) / 1000;
  return Math.max(floorMs, 100 * resolutionMs);
}
