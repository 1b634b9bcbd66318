// TypeScript twins of crate/src/math.rs: the same work, in the same order, on the same inputs.

export function sieveCount(limit: number): number {
  if (limit < 2) return 0;
  const composite = new Uint8Array(limit + 1);
  let count = 0;
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    count++;
    for (let multiple = i * i; multiple <= limit; multiple += i) composite[multiple] = 1;
  }
  return count;
}

export function matmul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const expected = n * n;
  if (a.length !== expected || b.length !== expected) {
    throw new Error(`matmul: expected two arrays of ${expected} values for n = ${n}, got ${a.length} and ${b.length}`);
  }
  const out = new Float64Array(expected);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += a[i * n + k]! * b[k * n + j]!;
      out[i * n + j] = acc;
    }
  }
  return out;
}

export function mandelbrot(width: number, height: number, maxIter: number): number {
  let total = 0;
  for (let py = 0; py < height; py++) {
    const y0 = -1.5 + (3.0 * py) / height;
    for (let px = 0; px < width; px++) {
      const x0 = -2.0 + (3.0 * px) / width;
      let x = 0;
      let y = 0;
      let iter = 0;
      while (iter < maxIter && x * x + y * y <= 4.0) {
        const nextX = x * x - y * y + x0;
        y = 2.0 * x * y + y0;
        x = nextX;
        iter++;
      }
      total = (total + iter) >>> 0;
    }
  }
  return total;
}
