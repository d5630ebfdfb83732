// ThreadSanitizer suppressions for the properties layer's real-thread cells
// (compiled into the TSan builds of its binaries; TSan calls this function).
// The variants other than the reference race by design (their known defects,
// such as a plain word two threads write); the cells run them on purpose to
// measure how often the linearizability check sees the defect. TSan's own
// detection of these races belongs to the stress layer.
//
// Matched by the variants' namespaces, not by subject: every frame of both
// racing stacks is matched, and each variant's class is in its namespace
// (ordercheck::upstream, or the variant's own name such as relaxed_acquire).
// A subject whose non-reference variant races by design on real threads and
// lives in another namespace adds it here. A reference variant is never
// suppressed: a race there is a finding.
extern "C" const char* __tsan_default_suppressions() {
  return "race:ordercheck::upstream::\n"
         "race:ordercheck::relaxed_acquire::\n";
}
