;; features.signExtension: the low byte of an i32, sign-extended.
;; features: sign-ext
(module
  (func (export "extend8") (param i32) (result i32)
    (i32.extend8_s (local.get 0))))
