;; features.bigInt: an i64 in and out, so both directions of the BigInt <-> i64 boundary are crossed.
;; features: none
(module
  (func (export "inc") (param i64) (result i64)
    (i64.add (local.get 0) (i64.const 1))))
