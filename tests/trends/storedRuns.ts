// Ten suite runs made from one stored run (tests/fixtures/compat/all-pass.json), an hour apart, with
// changes between them at known runs, for the trends page's tests:
//  - from run 4, firefox fails a probe it passed (its expectation changed, on the same engine version);
//  - from run 6, the module is larger (raw, gzip and brotli);
//  - from run 8, WebKit reports a new version (faked in the stored run), and webkit fails a Rust test
//    it passed, so that failure began with the new version.
import { readFileSync } from 'node:fs';
import type { CompatReport } from '../../runner/compatReport.ts';

export const FIREFOX_PROBE_CHANGED_AT = 4;
export const SIZE_GROWN_AT = 6;
export const WEBKIT_VERSION_CHANGED_AT = 8;
export const NEW_WEBKIT_VERSION = '2.52.0';
export const GROWN_BYTES = 225_038;

const base = JSON.parse(readFileSync(new URL('../fixtures/compat/all-pass.json', import.meta.url), 'utf8')) as CompatReport;

/** The probe firefox starts failing: the first of its verdicts that passed. */
export const FIREFOX_PROBE = base.projects.firefox!.probes.find((v) => v.status === 'pass' && !v.context)!.id;
/** The Rust test webkit starts failing: its first passed one. */
const webkitRust = base.projects.webkit!.rustTests!.find((t) => t.status === 'passed')!;
export const WEBKIT_RUST_ITEM = `rust test ${webkitRust.target}::${webkitRust.name} (${webkitRust.mode})`;

/** Run n (1-based) of the ten, `machine` apart from the others by its id. */
export function storedRun(n: number, machine = 'a'): CompatReport {
  const run = structuredClone(base);
  const at = new Date(Date.UTC(2026, 11, 1, n, 0, 0));
  run.runId = `${machine}-run-${n}`;
  run.startedAt = new Date(at.getTime() - (60_000 + n * 1000)).toISOString();
  run.generatedAt = at.toISOString();
  if (n >= FIREFOX_PROBE_CHANGED_AT) {
    const v = run.projects.firefox!.probes.find((p) => p.id === FIREFOX_PROBE && !p.context)!;
    Object.assign(v, { status: 'fail', asExpected: false, expected: 'unsupported' });
  }
  if (n >= SIZE_GROWN_AT && run.subject?.wasm) Object.assign(run.subject.wasm, { bytes: GROWN_BYTES, gzip: 90_112, brotli: 75_840 });
  if (n >= WEBKIT_VERSION_CHANGED_AT) {
    for (const p of Object.values(run.projects)) if (p.engine?.engine === 'webkit') p.engine.version = NEW_WEBKIT_VERSION;
    const t = run.projects.webkit!.rustTests!.find((r) => r.name === webkitRust.name && r.mode === webkitRust.mode && r.target === webkitRust.target)!;
    Object.assign(t, { status: 'failed', output: 'panicked at a new engine version' });
  }
  return run;
}
