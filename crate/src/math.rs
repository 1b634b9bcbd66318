//! Math kernels: an integer loop and a float kernel, both branchy and memory-bound enough to show
//! how an engine's tiering treats them.

/// Number of primes `<= limit`, by the sieve of Eratosthenes.
pub fn sieve_count(limit: u32) -> u32 {
    if limit < 2 {
        return 0;
    }
    let n = limit as usize;
    let mut composite = vec![false; n + 1];
    let mut count = 0;
    for i in 2..=n {
        if composite[i] {
            continue;
        }
        count += 1;
        // `i * i` overflows a 32-bit usize (wasm32) once i > 65535: only mark when it fits.
        if i > n / i {
            continue;
        }
        let mut multiple = i * i;
        while multiple <= n {
            composite[multiple] = true;
            multiple += i;
        }
    }
    slowdown::counted(&composite, count)
}

/// Row-major `n x n` product `a * b`. Accumulates in the same order as the TypeScript twin, so the
/// two agree bit for bit (WebAssembly has no implicit fused multiply-add).
pub fn matmul(a: &[f64], b: &[f64], n: usize) -> Result<Vec<f64>, String> {
    let expected = n
        .checked_mul(n)
        .ok_or_else(|| format!("matrix size {n} overflows"))?;
    if a.len() != expected || b.len() != expected {
        return Err(format!(
            "matmul: expected two arrays of {expected} values for n = {n}, got {} and {}",
            a.len(),
            b.len()
        ));
    }
    let mut out = vec![0.0; expected];
    for i in 0..n {
        for j in 0..n {
            let mut acc = 0.0;
            for k in 0..n {
                acc += a[i * n + k] * b[k * n + j];
            }
            out[i * n + j] = acc;
        }
    }
    Ok(out)
}

/// Sum of escape-iteration counts over a `width x height` grid of the region [-2, 1] x [-1.5, 1.5].
pub fn mandelbrot(width: u32, height: u32, max_iter: u32) -> u32 {
    let mut total: u32 = 0;
    for py in 0..height {
        let y0 = -1.5 + 3.0 * f64::from(py) / f64::from(height);
        for px in 0..width {
            let x0 = -2.0 + 3.0 * f64::from(px) / f64::from(width);
            let (mut x, mut y, mut iter) = (0.0f64, 0.0f64, 0);
            while iter < max_iter && x * x + y * y <= 4.0 {
                let next_x = x * x - y * y + x0;
                y = 2.0 * x * y + y0;
                x = next_x;
                iter += 1;
            }
            total = total.wrapping_add(iter);
        }
    }
    total
}

/// The synthetic slowdowns the A/B benchmark check must catch (docs/benchmarks.md). Kept below
/// every other kernel so the default build's panic locations, and so its bytes, do not move.
#[cfg(not(any(feature = "bench-slowdown", feature = "bench-slowdown-20")))]
mod slowdown {
    #[inline(always)]
    pub(super) fn counted(_composite: &[bool], count: u32) -> u32 {
        count
    }
}

/// With `bench-slowdown` the sieve counts its primes a second time; with `bench-slowdown-20` it
/// counts them again over the first part of its flags only, sized so that `math.sieve` is about
/// 20 % slower: the effect the A/B check's detection rate is measured on (benches/ab/gateRates.ts).
/// `black_box` hides each flag from the optimiser, so the pass cannot be folded away; its result
/// only feeds an assertion, so the answer stays the same. Never inlined: the sieve's own code, and
/// so `sieveCount(1)`'s early return (the call suite's i32 task), stay as they are; only the sieve
/// proper gets slower.
#[cfg(any(feature = "bench-slowdown", feature = "bench-slowdown-20"))]
mod slowdown {
    use std::hint::black_box;

    /// Thousandths of the flags counted again. Measured in Node here (2026-12-06, the A/B check's
    /// medians): a whole recount makes `math.sieve` about 30 % slower, 475 ‰ about 19 %; the cost
    /// is not proportional to the share (333 ‰ gave 14 %, 500 ‰ 23 %), so a new share is measured.
    #[cfg(feature = "bench-slowdown")]
    const RECOUNT_PER_MILLE: usize = 1000;
    #[cfg(not(feature = "bench-slowdown"))]
    const RECOUNT_PER_MILLE: usize = 475;

    #[inline(never)]
    pub(super) fn counted(composite: &[bool], count: u32) -> u32 {
        let flags = &composite[2..];
        // In u64: on wasm32 the product overflows a usize past 4 million flags.
        let share = (flags.len() as u64 * RECOUNT_PER_MILLE as u64 / 1000) as usize;
        let recounted = &flags[..share];
        let again = recounted.iter().filter(|&&c| !black_box(c)).count();
        if recounted.len() == flags.len() {
            assert_eq!(
                again, count as usize,
                "the recount disagrees with the sieve"
            );
        } else {
            assert!(
                again <= count as usize,
                "the partial recount found more primes than the sieve"
            );
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sieve_counts_known_prime_counts() {
        assert_eq!(sieve_count(0), 0);
        assert_eq!(sieve_count(1), 0);
        assert_eq!(sieve_count(2), 1);
        assert_eq!(sieve_count(100), 25);
        assert_eq!(sieve_count(1_000_000), 78_498);
        // Past 65536^2 a 32-bit `i * i` would wrap; u32::MAX-sized limits are too big to test here,
        // so check the guard's edge directly.
        assert_eq!(sieve_count(65_537), 6_543);
    }

    #[test]
    fn matmul_multiplies_and_checks_shapes() {
        let a = [1.0, 2.0, 3.0, 4.0];
        let b = [5.0, 6.0, 7.0, 8.0];
        assert_eq!(matmul(&a, &b, 2).unwrap(), vec![19.0, 22.0, 43.0, 50.0]);
        assert_eq!(matmul(&[], &[], 0).unwrap(), Vec::<f64>::new());
        let err = matmul(&a, &b[..3], 2).unwrap_err();
        assert!(err.contains("got 4 and 3"), "{err}");
    }

    #[test]
    fn mandelbrot_is_stable() {
        assert_eq!(mandelbrot(0, 0, 100), 0);
        // Every point of a 1x1 grid is (-2, -1.5), which escapes after one iteration.
        assert_eq!(mandelbrot(1, 1, 100), 1);
        let small = mandelbrot(32, 32, 50);
        assert!(small > 32 * 32 && small < 32 * 32 * 50, "{small}");
    }
}
