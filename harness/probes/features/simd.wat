;; features.simd: i32x4.add of two constant vectors, stored for JS to read lane by lane.
;; features: simd
(module
  (memory (export "mem") 1)
  (func (export "run")
    (v128.store (i32.const 0)
      (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40)))))
