// Reads a lighthouserc file in Lighthouse CI's format, `{ ci: { collect: {...}, assert: {...} } }`
// (https://github.com/GoogleChrome/lighthouse-ci/blob/main/docs/configuration.md), and checks the
// parts this suite uses; LHCI's own code judges the assertions (assertions.ts). It is strict where
// LHCI is lenient: a misspelt option ("maxNumericValues") or an unknown level would make LHCI quietly
// fall back to its default (minScore 0.9), a key with a capital letter would be quietly skipped (LHCI
// looks each assertion up by the key's kebab-case form), and a property on a plain audit
// ("speed-index:p90") quietly ignored; here each is an error naming the file and the key. LHCI
// features this suite does not use (presets, budgetsFile, user-timings) are refused, not ignored.
import { readFileSync } from 'node:fs';

export const LEVELS = ['off', 'warn', 'error'] as const;
export type AssertionLevel = (typeof LEVELS)[number];
export const AGGREGATION_METHODS = ['median-run', 'median', 'optimistic', 'pessimistic'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export interface AssertionOptions {
  minScore?: number;
  maxNumericValue?: number;
  maxLength?: number;
  aggregationMethod?: AggregationMethod;
}
export type AssertionEntry = AssertionLevel | [AssertionLevel] | [AssertionLevel, AssertionOptions];

export interface AssertBlock {
  assertions?: Record<string, AssertionEntry>;
  aggregationMethod?: AggregationMethod;
  matchingUrlPattern?: string;
}
export interface AssertConfig extends AssertBlock {
  assertMatrix?: AssertBlock[];
}

export interface Lighthouserc {
  /** ci.collect.numberOfRuns: how many runs per URL (LHCI's default is 3). */
  numberOfRuns: number | null;
  /** ci.collect.settings.preset / formFactor: "desktop" or "mobile" (Lighthouse's default). */
  formFactor: 'mobile' | 'desktop';
  assert: AssertConfig;
}

const OPTION_KEYS = ['minScore', 'maxNumericValue', 'maxLength', 'aggregationMethod'];
const BLOCK_KEYS = ['assertions', 'aggregationMethod', 'matchingUrlPattern'];
const UNSUPPORTED = ['preset', 'budgetsFile'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkEntry(where: string, entry: unknown): void {
  const [level, options, ...rest] = Array.isArray(entry) ? entry : [entry];
  if (!(LEVELS as readonly unknown[]).includes(level)) throw new Error(`${where}: level ${JSON.stringify(level)} is not one of ${LEVELS.join(', ')}`);
  if (rest.length) throw new Error(`${where}: expected "level" or ["level", {options}]`);
  if (options === undefined) return;
  if (!isObject(options)) throw new Error(`${where}: options must be an object`);
  for (const [key, value] of Object.entries(options)) {
    if (!OPTION_KEYS.includes(key)) throw new Error(`${where}: unknown option "${key}" (known: ${OPTION_KEYS.join(', ')})`);
    if (key === 'aggregationMethod') {
      if (!(AGGREGATION_METHODS as readonly unknown[]).includes(value))
        throw new Error(`${where}: aggregationMethod ${JSON.stringify(value)} is not one of ${AGGREGATION_METHODS.join(', ')}`);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${where}: ${key} must be a number`);
    }
  }
}

/** The key shapes LHCI reads: "<audit id>", "categories:<id>", "resource-summary:<type>:size|count" (":" or "."). */
function checkKey(where: string, key: string): void {
  if (key !== key.toLowerCase())
    throw new Error(`${where}: LHCI looks assertions up in lower-case kebab-case, so this one would silently never be checked; write it in lower case`);
  const [auditId, ...property] = key.split(/[.:]/).filter(Boolean);
  if (auditId === 'user-timings') throw new Error(`${where}: user-timings assertions are not supported here`);
  if (auditId === 'categories') {
    if (property.length !== 1) throw new Error(`${where}: expected categories:<category id>`);
  } else if (auditId === 'resource-summary' && property.length) {
    if (property.length !== 2 || (property[1] !== 'size' && property[1] !== 'count'))
      throw new Error(`${where}: expected resource-summary:<resource type>:size|count`);
  } else if (property.length) {
    throw new Error(
      `${where}: only categories:… and resource-summary:… take a property; LHCI would ignore ":${property.join(':')}" and assert the whole audit`,
    );
  }
}

function checkBlock(where: string, block: unknown, allowed: string[]): void {
  if (!isObject(block)) throw new Error(`${where}: must be an object`);
  for (const key of Object.keys(block)) {
    if (UNSUPPORTED.includes(key)) throw new Error(`${where}.${key}: LHCI's ${key} is not supported here; list the assertions explicitly`);
    if (!allowed.includes(key)) throw new Error(`${where}: unknown key "${key}"`);
  }
  if (block.aggregationMethod !== undefined && !(AGGREGATION_METHODS as readonly unknown[]).includes(block.aggregationMethod)) {
    throw new Error(`${where}.aggregationMethod: ${JSON.stringify(block.aggregationMethod)} is not one of ${AGGREGATION_METHODS.join(', ')}`);
  }
  if (block.matchingUrlPattern !== undefined) {
    if (typeof block.matchingUrlPattern !== 'string') throw new Error(`${where}.matchingUrlPattern: must be a string`);
    new RegExp(block.matchingUrlPattern); // throws on a bad pattern, here rather than mid-evaluation
  }
  if (block.assertions !== undefined) {
    if (!isObject(block.assertions)) throw new Error(`${where}.assertions: must be an object`);
    for (const [key, entry] of Object.entries(block.assertions)) {
      checkKey(`${where}.assertions["${key}"]`, key);
      checkEntry(`${where}.assertions["${key}"]`, entry);
    }
  }
}

/** Validates a parsed lighthouserc; `source` names it in errors. */
export function parseLighthouserc(value: unknown, source: string): Lighthouserc {
  const ci = isObject(value) ? value.ci : undefined;
  if (!isObject(ci) || !isObject(ci.assert)) throw new Error(`${source}: expected { "ci": { "assert": { … } } }`);
  const assert = ci.assert;
  if (assert.assertMatrix !== undefined) {
    // As in LHCI: a matrix replaces the top-level block, it does not add to it.
    const clash = BLOCK_KEYS.filter((k) => k in assert);
    if (clash.length) throw new Error(`${source}: ci.assert.assertMatrix cannot be combined with ${clash.join(', ')}`);
    if (!Array.isArray(assert.assertMatrix)) throw new Error(`${source}: ci.assert.assertMatrix must be an array`);
    assert.assertMatrix.forEach((block, i) => {
      checkBlock(`${source}: ci.assert.assertMatrix[${i}]`, block, BLOCK_KEYS);
    });
  } else {
    checkBlock(`${source}: ci.assert`, assert, [...BLOCK_KEYS, 'assertMatrix']);
  }

  const collect = isObject(ci.collect) ? ci.collect : {};
  const runs = collect.numberOfRuns;
  if (runs !== undefined && (!Number.isInteger(runs) || (runs as number) < 1)) throw new Error(`${source}: ci.collect.numberOfRuns must be a positive integer`);
  const settings = isObject(collect.settings) ? collect.settings : {};
  const formFactor = settings.preset ?? settings.formFactor ?? 'mobile';
  if (formFactor !== 'mobile' && formFactor !== 'desktop') throw new Error(`${source}: ci.collect.settings.preset must be "desktop" or absent (mobile)`);
  return { numberOfRuns: (runs as number | undefined) ?? null, formFactor, assert: assert as AssertConfig };
}

export function readLighthouserc(path: string): Lighthouserc {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return parseLighthouserc(value, path);
}
