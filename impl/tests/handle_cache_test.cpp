// handle_cache, both variants, single-threaded: hit, miss, first claimant
// wins, other interpreters bypass the cache, a throwing slow path leaves the
// slot free; and slow() re-entering the cache (what gil_released_in_slow
// allows), where upstream's "shouldn't be possible" assertion fires.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "ordercheck/handle_cache/reference.hpp"
#include "ordercheck/handle_cache/upstream.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "test_interpreters.hpp"

namespace ordercheck {
namespace {

using testing::fake_objects;
using testing::two_interpreters;

// A slow path that returns a given handle and counts its calls.
struct counting_slow {
  python_object* result;
  int calls = 0;
  python_object* operator()() {
    ++calls;
    return result;
  }
};

template <class Cache>
class HandleCacheTest : public ::testing::Test {
 protected:
  Cache cache;
  two_interpreters interpreters;
  const interpreter* alpha = &interpreters.alpha;
  const interpreter* beta = &interpreters.beta;
  fake_objects objects;
};

using HandleCacheVariants =
    ::testing::Types<reference::handle_cache<std_sync>, upstream::handle_cache<std_sync>>;
TYPED_TEST_SUITE(HandleCacheTest, HandleCacheVariants);

TYPED_TEST(HandleCacheTest, MissCallsSlowOnceAndReturnsItsValue) {
  counting_slow slow{this->objects.get(0)};
  EXPECT_EQ(this->cache.ptr_or(this->alpha, slow), this->objects.get(0));
  EXPECT_EQ(slow.calls, 1);
}

TYPED_TEST(HandleCacheTest, HitReturnsTheCachedHandleWithoutCallingSlow) {
  counting_slow first{this->objects.get(0)};
  this->cache.ptr_or(this->alpha, first);
  counting_slow later{this->objects.get(1)};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(this->cache.ptr_or(this->alpha, later), this->objects.get(0));
  EXPECT_EQ(later.calls, 0);
}

TYPED_TEST(HandleCacheTest, AnotherInterpreterBypassesTheCacheEveryTime) {
  counting_slow owner_slow{this->objects.get(0)};
  this->cache.ptr_or(this->alpha, owner_slow);
  counting_slow other_slow{this->objects.get(1)};
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(this->cache.ptr_or(this->beta, other_slow), this->objects.get(1));
    EXPECT_EQ(other_slow.calls, i);
  }
  // The owner's entry is untouched by the other interpreter's calls.
  EXPECT_EQ(this->cache.ptr_or(this->alpha, owner_slow), this->objects.get(0));
  EXPECT_EQ(owner_slow.calls, 1);
}

TYPED_TEST(HandleCacheTest, ThrowingSlowPathLeavesTheSlotFree) {
  auto failing = []() -> python_object* { throw std::runtime_error("slow path failed"); };
  EXPECT_THROW(this->cache.ptr_or(this->alpha, failing), std::runtime_error);
  counting_slow slow{this->objects.get(0)};
  EXPECT_EQ(this->cache.ptr_or(this->beta, slow), this->objects.get(0));  // beta can still claim it
  EXPECT_EQ(this->cache.ptr_or(this->beta, slow), this->objects.get(0));
  EXPECT_EQ(slow.calls, 1);
}

// slow() that calls ptr_or on the same cache for the same interpreter before it
// returns: single-threaded, this is the interleaving a GIL released in slow()
// allows (another thread of the interpreter claims the slot meanwhile).
template <class Cache>
struct reentrant_slow {
  Cache* cache;
  const interpreter* self;
  python_object* inner_result;
  python_object* outer_result;
  python_object* operator()() {
    cache->ptr_or(self, [this] { return inner_result; });
    return outer_result;
  }
};

TEST(ReferenceHandleCache, ReentrantClaimReturnsTheFirstPublishedHandle) {
  two_interpreters interpreters;
  fake_objects objects;
  reference::handle_cache<std_sync> cache;
  reentrant_slow<reference::handle_cache<std_sync>> slow{&cache, &interpreters.alpha, objects.get(0),
                                                          objects.get(1)};
  EXPECT_EQ(cache.ptr_or(&interpreters.alpha, slow), objects.get(0));
  counting_slow never{objects.get(2)};
  EXPECT_EQ(cache.ptr_or(&interpreters.alpha, never), objects.get(0));
  EXPECT_EQ(never.calls, 0);
}

TEST(UpstreamHandleCache, ReentrantClaimFiresTheAssertion) {
  // The defect of the gil_released_in_slow cell, deterministically: the outer
  // claim fails with the tag already equal to self.
  two_interpreters interpreters;
  fake_objects objects;
  upstream::handle_cache<std_sync> cache;
  reentrant_slow<upstream::handle_cache<std_sync>> slow{&cache, &interpreters.alpha, objects.get(0),
                                                         objects.get(1)};
  try {
    cache.ptr_or(&interpreters.alpha, slow);
    FAIL() << "upstream's claim must assert when the tag is already self";
  } catch (const assertion_failure& failure) {
    EXPECT_NE(std::string(failure.what()).find("already equal to self"), std::string::npos) << failure.what();
  }
}

TEST(ReferenceHandleCache, NullHandleIsNotCached) {
  two_interpreters interpreters;
  fake_objects objects;
  reference::handle_cache<std_sync> cache;
  counting_slow null_slow{nullptr};
  EXPECT_EQ(cache.ptr_or(&interpreters.alpha, null_slow), nullptr);
  counting_slow slow{objects.get(0)};
  EXPECT_EQ(cache.ptr_or(&interpreters.alpha, slow), objects.get(0));
  EXPECT_EQ(cache.ptr_or(&interpreters.alpha, slow), objects.get(0));
  EXPECT_EQ(slow.calls, 1);
}

}  // namespace
}  // namespace ordercheck
