;; features.jspi: an ordinary import and export; JSPI is in how the probe wraps them (WebAssembly.Suspending
;; around the import, WebAssembly.promising around the export), not in the module.
;; features: none
(module
  (import "env" "next" (func $next (result i32)))
  (func (export "run") (result i32)
    (i32.add (call $next) (i32.const 1))))
