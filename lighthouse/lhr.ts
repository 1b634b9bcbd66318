// The parts of a Lighthouse result (LHR) that the summary, the median choice and the budgets read.
// Structural, so a stored report.json parsed from disk is one without a cast to Lighthouse's full type.

export interface LhrAudit {
  id: string;
  title?: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  numericUnit?: string;
  displayValue?: string;
  errorMessage?: string;
  details?: { type?: string; items?: ReadonlyArray<Record<string, unknown>> };
}

export interface LhrCategory {
  id: string;
  title: string;
  score: number | null;
}

export interface Lhr {
  lighthouseVersion: string;
  requestedUrl?: string;
  /** Lighthouse 10+; finalUrl before. */
  finalDisplayedUrl?: string;
  finalUrl?: string;
  fetchTime: string;
  userAgent?: string;
  environment?: { hostUserAgent?: string; benchmarkIndex?: number };
  configSettings: {
    formFactor: string;
    throttlingMethod?: string;
    throttling?: {
      rttMs?: number;
      throughputKbps?: number;
      requestLatencyMs?: number;
      downloadThroughputKbps?: number;
      uploadThroughputKbps?: number;
      cpuSlowdownMultiplier?: number;
    };
  };
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
  categories: Record<string, LhrCategory>;
  audits: Record<string, LhrAudit>;
}

/** The page's URL after redirects, for the summary (and LHCI's finalUrl where Lighthouse leaves that out). */
export function lhrUrl(lhr: Lhr): string {
  return lhr.finalDisplayedUrl ?? lhr.finalUrl ?? lhr.requestedUrl ?? '';
}
