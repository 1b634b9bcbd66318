// Horizontal bar charts as inline SVG, readable without any tool or script: one group of bars per
// task, one bar per series (engine), on a log scale, each bar growing from the origin (1×) with its
// uncertainty whisker and its value printed in a column on the right. Ratios need a log scale:
// 2× faster and 2× slower must look equally far from 1×.
import { escapeHtml } from '../../reporting/escapeHtml.ts';
import { significant } from './format.ts';

export interface ChartPoint {
  value: number;
  /** Whisker ends (value ∓ uncertainty), > 0. */
  low: number;
  high: number;
  /** Printed in the value column and in the bar's tooltip. */
  text: string;
}

export interface ChartSeries {
  name: string;
  color: string;
}

export interface ChartRow {
  label: string;
  /** A second, smaller line under the label. */
  note?: string;
  /** One per series, in series order; null where the series has no value (not run, failed). */
  points: Array<ChartPoint | null>;
}

export interface LogBarChart {
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Where the bars start (1×: same speed, or native speed), drawn as a line. */
  origin: number;
  originLabel: string;
  /** What a bar to the left / right of the origin means. */
  leftMeans: string;
  rightMeans: string;
}

const WIDTH = 1040;
const LABEL_W = 220;
const PLOT_X = LABEL_W + 10;
const PLOT_W = 480;
/** A generous average glyph width at 12 px, for laying out the legend without measuring text. */
const CHAR_W = 8;
const MAX_RATIO = 1000;
const VALUE_X = PLOT_X + PLOT_W + 14;
const BAR_H = 11;
const BAR_GAP = 3;
const ROW_PAD = 10;
/** Legend (one line) and axis labels above the first row. */
const TOP_BASE = 58;

/** Tick values 1-2-5 (or 1-3) per decade inside [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const decades = Math.log10(hi) - Math.log10(lo);
  const steps = decades > 3 ? [1] : decades > 1.5 ? [1, 3] : [1, 2, 5];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}

export function renderLogBarChart(chart: LogBarChart): string {
  const points = chart.rows.flatMap((r) => r.points).filter((p): p is ChartPoint => p !== null && p.value > 0);
  // At most MAX_RATIO either side of the origin: one extreme value (a 10 000× outlier) must not
  // squash every other bar. Bars beyond it are drawn to the edge and marked; their text is exact.
  const lo = Math.max(chart.origin / MAX_RATIO, Math.min(chart.origin / 2, ...points.map((p) => p.low)) / 1.25);
  const hi = Math.min(chart.origin * MAX_RATIO, Math.max(chart.origin * 2, ...points.map((p) => p.high)) * 1.25);
  const x = (v: number) => PLOT_X + ((Math.log(Math.min(hi, Math.max(lo, v))) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * PLOT_W;
  // Legend items left to right, wrapping to a new line at the chart's edge.
  const legend: Array<{ x: number; line: number }> = [];
  let lx = PLOT_X;
  let line = 0;
  for (const s of chart.series) {
    const w = 34 + s.name.length * CHAR_W;
    if (lx + w > WIDTH && lx > PLOT_X) [lx, line] = [PLOT_X, line + 1];
    legend.push({ x: lx, line });
    lx += w;
  }
  const TOP = TOP_BASE + 18 * line;
  const rowH = chart.series.length * (BAR_H + BAR_GAP) + ROW_PAD;
  const height = TOP + chart.rows.length * rowH + 34;
  const svg: string[] = [];
  svg.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(chart.title)}" font-family="system-ui, sans-serif" font-size="12">`,
  );
  svg.push(`<title>${escapeHtml(chart.title)}</title>`);
  chart.series.forEach((s, i) => {
    const { x: ix, line: il } = legend[i]!;
    svg.push(
      `<rect x="${ix}" y="${6 + 18 * il}" width="12" height="12" fill="${s.color}"/><text x="${ix + 16}" y="${16 + 18 * il}">${escapeHtml(s.name)}</text>`,
    );
  });
  // Grid, ticks and the origin line.
  for (const t of ticks(lo, hi)) {
    const tx = x(t).toFixed(1);
    svg.push(
      `<line x1="${tx}" y1="${TOP - 6}" x2="${tx}" y2="${height - 30}" stroke="#e4e4e4"/><text x="${tx}" y="${TOP - 12}" text-anchor="middle" fill="#555">${significant(t, 2)}×</text>`,
    );
  }
  const rx = x(chart.origin).toFixed(1);
  svg.push(`<line x1="${rx}" y1="${TOP - 6}" x2="${rx}" y2="${height - 30}" stroke="#333" stroke-width="1.5"/>`);
  svg.push(`<text x="${rx}" y="${height - 16}" text-anchor="middle" font-weight="600">${escapeHtml(chart.originLabel)}</text>`);
  svg.push(`<text x="${PLOT_X}" y="${height - 4}" fill="#555">← ${escapeHtml(chart.leftMeans)}</text>`);
  svg.push(`<text x="${PLOT_X + PLOT_W}" y="${height - 4}" text-anchor="end" fill="#555">${escapeHtml(chart.rightMeans)} →</text>`);
  // Rows.
  chart.rows.forEach((row, i) => {
    const y0 = TOP + i * rowH;
    if (i % 2 === 1) svg.push(`<rect x="0" y="${y0 - 2}" width="${WIDTH}" height="${rowH}" fill="#f7f7f7"/>`);
    svg.push(`<text x="${LABEL_W}" y="${y0 + 12}" text-anchor="end" font-weight="600">${escapeHtml(row.label)}</text>`);
    // A long note (route pairs: "<route> vs <route>") goes on two lines.
    const noteLines = row.note ? (row.note.length > 36 && row.note.includes(' vs ') ? row.note.replace(' vs ', '\n vs ').split('\n') : [row.note]) : [];
    noteLines.forEach((line, k) => {
      svg.push(`<text x="${LABEL_W}" y="${y0 + 25 + 12 * k}" text-anchor="end" fill="#666" font-size="10">${escapeHtml(line.trim())}</text>`);
    });
    row.points.forEach((p, j) => {
      const s = chart.series[j]!;
      const y = y0 + j * (BAR_H + BAR_GAP);
      if (!p || !(p.value > 0)) {
        svg.push(`<text x="${VALUE_X + 14}" y="${y + BAR_H - 1}" fill="#888">${escapeHtml(s.name)}: —</text>`);
        return;
      }
      const a = x(chart.origin);
      const b = x(p.value);
      const tip = `${row.label}, ${s.name}: ${p.text}`;
      svg.push(
        `<rect x="${Math.min(a, b).toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(b - a)).toFixed(1)}" height="${BAR_H}" fill="${s.color}"><title>${escapeHtml(tip)}</title></rect>`,
      );
      if (p.value > hi || p.value < lo) {
        const edge = p.value > hi ? PLOT_X + PLOT_W : PLOT_X;
        const dir = p.value > hi ? 1 : -1;
        svg.push(
          `<path d="M${edge} ${y - 1}l${6 * dir} ${BAR_H / 2 + 1}l${-6 * dir} ${BAR_H / 2 + 1}z" fill="#222"><title>${escapeHtml(`${tip} (beyond the axis)`)}</title></path>`,
        );
      }
      const [wl, wh] = [x(p.low), x(p.high)];
      const wy = (y + BAR_H / 2).toFixed(1);
      svg.push(
        `<path d="M${wl.toFixed(1)} ${wy}H${wh.toFixed(1)}M${wl.toFixed(1)} ${y + 2}V${y + BAR_H - 2}M${wh.toFixed(1)} ${y + 2}V${y + BAR_H - 2}" stroke="#222" stroke-width="1" fill="none"/>`,
      );
      svg.push(
        `<rect x="${VALUE_X}" y="${y + 1}" width="9" height="9" fill="${s.color}"/><text x="${VALUE_X + 14}" y="${y + BAR_H - 1}" fill="#222">${escapeHtml(`${s.name}: ${p.text}`)}</text>`,
      );
    });
  });
  svg.push('</svg>');
  return svg.join('\n');
}
