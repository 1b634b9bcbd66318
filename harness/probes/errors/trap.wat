;; errors.trap: one function that can divide by zero and one that is nothing but `unreachable`.
;; features: none
(module
  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "trap")
    (unreachable)))
