;; features.jsStringBuiltins: nothing but the wasm:js-string length import, which the probe leaves for
;; the engine to provide (no import object), so only the builtin can satisfy it.
;; features: reference-types
(module
  (import "wasm:js-string" "length" (func $length (param externref) (result i32)))
  (func (export "len") (param externref) (result i32)
    (call $length (local.get 0))))
