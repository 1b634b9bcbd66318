// TypeScript twins of crate/src/arrays.rs, over the same Float64Arrays.

export function sumF64(values: Float64Array): number {
  let acc = 0;
  for (let i = 0; i < values.length; i++) acc += values[i]!;
  return acc;
}

/** In place. TypedArray sort is numeric with -0 before +0 and NaN last, as the Rust kernel is. */
export function sortF64(values: Float64Array): void {
  values.sort();
}

export function scaleOffsetF64(values: Float64Array, scale: number, offset: number): void {
  for (let i = 0; i < values.length; i++) values[i] = scale * values[i]! + offset;
}
