;; features.threads: an atomic add on a shared memory, answering the old value.
;; features: threads
(module
  (memory (export "mem") 1 1 shared)
  (func (export "add") (param i32) (result i32)
    (i32.atomic.rmw.add (i32.const 0) (local.get 0))))
