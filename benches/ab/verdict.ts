// The verdict on one task from its interval and the horizon (±h%, default 10%), after tachometer:
//   slower     the whole interval lies above +h        (fails the check: exit 1)
//   faster     the whole interval lies below −h
//   no change  the whole interval lies within ±h       (whatever changed, it is smaller than h)
//   unsure     the interval straddles +h or −h: more rounds might settle it; if none do, the
//              check cannot say B is not slower, and fails (exit 3) unless --accept-unsure (gate.ts)
// A task is resolved once its verdict at one of its looks is not `unsure` (stoppingRule.ts): the
// sampler stops giving it rounds.
import { changePct, type RatioCi } from './differenceCi.ts';

export const DEFAULT_HORIZON_PCT = 10;

export type Verdict = 'slower' | 'faster' | 'no change' | 'unsure';

export function verdictOf(ci: RatioCi | null, horizonPct: number): Verdict {
  if (!ci) return 'unsure';
  const low = changePct(ci.low);
  const high = changePct(ci.high);
  if (low > horizonPct) return 'slower';
  if (high < -horizonPct) return 'faster';
  if (low >= -horizonPct && high <= horizonPct) return 'no change';
  return 'unsure';
}

const pct = (x: number) => `${Math.abs(x) < 10 ? Math.abs(x).toFixed(1) : Math.abs(x).toFixed(0)} %`;

/**
 * The interval in words: "slower by 18–24 %", "faster by 3.0–9.1 %", "−2.1 % to +3.4 %" (it
 * contains no change). Read with the verdict: "slower by 4–14 %" can still be unsure against ±10%.
 */
export function describeDifference(ci: RatioCi | null): string {
  if (!ci) return '—';
  const low = changePct(ci.low);
  const high = changePct(ci.high);
  if (low > 0) return `slower by ${pct(low).replace(' %', '')}–${pct(high)}`;
  if (high < 0) return `faster by ${pct(-high).replace(' %', '')}–${pct(-low)}`;
  const signed = (x: number) => `${x < 0 ? '−' : '+'}${pct(x)}`;
  return `${signed(low)} to ${signed(high)}`;
}
