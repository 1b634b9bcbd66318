;; errors.linkError: a module whose only content is a function import, so instantiating it is all
;; about that import.
;; features: none
(module
  (import "env" "missing" (func)))
