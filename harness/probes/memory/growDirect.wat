;; memory.growDirect: a memory of 1 page with a maximum of 2, and memory.grow / memory.size for JS to call.
;; features: none
(module
  (memory (export "mem") 1 2)
  (func (export "grow") (param i32) (result i32)
    (memory.grow (local.get 0)))
  (func (export "size") (result i32)
    (memory.size)))
