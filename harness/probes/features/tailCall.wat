;; features.tailCall: counts down by calling itself in tail position; the probe recurses deep enough
;; that ordinary calls would exhaust the stack.
;; features: tail-call
(module
  (func $count (export "count") (param i32 i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (local.get 1))
      (else
        (return_call $count
          (i32.sub (local.get 0) (i32.const 1))
          (i32.add (local.get 1) (i32.const 1)))))))
