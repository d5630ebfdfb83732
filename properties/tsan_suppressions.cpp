// ThreadSanitizer suppressions for the properties layer's real-thread cells
// (compiled into the TSan builds of its binaries; TSan calls this function).
// The upstream variants race by design (their known defects: the plain wrapper
// word of owner_tag, the plain cached handle of handle_cache); the cells run
// them on purpose to measure how often the linearizability check sees the
// defect. TSan's own detection of these races belongs to the stress layer.
extern "C" const char* __tsan_default_suppressions() {
  return "race:ordercheck::upstream::owner_tag\n"
         "race:ordercheck::upstream::handle_cache\n";
}
