// The run's CPU calibration (calibrateCpu.ts): measured once per machine and browser, kept in
// .cache/cpu-calibration.json, and handed to the workers through the environment, as the target
// URLs are (runner/targetUrls.ts). A calibration measured on an idle machine is worth more than one
// measured while the suite's own workers load both cores, so it is reused rather than redone:
//   WASM_COMPAT_RECALIBRATE=1   measure again (after a hardware or browser change, or to compare)
//   WASM_COMPAT_CPU_RATE=4      a set rate instead (Lighthouse's preset), recorded as set, not calibrated
import { findEngine } from '../engines/registry.ts';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { type EngineChoice, launchOptions } from '../engines/engineChoice.ts';
import { calibrateCpu } from './calibrateCpu.ts';
import { type CpuThrottling, MID_TIER_PHONE_BENCHMARK_INDEX } from './throttlingProfile.ts';
import { readSetting, SETTINGS } from '../../settings/settings.ts';
import { handedOff, handOn } from '../handOff.ts';
import { type Environment, environment } from '../../settings/environment.ts';

const CACHE_FILE = fileURLToPath(new URL('../../.cache/cpu-calibration.json', import.meta.url));

type ChromiumChoice = Extract<EngineChoice, { kind: 'playwright' | 'system' }>;

/** What makes a calibration this machine's: its CPU, its cores, its name, and the browser measured. */
function machineKey(browserVersion: string): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length} on ${hostname()}, Chromium ${browserVersion}`;
}

/** WASM_COMPAT_CPU_RATE, checked (settings/settings.ts): a number from 1 up. */
export function setRate(env: Environment = environment()): number | null {
  return readSetting('cpuRate', env) ?? null;
}

/** Every machine's calibration kept so far; an absent or unreadable cache is empty (and replaced on the next write). */
function storedCalibrations(): Record<string, CpuThrottling> {
  try {
    return existsSync(CACHE_FILE) ? (JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, CpuThrottling>) : {};
  } catch {
    return {};
  }
}

function readCache(key: string): CpuThrottling | null {
  const stored = storedCalibrations()[key];
  return stored ? { ...stored, cached: true } : null;
}

function writeCache(key: string, value: CpuThrottling): void {
  writeJsonAtomic(CACHE_FILE, { ...storedCalibrations(), [key]: value });
}

/** The calibration for this machine and `choice`'s Chromium: set, cached, or measured now; published for the workers. */
export async function prepareCpuCalibration(choice: ChromiumChoice, log: (line: string) => void): Promise<CpuThrottling> {
  // Headless, as Playwright's default: the binary the throttled projects' workers launch.
  const browser = await chromium.launch(launchOptions(choice, true));
  let result: CpuThrottling;
  try {
    const rate = setRate();
    const key = machineKey(browser.version());
    const cached = readSetting('recalibrate') ? null : readCache(key);
    if (rate !== null) {
      result = {
        rate,
        hostBenchmarkIndex: null,
        targetBenchmarkIndex: MID_TIER_PHONE_BENCHMARK_INDEX,
        throttledBenchmarkIndex: null,
        method: `set by ${SETTINGS.cpuRate.env}`,
        calibratedAt: new Date().toISOString(),
        cached: false,
      };
    } else if (cached) {
      result = cached;
    } else {
      log(`calibrating the CPU slowdown for a mid-tier phone on ${key} (Lighthouse's BenchmarkIndex, about 10 s)`);
      result = await calibrateCpu(browser);
      writeCache(key, result);
    }
  } finally {
    await browser.close();
  }
  log(describeCpu(result));
  handOn({ cpuCalibration: result });
  return result;
}

/** Calibrates for the first throttled project whose Chromium can be launched here, if any: the
 * global setup and the browser benchmarks both call this before any project starts. */
export async function calibrateForThrottledProjects(
  projects: ReadonlyArray<{ throttle?: string | null; engineChoice?: EngineChoice }>,
  log: (line: string) => void,
): Promise<CpuThrottling | null> {
  const chromium = projects
    .map((p) => (p.throttle ? p.engineChoice : undefined))
    .find((c): c is ChromiumChoice => !!c && !!findEngine(c.engine)?.throttles && (c.kind === 'playwright' || c.kind === 'system'));
  return chromium ? prepareCpuCalibration(chromium, log) : null;
}

/** The calibration the global setup published, or null when it published none. */
export function publishedCpuCalibration(): CpuThrottling | null {
  return handedOff().cpuCalibration ?? null;
}

export function describeCpu(cpu: CpuThrottling): string {
  const index = (n: number | null) => (n === null ? '?' : n.toFixed(0));
  const how =
    cpu.hostBenchmarkIndex === null
      ? cpu.method
      : `host BenchmarkIndex ${index(cpu.hostBenchmarkIndex)} → ${index(cpu.throttledBenchmarkIndex)} at that rate, target ${cpu.targetBenchmarkIndex}`;
  return `CPU ×${cpu.rate} (${how}${cpu.cached ? `; calibrated ${cpu.calibratedAt}, reused from .cache/cpu-calibration.json` : ''})`;
}
