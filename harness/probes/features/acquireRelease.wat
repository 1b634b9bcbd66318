;; features.acquireRelease: atomic accesses with the acquire-release ordering immediate on shared memory.
;; features: threads acquire-release-atomics
(module
  (memory (export "mem") 1 1 shared)
  (func (export "store") (param i32 i32)
    (i32.atomic.store acqrel (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32)
    (i32.atomic.load acqrel (local.get 0))))
