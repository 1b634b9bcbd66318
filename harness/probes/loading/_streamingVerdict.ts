// The rule of loading.compileDuringDownload, a pure function over the timings a page measured, so
// that it is unit-tested on stored timings (tests/unit/streamingVerdict.test.ts) and explained in one
// place (docs/streaming.md, "The rule").
//
// Each pair loads the same trickled module (each load its own copy, differing only in a leading
// custom section) twice, one load through instantiateStreaming and one through fetch, arrayBuffer
// and instantiate, back to back, the order alternating from pair to pair. Each is timed from its
// last byte (Resource Timing's responseEnd) to a ready instance. Both routes wait for the same
// bytes at the same pace and then do the same instantiation; what differs is whether compiling
// happened before the last byte. So in pair i the streaming route keeps a share
//   r_i = streaming_i / bytes_i
// of the bytes route's after-last-byte time. Overlap means the compile was done during the
// download: r well under 1. Read-then-compile (a polyfill, or the shim behind ?streaming=buffered)
// is the bytes route under another name: r near 1. An engine that streams the bytes into itself
// and compiles only at the end saves only the copy into an ArrayBuffer (a few ms of 3.9 MB):
// r still well above a half.
//
// The rule: overlap when the median of r over the pairs is at most OVERLAP_SHARE (a half: streaming
// saved at least half of what the bytes route needs after its last byte); no saving from
// NO_SAVING_SHARE (0.8) up; between the two, inconclusive ('info'). Measured here (2026-12-04),
// Firefox and WebKitGTK gave 0.03 to 0.29 and the read-then-compile shim 0.84 to 2.42, far apart;
// V8 compiles lazily, so its compile after the last byte is small beside the fixed cost of
// instantiating, and its medians fell on both sides of any one line: 0.09 to 0.70 unmodified
// (0.70 through Appium's Chromium), 0.62 to 2.42 under the shim. That band is not decided. The median of at least
// three pairs needs two disturbed pairs (of three) to move, where the quickest of each route (the
// earlier rule) could be set by one; a ratio within a pair is scale-free, so a CPU slowed
// uniformly (a loaded machine, a throttled phone) changes neither route's share, and the
// pairs' interleaving puts what load there is on both routes alike.
import type { ProbeStatus } from '../probe.ts';

/** Overlap when streaming leaves at most this share of the bytes route's after-last-byte time (median over pairs). */
export const OVERLAP_SHARE = 0.5;
/** No saving when streaming leaves at least this share (median over pairs); between the two the pairs do not decide. */
export const NO_SAVING_SHARE = 0.8;
/** A trickled body spreads over at least this share of size / rate; less is a burst. */
export const BURST_SHARE = 0.5;

/** One load, as the page measured it. */
export interface RouteTiming {
  /** Last byte (responseEnd) to a ready instance, ms. */
  afterLastByte: number;
  /** First byte to last byte (responseStart to responseEnd), ms. */
  download: number;
}

export interface StreamingPair {
  streaming: RouteTiming;
  bytes: RouteTiming;
  /** A fresh compile of the same module from memory in this pair, ms: for scale only. */
  compile?: number;
}

/** overlaps: compiled during the download (pass). no-saving: streams, but finishes after the download (fail).
 * inconclusive: a saving too small beside the fixed cost to tell the two apart (info).
 * buffered: the body arrived in one burst, so nothing could overlap (fail: the deployment's fault). */
export type StreamingOutcome = 'overlaps' | 'no-saving' | 'inconclusive' | 'buffered';

export interface StreamingJudgement {
  status: Extract<ProbeStatus, 'pass' | 'fail' | 'info'>;
  outcome: StreamingOutcome;
  detail: string;
  /** r_i per pair, and their median. */
  shares: number[];
  medianShare: number;
  /** Per pair: what streaming saved after the last byte (bytes − streaming), ms; and their median. */
  savedMs: number[];
  medianSavedMs: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** `pacedMs`: how long the trickle takes to send the module (size / rate). */
export function judgeStreaming(pairs: StreamingPair[], pacedMs: number): StreamingJudgement {
  if (pairs.length === 0) throw new Error('judgeStreaming: no pairs');
  // A floor of 0.1 ms under the bytes route keeps a share finite on a timer that rounds to zero.
  const shares = pairs.map((p) => Math.max(0, p.streaming.afterLastByte) / Math.max(0.1, p.bytes.afterLastByte));
  const savedMs = pairs.map((p) => p.bytes.afterLastByte - p.streaming.afterLastByte);
  const medianShare = median(shares);
  const medianSavedMs = median(savedMs);
  const perPair = pairs.map((p) => `${ms(p.streaming.afterLastByte)} vs ${ms(p.bytes.afterLastByte)}`).join(', ');
  const compiles = pairs.map((p) => p.compile).filter((c): c is number => c !== undefined);
  const seen =
    `after the last byte, streaming vs bytes in ${pairs.length} pair${pairs.length === 1 ? '' : 's'}: ${perPair}; ` +
    `streaming kept a median ${pct(medianShare)} of the bytes route's time (saved ${ms(medianSavedMs)})` +
    (compiles.length ? `; a fresh compile from memory ${ms(median(compiles))}` : '');
  const base = { shares, medianShare, savedMs, medianSavedMs };
  // The loads of either route must have been trickled: bursts mean something buffered the body. Per
  // route, the median load: a buffering proxy buffers every load, while one load seen as a burst can be
  // the page starved of CPU, its first bytes read late (293 ms against 736 ms, one load of six, in a
  // fresh-clone npm test on 2026-12-07, Chromium's page sharing the machine with the other lane).
  const download = Math.min(median(pairs.map((p) => p.streaming.download)), median(pairs.map((p) => p.bytes.download)));
  if (download < pacedMs * BURST_SHARE) {
    return {
      ...base,
      status: 'fail',
      outcome: 'buffered',
      detail: `the module arrived in one burst (${ms(download)} from first to last byte; trickled it takes ${ms(pacedMs)}): something between the server and the page buffered the whole body, so compilation had nothing to overlap; ${seen}`,
    };
  }
  if (medianShare <= OVERLAP_SHARE) return { ...base, status: 'pass', outcome: 'overlaps', detail: `compiled during the download: ${seen}` };
  if (medianShare < NO_SAVING_SHARE) {
    return {
      ...base,
      status: 'info',
      outcome: 'inconclusive',
      detail: `inconclusive: streaming kept between ${pct(OVERLAP_SHARE)} and ${pct(NO_SAVING_SHARE)} of the bytes route's time, a saving too small beside the fixed cost to tell overlap from read-then-compile (a lazy compiler such as V8's leaves little to overlap): ${seen}`,
    };
  }
  return {
    ...base,
    status: 'fail',
    outcome: 'no-saving',
    detail: `streams, but finishes after the download (no saving: it kept at least ${pct(NO_SAVING_SHARE)} of the bytes route's time after the last byte): ${seen}`,
  };
}
