;; features.webContentSecurityPolicy: any small module will do; what is probed is whether a
;; Content-Security-Policy governs its instantiation (refused without 'wasm-unsafe-eval', run with it).
;; features: none
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
