;; features.wideArithmetic: 128-bit results as (low, high) i64 pairs, which JS receives as two BigInts.
;; features: wide-arithmetic multivalue
(module
  (func (export "add128") (param i64 i64 i64 i64) (result i64 i64)
    (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "mulWideS") (param i64 i64) (result i64 i64)
    (i64.mul_wide_s (local.get 0) (local.get 1)))
  (func (export "mulWideU") (param i64 i64) (result i64 i64)
    (i64.mul_wide_u (local.get 0) (local.get 1))))
