// Reads a benchmark run written by a runner, refusing files that are not one.
import { existsSync, readFileSync } from 'node:fs';
import type { BenchRun } from './schema.ts';

export function readRun(path: string): BenchRun {
  const run = JSON.parse(readFileSync(path, 'utf8')) as BenchRun;
  if (run.kind !== 'wasm-compat-bench' || run.schema !== 1) throw new Error(`${path} is not a wasm-compat benchmark run (schema 1)`);
  return run;
}

export function readRunIfPresent(path: string): BenchRun | null {
  return existsSync(path) ? readRun(path) : null;
}
