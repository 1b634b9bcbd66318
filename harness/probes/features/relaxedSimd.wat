;; features.relaxedSimd: inputs where every result the proposal allows is the same one, so the answer
;; is exact: products and sums exact in f32 (fused or not), and in-range non-NaN floats to truncate.
;; features: simd relaxed-simd
(module
  (memory (export "mem") 1)
  (func (export "run")
    (v128.store (i32.const 0)
      (f32x4.relaxed_madd
        (v128.const f32x4 1 2 3 4) (v128.const f32x4 5 6 7 8) (v128.const f32x4 0.5 0.5 0.5 0.5)))
    (v128.store (i32.const 16)
      (i32x4.relaxed_trunc_f32x4_s (v128.const f32x4 1.5 -2.5 100.75 -7)))))
