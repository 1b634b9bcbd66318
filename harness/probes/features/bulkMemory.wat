;; features.bulkMemory: fill three bytes, copy them one byte past an untouched one, read all four back.
;; features: bulk-memory-opt
(module
  (memory 1)
  (func (export "run") (result i32)
    (memory.fill (i32.const 9) (i32.const 0xab) (i32.const 3))   ;; bytes 9..11 = ab
    (memory.copy (i32.const 17) (i32.const 9) (i32.const 3))     ;; bytes 17..19 = ab
    (i32.load (i32.const 16))))                                  ;; bytes 16..19 = 00 ab ab ab
