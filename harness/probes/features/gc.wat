;; features.gc: a struct and a mutable array allocated, written and read back, and the array's length.
;; features: gc reference-types multivalue
(module
  (type $pair (struct (field i32) (field i32)))
  (type $arr (array (mut i32)))
  (func (export "run") (result i32 i32 i32 i32)
    (local $p (ref null $pair))
    (local $a (ref null $arr))
    (local.set $p (struct.new $pair (i32.const 20) (i32.const 22)))
    (local.set $a (array.new $arr (i32.const 7) (i32.const 3)))
    (array.set $arr (local.get $a) (i32.const 1) (i32.const 100))
    (i32.add (struct.get $pair 0 (local.get $p)) (struct.get $pair 1 (local.get $p)))
    (array.get $arr (local.get $a) (i32.const 0))
    (array.get $arr (local.get $a) (i32.const 1))
    (array.len (local.get $a))))
