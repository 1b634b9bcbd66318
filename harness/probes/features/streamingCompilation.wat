;; features.streamingCompilation: any small module will do; what is probed is how it reaches the engine.
;; features: none
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
