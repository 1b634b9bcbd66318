;; features.typedFunctionReferences: a function called through a typed reference (call_ref), held in a
;; nullable local so that br_on_null has a null to branch on when the probe passes 0.
;; features: reference-types gc
(module
  (type $binop (func (param i32 i32) (result i32)))
  (func $sub (type $binop)
    (i32.sub (local.get 0) (local.get 1)))
  (elem declare func $sub)
  (func (export "run") (param $withFunction i32) (result i32)
    (local $f (ref null $binop))
    (if (local.get $withFunction)
      (then (local.set $f (ref.func $sub))))
    (block $null
      (return
        (call_ref $binop (i32.const 50) (i32.const 8) (br_on_null $null (local.get $f)))))
    (i32.const -1)))
