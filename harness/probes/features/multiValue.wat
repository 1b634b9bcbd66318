;; features.multiValue: a function with two results, which JS receives as an array.
;; features: multivalue
(module
  (func (export "swap") (param i32 i32) (result i32 i32)
    (local.get 1)
    (local.get 0)))
