// The suite's own throttling of its pixel5 project, read from the Playwright run's compat.json
// (projects.pixel5.engine.throttling), to state next to Lighthouse's mobile throttling. Read as
// JSON with its own type: lighthouse/ reads the report, not the runner's code that wrote it.
// A missing compat.json, project or record is stated as "not recorded" with the reason; a record
// of the wrong shape is "unreadable", naming the field, and the Lighthouse run goes on.
import { existsSync, readFileSync } from 'node:fs';
import { reportPath } from '../reporting/reportsFolder.ts';

export interface SuiteCpuThrottling {
  rate: number;
  /** Null where the rate was set (WASM_COMPAT_CPU_RATE), not calibrated. */
  hostBenchmarkIndex: number | null;
  targetBenchmarkIndex: number;
  throttledBenchmarkIndex: number | null;
  method: string;
}

export interface SuiteNetworkThrottling {
  profile: string;
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

export interface SuiteThrottling {
  cpu: SuiteCpuThrottling | null;
  network: SuiteNetworkThrottling | null;
  /** What the project's device descriptor asks for that its engine could not apply. */
  notApplied: string[];
}

export interface SuiteThrottlingRecord {
  /** The compat.json read (or looked for). */
  source: string;
  throttling: SuiteThrottling | null;
  /** Why there is no record, when there is none. */
  missing: string | null;
}

export const SUITE_MOBILE_PROJECT = 'pixel5';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function field<T>(object: Json, key: string, where: string, check: (v: unknown) => v is T, expected: string): T {
  const value = object[key];
  if (!check(value)) throw new Error(`${where}.${key} is ${JSON.stringify(value) ?? 'missing'}, expected ${expected}`);
  return value;
}
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown): v is number | null => v === null || isNumber(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** Checks a compat.json throttling record; throws naming the first field of the wrong type. */
export function parseSuiteThrottling(value: unknown, where: string): SuiteThrottling {
  if (!isObject(value)) throw new Error(`${where} is ${JSON.stringify(value)}, expected an object`);
  const cpu = value.cpu;
  const network = value.network;
  if (cpu !== null && !isObject(cpu)) throw new Error(`${where}.cpu is ${JSON.stringify(cpu) ?? 'missing'}, expected an object or null`);
  if (network !== null && !isObject(network)) throw new Error(`${where}.network is ${JSON.stringify(network) ?? 'missing'}, expected an object or null`);
  return {
    cpu: cpu && {
      rate: field(cpu, 'rate', `${where}.cpu`, isNumber, 'a number'),
      hostBenchmarkIndex: field(cpu, 'hostBenchmarkIndex', `${where}.cpu`, isNumberOrNull, 'a number or null'),
      targetBenchmarkIndex: field(cpu, 'targetBenchmarkIndex', `${where}.cpu`, isNumber, 'a number'),
      throttledBenchmarkIndex: field(cpu, 'throttledBenchmarkIndex', `${where}.cpu`, isNumberOrNull, 'a number or null'),
      method: field(cpu, 'method', `${where}.cpu`, isString, 'a string'),
    },
    network: network && {
      profile: field(network, 'profile', `${where}.network`, isString, 'a string'),
      latencyMs: field(network, 'latencyMs', `${where}.network`, isNumber, 'a number'),
      downloadKbps: field(network, 'downloadKbps', `${where}.network`, isNumber, 'a number'),
      uploadKbps: field(network, 'uploadKbps', `${where}.network`, isNumber, 'a number'),
    },
    notApplied: field(value, 'notApplied', where, isStrings, 'an array of strings'),
  };
}

/** The pixel5 throttling a parsed compat.json records, or why it records none. */
export function suiteThrottlingFrom(compat: unknown, source: string): SuiteThrottlingRecord {
  const where = `projects.${SUITE_MOBILE_PROJECT}.engine.throttling`;
  const projects = isObject(compat) ? compat.projects : undefined;
  const project = isObject(projects) ? projects[SUITE_MOBILE_PROJECT] : undefined;
  if (!isObject(project)) return { source, throttling: null, missing: `${source} has no ${SUITE_MOBILE_PROJECT} project (the run did not include it)` };
  const engine = project.engine;
  if (!isObject(engine) || !('throttling' in engine)) return { source, throttling: null, missing: `${source} has no ${where} (written before the suite recorded its throttling)` };
  try {
    return { source, throttling: parseSuiteThrottling(engine.throttling, where), missing: null };
  } catch (error) {
    return { source, throttling: null, missing: `${source} is unreadable here: ${(error as Error).message}` };
  }
}

/** The reports folder's compat.json (the last Playwright run's), read now. */
export function readSuiteThrottling(path = reportPath('compat.json')): SuiteThrottlingRecord {
  if (!existsSync(path)) return { source: path, throttling: null, missing: 'no compat.json' };
  let compat: unknown;
  try {
    compat = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { source: path, throttling: null, missing: `${path} is not JSON: ${(error as Error).message}` };
  }
  return suiteThrottlingFrom(compat, path);
}

const kbps = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} Kbps`;

/** One line for summary.md, e.g. "the suite's pixel5 throttling: CPU 3.2× (…); network …". */
export function describeSuiteThrottling(record: SuiteThrottlingRecord): string {
  const t = record.throttling;
  if (!t) return `the suite's ${SUITE_MOBILE_PROJECT} throttling: not recorded (${record.missing ?? 'no record'})`;
  const cpu = t.cpu
    ? `CPU ${t.cpu.rate}× slowdown by ${t.cpu.method} (benchmark index: this host ${t.cpu.hostBenchmarkIndex === null ? 'not measured' : t.cpu.hostBenchmarkIndex.toFixed(0)}, the phone aimed at ${t.cpu.targetBenchmarkIndex}, measured throttled ${t.cpu.throttledBenchmarkIndex === null ? 'not measured' : t.cpu.throttledBenchmarkIndex.toFixed(0)})`
    : 'CPU not throttled';
  const network = t.network
    ? `network ${t.network.profile}: latency ${t.network.latencyMs} ms, ${kbps(t.network.downloadKbps)} down, ${kbps(t.network.uploadKbps)} up`
    : 'network not throttled';
  const notApplied = t.notApplied.length ? `; not applied: ${t.notApplied.join('; ')}` : '';
  return `the suite's ${SUITE_MOBILE_PROJECT} throttling (${record.source}): ${cpu}; ${network}${notApplied}`;
}
