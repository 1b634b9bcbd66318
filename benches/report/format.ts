// Number formatting shared by the table, summary.md and index.html: three significant digits,
// a unit that keeps the number readable (ns … s, ops/s with k/M/G).

const TIME_UNITS: Array<[number, string]> = [
  [1e3, 's'],
  [1, 'ms'],
  [1e-3, 'µs'],
  [1e-6, 'ns'],
];

/** A duration given in milliseconds. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0 ns';
  const [scale, unit] = TIME_UNITS.find(([s]) => Math.abs(ms) >= s) ?? TIME_UNITS[TIME_UNITS.length - 1]!;
  return `${significant(ms / scale)} ${unit}`;
}

export function formatOps(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return String(perSecond);
  for (const [scale, unit] of [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    if (perSecond >= scale) return `${significant(perSecond / scale)}${unit}`;
  }
  return significant(perSecond);
}

export function formatPct(pct: number): string {
  return Number.isFinite(pct) ? `±${pct < 10 ? pct.toFixed(2) : pct.toFixed(1)}%` : '±∞';
}

export function formatSpeedup(value: number, uncertainty: number): string {
  return `${significant(value)} ± ${significant(uncertainty, 2)}×`;
}

/** Three significant digits, no exponent for everyday magnitudes. */
export function significant(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return x.toFixed(Math.min(decimals, 12));
}

/** "2.1× faster" / "3.4× slower" / "same speed" for a speedup of the measured side over the reference side (`measured` names it). */
export function speedupWords(value: number, uncertainty: number, measured: string): string {
  if (Math.abs(value - 1) <= uncertainty) return `${measured} no different within the margin`;
  return value > 1 ? `${measured} ${significant(value, 2)}× faster` : `${measured} ${significant(1 / value, 2)}× slower`;
}
