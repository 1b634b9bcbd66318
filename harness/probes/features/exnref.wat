;; features.exnref: the exception is caught as an exnref by an inner try_table, rethrown with
;; throw_ref, and caught by tag by an outer one, which hands its i32 payload on.
;; features: exception-handling reference-types
(module
  (tag $e (param i32))
  (func (export "run") (param i32) (result i32)
    (block $outer (result i32)
      (try_table (catch $e $outer)
        (block $inner (result exnref)
          (try_table (catch_all_ref $inner) (throw $e (local.get 0)))
          (unreachable))
        (throw_ref))
      (unreachable))
    (i32.add (i32.const 1))))
