// What a run hands from the process that sets it up to the processes it starts (Playwright's workers
// and global teardown, after the config and the global setup; a benchmark's page runs, after its calibration): one
// typed record in one variable, WASM_COMPAT_RUN, not a variable per value. Playwright starts every
// worker with the environment the global setup leaves, so the record travels that way; each value
// is added when it is known, and a record that does not parse is an error naming the variable.
import { z } from 'zod';
import { SETTINGS, SettingError } from '../settings/settings.ts';
import { cpuThrottlingSchema } from './compatSchema.ts';
import { type Environment, environment, setInEnvironment } from '../settings/environment.ts';

const handOffSchema = z
  .object({
    /** The run's id: its workers share their records under it, and compat.json names it (runner/currentRun.ts). */
    runId: z.string().min(1),
    /** When the global setup began (ISO 8601): compat.json's startedAt, and the run's wall time in the history store. */
    startedAt: z.string().datetime(),
    /** Where each target answers: local ones start on free ports after the config was read (runner/targetUrls.ts). */
    targetUrls: z.record(z.string()),
    /** The CPU slowdown for a mid-tier phone, calibrated once (runner/throttling/cpuCalibration.ts). */
    cpuCalibration: cpuThrottlingSchema,
    /** The project a run of one project gives both workers, or null (runner/bothWorkers.ts): decided as Playwright's process loads the config. */
    bothWorkers: z.string().nullable(),
  })
  .partial()
  .strict();

export type HandOff = z.infer<typeof handOffSchema>;

const VARIABLE = SETTINGS.run.env;

/** What this process was handed (or has handed on): empty outside a run. */
export function handedOff(env: Environment = environment()): HandOff {
  const raw = env[VARIABLE];
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new SettingError(`${VARIABLE} is not JSON (${(error as Error).message}): it is the run's own record, set by its global setup, not by hand`);
  }
  const parsed = handOffSchema.safeParse(value);
  if (!parsed.success) throw new SettingError(`${VARIABLE}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Adds values to the record every process started after this one inherits. */
export function handOn(values: HandOff): void {
  setInEnvironment(VARIABLE, JSON.stringify(handOffSchema.parse({ ...handedOff(), ...values })));
}

/** Takes this process out of the run (a test that started one, then leaves it). */
export function dropHandOff(): void {
  setInEnvironment(VARIABLE, undefined);
}
