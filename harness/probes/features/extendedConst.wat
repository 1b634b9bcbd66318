;; features.extendedConst: a global initialised by arithmetic, which MVP constant expressions forbid.
;; features: extended-const
(module
  (global (export "g") i32 (i32.add (i32.mul (i32.const 4) (i32.const 10)) (i32.const 2))))
