//! Typed-array kernels. wasm-bindgen copies a `Float64Array` into linear memory for `&[f64]`
//! and copies `&mut [f64]` back out, so these also measure the boundary copy.

/// Left-to-right sum, the same order as the TypeScript twin.
pub fn sum(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |acc, v| acc + v)
}

/// Sorts ascending as `Float64Array.prototype.sort` does: -0 before +0, every NaN last.
pub fn sort(values: &mut [f64]) {
    values.sort_unstable_by(|a, b| match (a.is_nan(), b.is_nan()) {
        (true, true) => core::cmp::Ordering::Equal,
        (true, false) => core::cmp::Ordering::Greater,
        (false, true) => core::cmp::Ordering::Less,
        (false, false) => a.total_cmp(b),
    });
}

/// In place: every `x` becomes `scale * x + offset`.
pub fn scale_offset(values: &mut [f64], scale: f64, offset: f64) {
    for v in values.iter_mut() {
        *v = scale * *v + offset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_adds_left_to_right() {
        assert_eq!(sum(&[]), 0.0);
        assert_eq!(sum(&[1.5, 2.5, -1.0]), 3.0);
        assert_eq!(sum(&[1e16, 1.0, -1e16]), 0.0);
    }

    #[test]
    fn sort_matches_typed_array_order() {
        let mut v = [3.0, f64::NAN, -0.0, 0.0, -1.0, f64::INFINITY, -f64::NAN];
        sort(&mut v);
        assert_eq!(&v[..5], &[-1.0, -0.0, 0.0, 3.0, f64::INFINITY]);
        assert!(v[1].is_sign_negative() && v[2].is_sign_positive());
        assert!(v[5].is_nan() && v[6].is_nan());
        let mut empty: [f64; 0] = [];
        sort(&mut empty);
    }

    #[test]
    fn scale_offset_maps_in_place() {
        let mut v = [0.0, 1.0, -2.0];
        scale_offset(&mut v, 2.0, 0.5);
        assert_eq!(v, [0.5, 2.5, -3.5]);
    }
}
