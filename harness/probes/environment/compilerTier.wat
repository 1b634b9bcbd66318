;; environment.compilerTier: a loop that calls four small functions on every turn. A baseline compiler
;; (or an interpreter) pays for each call and keeps the loop's values in memory; an optimizing
;; compiler keeps them in registers, calls cheaply or inlines. The page times it against the same
;; loop written in JavaScript, whose compilers no WebAssembly pin touches, and asks V8 which compiler
;; made its code where V8 can answer.
;; features: none
(module
  (func $step (param $a i32) (param $i i32) (result i32)
    (i32.add (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
  (func $mix (param $e f64) (param $a i32) (result f64)
    (f64.add (f64.mul (local.get $e) (f64.const 0.5)) (f64.convert_i32_s (local.get $a))))
  (func $twist (param $a i32) (result i32)
    (i32.xor (local.get $a) (i32.shr_u (local.get $a) (i32.const 7))))
  (func $damp (param $e f64) (result f64)
    (f64.mul (local.get $e) (f64.const 0.75)))
  (func (export "calls") (param $n i32) (result i32) (local $i i32) (local $a i32) (local $e f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (call $twist (call $step (local.get $a) (local.get $i))))
        (local.set $e (call $damp (call $mix (local.get $e) (local.get $a))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (local.get $a) (i32.wrap_i64 (i64.reinterpret_f64 (local.get $e)))))
)
