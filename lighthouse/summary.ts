// What summary.json holds for one page in one form factor, read from the kept (median) run's LHR:
// the category scores, the five lab metrics of the performance score, the total byte weight, and
// the WebAssembly module's transfer size and encoding (from the wasm-transfer-size audit).
import { type Lhr, lhrUrl } from './lhr.ts';
import type { LighthousePage } from './pages.ts';
import { type LighthouseThrottling, lighthouseThrottling } from './throttling.ts';
import { primaryWasmResponse, type WasmResponse } from './wasmTransfer.ts';
import { WASM_TRANSFER_AUDIT_ID } from './wasmTransferAudit.ts';

export const SUMMARY_METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
  ttiMs: 'interactive',
} as const;
export type SummaryMetric = keyof typeof SUMMARY_METRICS;

export interface WasmSummary {
  /** The response that carried the module (largest network download). */
  url: string;
  transferBytes: number;
  resourceBytes: number;
  encoding: string;
  /** Each distinct module fetched once: the audit's numericValue, which the budgets bound. */
  moduleTransferBytes: number;
  /** Every .wasm response, and their bytes on the wire together. */
  requests: number;
  totalTransferBytes: number;
}

export interface RunFigures {
  fetchTime: string;
  performance: number | null;
  fcpMs: number | null;
  ttiMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  runtimeError: string | null;
}

export interface PageSummary {
  page: string;
  /** What the page is (pages.ts), so no reader takes the probes page's figures for the subject's. */
  label: string;
  formFactor: string;
  url: string;
  lighthouseVersion: string;
  userAgent: string | null;
  /** Lighthouse's throttling, and its CPU benchmark of this machine at the time (higher is faster): context for the timings. */
  throttling: LighthouseThrottling;
  /** Category id → score 0–1 (null when Lighthouse could not score it). */
  scores: Record<string, number | null>;
  metrics: Record<SummaryMetric, number | null>;
  totalByteWeight: number | null;
  wasm: WasmSummary | null;
  /** Lighthouse's warnings, and audits that errored (named with their message). */
  runWarnings: string[];
  auditErrors: string[];
}

function numeric(lhr: Lhr, auditId: string): number | null {
  const value = lhr.audits[auditId]?.numericValue;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function wasmSummary(lhr: Lhr): WasmSummary | null {
  const audit = lhr.audits[WASM_TRANSFER_AUDIT_ID];
  const items = (audit?.details?.items ?? []) as unknown as WasmResponse[];
  const primary = primaryWasmResponse(items);
  if (!audit || !primary) return null;
  return {
    url: primary.url,
    transferBytes: primary.transferSize,
    resourceBytes: primary.resourceSize,
    encoding: primary.encoding,
    moduleTransferBytes: audit.numericValue ?? primary.transferSize,
    requests: items.length,
    totalTransferBytes: items.reduce((sum, r) => sum + r.transferSize, 0),
  };
}

export function pageSummary(page: Pick<LighthousePage, 'name' | 'label'>, lhr: Lhr): PageSummary {
  const metrics = Object.fromEntries(Object.entries(SUMMARY_METRICS).map(([key, auditId]) => [key, numeric(lhr, auditId)])) as Record<
    SummaryMetric,
    number | null
  >;
  return {
    page: page.name,
    label: page.label,
    formFactor: lhr.configSettings.formFactor,
    url: lhrUrl(lhr),
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? lhr.userAgent ?? null,
    throttling: lighthouseThrottling(lhr),
    scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score])),
    metrics,
    totalByteWeight: numeric(lhr, 'total-byte-weight'),
    wasm: wasmSummary(lhr),
    runWarnings: [...lhr.runWarnings],
    auditErrors: Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => `${a.id}: ${a.errorMessage ?? 'error'}`),
  };
}

/** One line per run in summary.json, so the spread between runs (and why the median) is visible. */
export function runFigures(lhr: Lhr): RunFigures {
  return {
    fetchTime: lhr.fetchTime,
    performance: lhr.categories.performance?.score ?? null,
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    ttiMs: numeric(lhr, 'interactive'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}
