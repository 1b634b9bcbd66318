;; environment.compilerTier: one kernel (five live values, integer and float: a baseline compiler
;; keeps them in memory, an optimizing one in registers), four times over, so that each copy is a
;; function of its own to each engine's tiering: three are called once each (their first calls: on
;; the first compiler an engine uses), one many times (warm: on the last). V8's natives are asked of them.
;; features: none
(module
  (func (export "first_a") (param $n i32) (result i32) (local $i i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32.add (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
        (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const 5))))
        (local.set $c (i32.add (local.get $c) (i32.shr_u (local.get $b) (i32.const 3))))
        (local.set $d (i32.sub (local.get $d) (i32.and (local.get $c) (local.get $a))))
        (local.set $e (f64.add (f64.mul (local.get $e) (f64.const 1.0001)) (f64.convert_i32_s (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (i32.trunc_f64_s (f64.min (f64.max (local.get $e) (f64.const -1e9)) (f64.const 1e9)))
      (i32.xor (local.get $a) (i32.xor (local.get $b) (i32.xor (local.get $c) (local.get $d))))))
  (func (export "first_b") (param $n i32) (result i32) (local $i i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32.add (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
        (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const 5))))
        (local.set $c (i32.add (local.get $c) (i32.shr_u (local.get $b) (i32.const 3))))
        (local.set $d (i32.sub (local.get $d) (i32.and (local.get $c) (local.get $a))))
        (local.set $e (f64.add (f64.mul (local.get $e) (f64.const 1.0001)) (f64.convert_i32_s (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (i32.trunc_f64_s (f64.min (f64.max (local.get $e) (f64.const -1e9)) (f64.const 1e9)))
      (i32.xor (local.get $a) (i32.xor (local.get $b) (i32.xor (local.get $c) (local.get $d))))))
  (func (export "first_c") (param $n i32) (result i32) (local $i i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32.add (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
        (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const 5))))
        (local.set $c (i32.add (local.get $c) (i32.shr_u (local.get $b) (i32.const 3))))
        (local.set $d (i32.sub (local.get $d) (i32.and (local.get $c) (local.get $a))))
        (local.set $e (f64.add (f64.mul (local.get $e) (f64.const 1.0001)) (f64.convert_i32_s (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (i32.trunc_f64_s (f64.min (f64.max (local.get $e) (f64.const -1e9)) (f64.const 1e9)))
      (i32.xor (local.get $a) (i32.xor (local.get $b) (i32.xor (local.get $c) (local.get $d))))))
  (func (export "warm") (param $n i32) (result i32) (local $i i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a (i32.add (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
        (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const 5))))
        (local.set $c (i32.add (local.get $c) (i32.shr_u (local.get $b) (i32.const 3))))
        (local.set $d (i32.sub (local.get $d) (i32.and (local.get $c) (local.get $a))))
        (local.set $e (f64.add (f64.mul (local.get $e) (f64.const 1.0001)) (f64.convert_i32_s (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.xor (i32.trunc_f64_s (f64.min (f64.max (local.get $e) (f64.const -1e9)) (f64.const 1e9)))
      (i32.xor (local.get $a) (i32.xor (local.get $b) (i32.xor (local.get $c) (local.get $d))))))
)
