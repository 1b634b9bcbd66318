;; features.multiMemory: a store to the first memory, memory.copy across to the second, a load from it;
;; the first memory is read from JS at the same offset to show the two are apart.
;; features: multimemory bulk-memory-opt
(module
  (memory $a (export "a") 1)
  (memory $b (export "b") 1)
  (func (export "run") (result i32)
    (i32.store $a (i32.const 0) (i32.const 0x01020304))
    (memory.copy $b $a (i32.const 16) (i32.const 0) (i32.const 4))
    (i32.load $b (i32.const 16))))
