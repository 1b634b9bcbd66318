;; features.referenceTypes: an externref stored in a table and fetched back out unchanged.
;; features: reference-types
(module
  (table 1 externref)
  (func (export "roundtrip") (param externref) (result externref)
    (table.set 0 (i32.const 0) (local.get 0))
    (table.get 0 (i32.const 0))))
