// A one-thread model scenario: must NOT compile. run_in_relacy's static_assert
// (relacy_engine.hpp) rejects it with a message that says why; the CTest test
// model_one_thread_rejected builds this file and checks that message.
#include "relacy_engine.hpp"  // relacy_sync, then Relacy

namespace {

struct one_thread {
  static constexpr unsigned thread_count = 1;
  ordercheck::relacy_sync::atomic<int> value{0};
  void before() {}
  void after() {}
  void thread(unsigned) { value.store(1, ordercheck::relacy_sync::relaxed); }
};

}  // namespace

int main() {
  return ordercheck::model::run_in_relacy<one_thread>(ordercheck::model::run_settings{}).iterations > 0 ? 0 : 1;
}
