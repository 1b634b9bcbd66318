;; features.stackSwitching: a producer run as a continuation suspends three times with a value; the
;; consumer resumes it after each suspension and sums the values until it returns.
;; features: stack-switching exception-handling reference-types gc multivalue
(module
  (type $producer (func))
  (type $k (cont $producer))
  (tag $yield (param i32))
  (func $produce (type $producer)
    (suspend $yield (i32.const 10))
    (suspend $yield (i32.const 20))
    (suspend $yield (i32.const 12)))
  (elem declare func $produce)
  (func (export "run") (result i32 i32)
    (local $next (ref null $k))
    (local $sum i32)
    (local $suspensions i32)
    (local.set $next (cont.new $k (ref.func $produce)))
    (loop $again
      (block $on_yield (result i32 (ref $k))
        (resume $k (on $yield $on_yield) (local.get $next))
        (return (local.get $sum) (local.get $suspensions)))
      (local.set $next)
      (local.set $sum (i32.add (local.get $sum)))
      (local.set $suspensions (i32.add (local.get $suspensions) (i32.const 1)))
      (br $again))
    (unreachable)))
