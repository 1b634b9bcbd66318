// reports/bench/native.json: criterion's timings of the crate's kernels compiled natively.
export interface NativeTask {
  /** criterion's id, `<group>/<name>`: what a pair's `native` field names. */
  id: string;
  /** criterion's mean estimate and its 95% confidence interval, nanoseconds per iteration. */
  meanNs: number;
  lowerNs: number;
  upperNs: number;
  medianNs: number;
  stdDevNs: number;
  /** Half the interval's width over the mean, percent: comparable with tinybench's rme. */
  rme: number;
  /** Whether native code computed what the WASM export and the JS twin compute on the same input. */
  outputs: 'equal' | 'not checked' | string;
}

export interface NativeRun {
  schema: 1;
  kind: 'wasm-compat-native';
  collectedAt: string;
  /** When criterion wrote its newest estimate. */
  measuredAt: string | null;
  rustc: string;
  host: string;
  tasks: NativeTask[];
}
