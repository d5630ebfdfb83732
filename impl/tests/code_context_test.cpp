// code_context, both variants, single-threaded: get (get or create), has, pop,
// clear, entries vanishing when their key dies, a new key at a reused address,
// the map dying before its keys, and capacity errors.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <new>
#include <string>

#include "ordercheck/code_context/reference.hpp"
#include "ordercheck/code_context/upstream.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck {
namespace {

using key = code_object<std_sync>;

struct reference_variant {
  template <std::size_t Entries = 16, std::size_t Contexts = 64>
  using map = reference::code_context_map<std_sync, Entries, Contexts>;
};
struct upstream_variant {
  template <std::size_t Entries = 16, std::size_t Contexts = 64>
  using map = upstream::code_context_map<std_sync, Entries, Contexts>;
};

template <class Variant>
class CodeContextTest : public ::testing::Test {
 protected:
  typename Variant::template map<> contexts;
};

using CodeContextVariants = ::testing::Types<reference_variant, upstream_variant>;
TYPED_TEST_SUITE(CodeContextTest, CodeContextVariants);

TYPED_TEST(CodeContextTest, GetCreatesOnceAndReturnsTheSameContext) {
  key code;
  EXPECT_FALSE(this->contexts.has(code));
  auto* first = this->contexts.get(code);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->key.load(), &code);
  EXPECT_EQ(this->contexts.get(code), first);
  EXPECT_TRUE(this->contexts.has(code));
  EXPECT_EQ(this->contexts.size(), 1u);
}

TYPED_TEST(CodeContextTest, DifferentKeysGetDifferentContexts) {
  key first_code;
  key second_code;
  auto* first = this->contexts.get(first_code);
  auto* second = this->contexts.get(second_code);
  EXPECT_NE(first, second);
  EXPECT_EQ(second->key.load(), &second_code);
  EXPECT_EQ(this->contexts.size(), 2u);
}

TYPED_TEST(CodeContextTest, PopReturnsTheEntrysContextAndRemovesIt) {
  key code;
  key other;
  auto* context = this->contexts.get(code);
  auto* kept = this->contexts.get(other);
  EXPECT_EQ(this->contexts.pop(code), context);
  EXPECT_FALSE(this->contexts.has(code));
  EXPECT_TRUE(this->contexts.has(other));
  EXPECT_EQ(this->contexts.get(other), kept);
  auto* fresh = this->contexts.get(code);  // a new entry, a new context
  EXPECT_NE(fresh, context);
}

TYPED_TEST(CodeContextTest, PopOfAMissingKeyReturnsAFreshUninsertedContext) {
  key code;
  key other;
  auto* kept = this->contexts.get(other);
  auto* popped = this->contexts.pop(code);
  ASSERT_NE(popped, nullptr);
  EXPECT_NE(popped, kept);
  EXPECT_EQ(popped->key.load(), &code);
  EXPECT_FALSE(this->contexts.has(code));
  EXPECT_EQ(this->contexts.size(), 1u);
  EXPECT_NE(this->contexts.get(code), popped);  // it was never in the map
}

TYPED_TEST(CodeContextTest, ClearRemovesEveryEntry) {
  key first;
  key second;
  this->contexts.get(first);
  auto* old_context = this->contexts.get(second);
  this->contexts.clear();
  EXPECT_FALSE(this->contexts.has(first));
  EXPECT_FALSE(this->contexts.has(second));
  EXPECT_EQ(this->contexts.size(), 0u);
  EXPECT_NE(this->contexts.get(second), old_context);
}

TYPED_TEST(CodeContextTest, EntryVanishesWhenItsKeyDies) {
  key survivor;
  this->contexts.get(survivor);
  {
    key short_lived;
    this->contexts.get(short_lived);
    EXPECT_EQ(this->contexts.size(), 2u);
  }
  EXPECT_EQ(this->contexts.size(), 1u);
  EXPECT_TRUE(this->contexts.has(survivor));
}

TYPED_TEST(CodeContextTest, KeyDyingAfterPopOrClearIsHarmless) {
  {
    key popped;
    this->contexts.get(popped);
    this->contexts.pop(popped);
  }
  {
    key cleared;
    this->contexts.get(cleared);
    this->contexts.clear();
  }
  EXPECT_EQ(this->contexts.size(), 0u);
}

TYPED_TEST(CodeContextTest, NewKeyAtAReusedAddressGetsAFreshContext) {
  alignas(key) unsigned char place[sizeof(key)];
  key* first = new (place) key;
  auto* first_context = this->contexts.get(*first);
  first->~key();
  key* second = new (place) key;  // same address, a different object
  ASSERT_EQ(static_cast<void*>(second), static_cast<void*>(first));
  EXPECT_FALSE(this->contexts.has(*second));
  auto* second_context = this->contexts.get(*second);
  EXPECT_NE(second_context, first_context);
  second->~key();
  EXPECT_EQ(this->contexts.size(), 0u);
}

TYPED_TEST(CodeContextTest, MapDyingBeforeItsKeysLeavesNoCallbackBehind) {
  key code;
  {
    auto contexts = std::make_unique<typename TypeParam::template map<>>();
    contexts->get(code);
  }
  // code dies at the end of this test: a callback into the dead map would be
  // a use after free (the asan preset runs this test).
  SUCCEED();
}

TYPED_TEST(CodeContextTest, AKeyServesSeveralMaps) {
  typename TypeParam::template map<> other_contexts;
  {
    key code;
    EXPECT_NE(this->contexts.get(code), other_contexts.get(code));
  }
  EXPECT_EQ(this->contexts.size(), 0u);
  EXPECT_EQ(other_contexts.size(), 0u);
}

void expect_capacity_error(const std::function<void()>& action, const std::string& says) {
  try {
    action();
    FAIL() << "expected capacity_error saying '" << says << "'";
  } catch (const capacity_error& error) {
    EXPECT_NE(std::string(error.what()).find(says), std::string::npos) << error.what();
  }
}

// In the capacity tests the map dies before its keys (on the heap, so the
// asan preset sees any use after free): a failed get must not leave a weak
// reference behind that would call into the dead map.
TYPED_TEST(CodeContextTest, FullMapIsACapacityError) {
  key first;
  key second;
  key third;
  auto small = std::make_unique<typename TypeParam::template map<2, 64>>();
  small->get(first);
  small->get(second);
  expect_capacity_error([&] { small->get(third); }, "map is full");
  EXPECT_FALSE(small->has(third));
  EXPECT_EQ(small->size(), 2u);
  EXPECT_TRUE(small->has(first));
  small.reset();
}

TYPED_TEST(CodeContextTest, ExhaustedContextPoolIsACapacityError) {
  key first;
  key second;
  key third;
  auto small = std::make_unique<typename TypeParam::template map<16, 2>>();
  small->get(first);
  small->get(second);
  expect_capacity_error([&] { small->get(third); }, "context pool exhausted");
  EXPECT_FALSE(small->has(third));
  small.reset();
}

TYPED_TEST(CodeContextTest, KeyWithoutRoomForAnotherWeakReferenceIsACapacityError) {
  key code;
  std::unique_ptr<typename TypeParam::template map<>> maps[key::max_weak_references + 1];
  for (auto& m : maps) m = std::make_unique<typename TypeParam::template map<>>();
  for (std::size_t i = 0; i < key::max_weak_references; ++i) maps[i]->get(code);
  auto& one_too_many = *maps[key::max_weak_references];
  expect_capacity_error([&] { one_too_many.get(code); }, "weak reference");
  EXPECT_FALSE(one_too_many.has(code));
}

}  // namespace
}  // namespace ordercheck
