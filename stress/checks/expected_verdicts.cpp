#include "expected_verdicts.hpp"

namespace ordercheck::stress {

using results::verdict;

std::vector<verdict> upstream_defect_kinds(std::string_view subject, contract c) {
  // DESIGN.md, "The subjects": the expected-verdict table.
  if (subject == "owner_tag") {
    // Race on the wrapper pointer (tag visible before the pointer), two
    // wrappers for one object (invariant), lost ownership-bit update.
    if (c == contract::free_threaded) return {verdict::data_race, verdict::assertion};
    return {};
  }
  if (subject == "handle_cache") {
    if (c == contract::free_threaded) return {verdict::data_race, verdict::assertion};
    if (c == contract::gil_released_in_slow) return {verdict::assertion};
    return {};
  }
  if (subject == "refcounted_deleter") {
    // Two releases both see 0: the inner deleter runs twice (invariant), the
    // context is freed twice (glibc aborts: double free; TSan: a use after
    // free of the first free), or one thread reads the count after the other
    // freed it (use after free), GIL or not.
    return {verdict::double_free, verdict::use_after_free, verdict::assertion, verdict::data_race, verdict::crash};
  }
  if (subject == "code_context") {
    // Lost insert and KeyError: invariant checks (each dict operation is
    // locked, so there is no data race), GIL or not.
    return {verdict::assertion};
  }
  return {};
}

std::string upstream_defect_description(std::string_view subject, contract c) {
  if (upstream_defect_kinds(subject, c).empty()) return {};
  if (subject == "owner_tag") return "wrapper pointer stored after the tag: race, two wrappers for one object";
  if (subject == "handle_cache") {
    return c == contract::free_threaded ? "cached handle written after the tag: publication race; claim assertion"
                                        : "slow() drops the GIL: the claim assertion fires";
  }
  if (subject == "refcounted_deleter") return "decrement and test are two operations: double free / use after free";
  if (subject == "code_context") {
    return c == contract::free_threaded ? "check-then-insert: lost insert; remove racing remove (KeyError)"
                                        : "check-then-insert: lost insert; KeyError";
  }
  return {};
}

std::vector<verdict> expected_verdicts(std::string_view subject, variant v, contract c) {
  std::vector<verdict> expected{verdict::pass};
  if (v == variant::upstream) {
    for (verdict kind : upstream_defect_kinds(subject, c)) expected.push_back(kind);
  }
  return expected;
}

}  // namespace ordercheck::stress
