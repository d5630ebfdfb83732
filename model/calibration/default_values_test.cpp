// The two sync policies agree on initial values: every policy type
// default-constructs to T{}. Under std_sync each object is built over bytes
// that are not zero, so a zero cannot come from the memory; under
// relacy_sync (default_values_relacy.cpp) inside a simulated thread, where
// Relacy reports any read of a value no one initialised.
#include <gtest/gtest.h>

#include <cstring>
#include <new>

#include "default_value_types.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::calibration {
namespace {

template <class Object>
struct over_dirty_bytes {
  alignas(Object) unsigned char bytes[sizeof(Object)];
  Object* object;
  over_dirty_bytes() {
    std::memset(bytes, 0xA5, sizeof bytes);
    object = ::new (static_cast<void*>(bytes)) Object;  // default-initialisation, as a member gets
  }
  ~over_dirty_bytes() { object->~Object(); }
};

template <class T>
class StdSyncDefaultValue : public ::testing::Test {};
using value_types = ::testing::Types<ORDERCHECK_DEFAULT_VALUE_TYPES>;
TYPED_TEST_SUITE(StdSyncDefaultValue, value_types);

TYPED_TEST(StdSyncDefaultValue, AtomicStartsAtValueInitialised) {
  over_dirty_bytes<std_sync::atomic<TypeParam>> built;
  EXPECT_EQ(built.object->load(std_sync::relaxed), TypeParam{});
}

TYPED_TEST(StdSyncDefaultValue, PlainStartsAtValueInitialised) {
  over_dirty_bytes<std_sync::plain<TypeParam>> built;
  EXPECT_EQ(built.object->load(), TypeParam{});
}

struct some_tag {};

TEST(StdSyncDefaultValue, MutexStartsUnlockedAndThreadFlagFalse) {
  std_sync::mutex mutex;
  EXPECT_TRUE(mutex.try_lock());
  mutex.unlock();
  EXPECT_FALSE(std_sync::thread_flag<some_tag>::get());
}

TEST(RelacySyncDefaultValue, EveryPolicyTypeStartsAtValueInitialised) {
  const model::engine_outcome outcome = run_relacy_default_values();
  EXPECT_EQ(outcome.engine_result, "SUCCESS") << outcome.history;
}

}  // namespace
}  // namespace ordercheck::calibration
