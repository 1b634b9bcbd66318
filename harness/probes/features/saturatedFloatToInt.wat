;; features.saturatedFloatToInt: a conversion that saturates (or gives 0 for NaN) where i32.trunc_f64_s traps.
;; features: nontrapping-float-to-int
(module
  (func (export "trunc") (param f64) (result i32)
    (i32.trunc_sat_f64_s (local.get 0))))
