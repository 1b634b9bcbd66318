;; features.exceptions: the legacy try/catch encoding; the catch receives the thrown i32 on the stack.
;; features: exception-handling
(module
  (tag $e (param i32))
  (func (export "run") (param i32) (result i32)
    (try (result i32)
      (do (throw $e (local.get 0)))
      (catch $e (i32.add (i32.const 1))))))
