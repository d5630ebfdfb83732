// Two interpreters for the subjects that tag objects with their owner (A is
// index 1, B is index 2; 0 means "none"), with a release counter for wrappers
// that owner_tag::maybe_destroy hands back, and the conversion of a call's
// exceptions into observations.
#pragma once

#include <atomic>
#include <cstdint>

#include "ordercheck/subject/operations.hpp"
#include "ordercheck/interpreter.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::properties {

class interpreter_pair {
 public:
  interpreter_pair() {
    for (auto& i : interpreters_) {
      i.decref = &count_release;
      i.user_data = &releases_;
    }
  }
  // 1 -> A, 2 -> B (anything else -> A).
  const interpreter* get(unsigned index) const { return &interpreters_[index == 2 ? 1 : 0]; }
  unsigned index_of(const interpreter* i) const {
    return i == &interpreters_[0] ? 1 : i == &interpreters_[1] ? 2 : 0;
  }
  std::uint64_t releases() const { return releases_.load(std::memory_order_seq_cst); }

  // Runs `body` (returning an observation); an ownership_error becomes
  // error(owner index), a failed internal assertion becomes `assertion`.
  template <class Body>
  observation observe(Body&& body) const {
    try {
      return body();
    } catch (const ownership_error& e) {
      return observation::owned_by(index_of(e.owner()));
    } catch (const assertion_failure&) {
      return observation::failed_assertion();
    }
  }

 private:
  // Bookkeeping, not the subject: seq_cst so a later release_count() sees it.
  static void count_release(const interpreter& self, python_object*) {
    static_cast<std::atomic<std::uint64_t>*>(self.user_data)->fetch_add(1, std::memory_order_seq_cst);
  }
  interpreter interpreters_[2] = {{"A"}, {"B"}};
  std::atomic<std::uint64_t> releases_{0};
};

inline const char* interpreter_letter(unsigned index) { return index == 2 ? "B" : "A"; }

// A stand-in Python object for identity `fresh`: never dereferenced, aligned
// so owner_tag's ownership bit stays free.
inline python_object* fake_object(std::uint64_t fresh) {
  return reinterpret_cast<python_object*>(static_cast<std::uintptr_t>(fresh) << 3);
}
inline std::uint64_t identity_of(const python_object* object) {
  return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(object) >> 3);
}

}  // namespace ordercheck::properties
