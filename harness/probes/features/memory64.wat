;; features.memory64: an i64-indexed memory, addressed near its end, and memory.size answering an i64.
;; features: memory64
(module
  (memory i64 1)
  (func (export "run") (result i32)
    (i32.store (i64.const 65532) (i32.const 0x12345678))
    (i32.load (i64.const 65532)))
  (func (export "pages") (result i64)
    (memory.size)))
