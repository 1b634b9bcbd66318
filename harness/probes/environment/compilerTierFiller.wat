;; environment.compilerTier's filler: one function, which the page copies into a module of many to
;; time its compilation (an engine that compiles with its optimizing compiler before the first call
;; takes several times longer than one that compiles with its baseline compiler or lazily).
;; One type, one function, no imports or exports: the page rebuilds the function and code sections.
;; features: none
(module
  (func (param $n i32) (result i32) (local $i i32) (local $a i32) (local $e f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32.add (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
        (local.set $e (f64.add (f64.mul (local.get $e) (f64.const 0.5)) (f64.convert_i32_s (local.get $a))))
        (local.set $a (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 7))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (local.get $a) (i32.wrap_i64 (i64.reinterpret_f64 (local.get $e)))))
)
