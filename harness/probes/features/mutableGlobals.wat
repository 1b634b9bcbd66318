;; features.mutableGlobals: an exported mutable global, written from JS and read back in wasm.
;; features: mutable-globals
(module
  (global (export "g") (mut i32) (i32.const 0))
  (func (export "read") (result i32)
    (global.get 0)))
