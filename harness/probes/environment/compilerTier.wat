;; environment.compilerTier: one integer loop, the same work every call, for telling which of the
;; engine's compilers runs it (V8's natives where they are allowed; its time otherwise).
;; features: none
(module
  (func (export "mix") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (i32.xor
            (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $i))
            (i32.shr_u (local.get $acc) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
