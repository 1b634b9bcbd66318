;; features.webContentSecurityPolicy: any small module will do; what is probed is whether the page's
;; Content-Security-Policy lets it compile.
;; features: none
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
