// owner_tag, both variants, single-threaded: the four init statuses, check
// (untagged, self, hermetic, another interpreter), the ownership bit and
// maybe_destroy. Concurrent behaviour is the model and stress layers' job.
#include <gtest/gtest.h>

#include <string>

#include "ordercheck/owner_tag/reference.hpp"
#include "ordercheck/owner_tag/upstream.hpp"
#include "ordercheck/sync/std_sync.hpp"
#include "test_interpreters.hpp"

namespace ordercheck {
namespace {

using testing::fake_objects;
using testing::two_interpreters;

template <class OwnerTag>
class OwnerTagTest : public ::testing::Test {
 protected:
  ~OwnerTagTest() override { OwnerTag::hermetic_mode::set(false); }

  OwnerTag slot;
  two_interpreters interpreters;
  const interpreter* alpha = &interpreters.alpha;
  const interpreter* beta = &interpreters.beta;
  fake_objects objects;
};

using OwnerTagVariants =
    ::testing::Types<reference::owner_tag<std_sync>, upstream::owner_tag<std_sync>>;
TYPED_TEST_SUITE(OwnerTagTest, OwnerTagVariants);

// The error must name both interpreters, and say which is which.
void expect_names_both(const ownership_error& error, const interpreter* self, const interpreter* owner) {
  const std::string message = error.what();
  EXPECT_NE(message.find(std::string("'") + self->name + "'"), std::string::npos) << message;
  EXPECT_NE(message.find(std::string("'") + owner->name + "'"), std::string::npos) << message;
  EXPECT_EQ(error.self(), self);
  EXPECT_EQ(error.owner(), owner);
}

TYPED_TEST(OwnerTagTest, FreshSlotIsUntaggedAndUnowned) {
  EXPECT_EQ(this->slot.owner(), nullptr);
  EXPECT_EQ(this->slot.check(this->alpha), std::nullopt);
  EXPECT_EQ(this->slot.check(this->beta), std::nullopt);
  EXPECT_FALSE(this->slot.owns());
}

TYPED_TEST(OwnerTagTest, DefinitelyUninitializedTagsAndInstalls) {
  python_object* wrapper = this->objects.get(0);
  EXPECT_EQ(this->slot.init(this->alpha, wrapper, interpreter_status::definitely_uninitialized), wrapper);
  EXPECT_EQ(this->slot.owner(), this->alpha);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
  EXPECT_FALSE(this->slot.owns());
}

TYPED_TEST(OwnerTagTest, MaybeUninitializedClaimsAFreeSlot) {
  python_object* wrapper = this->objects.get(0);
  EXPECT_EQ(this->slot.init(this->alpha, wrapper, interpreter_status::maybe_uninitialized), wrapper);
  EXPECT_EQ(this->slot.owner(), this->alpha);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, MaybeUninitializedOnOurOwnTagInstalls) {
  this->slot.init(this->alpha, nullptr, interpreter_status::definitely_uninitialized);
  python_object* wrapper = this->objects.get(1);
  EXPECT_EQ(this->slot.init(this->alpha, wrapper, interpreter_status::maybe_uninitialized), wrapper);
  EXPECT_EQ(this->slot.owner(), this->alpha);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, TaggedByUsKeepsTheTagAndInstalls) {
  this->slot.init(this->alpha, nullptr, interpreter_status::definitely_uninitialized);
  python_object* wrapper = this->objects.get(0);
  EXPECT_EQ(this->slot.init(this->alpha, wrapper, interpreter_status::tagged_by_us), wrapper);
  EXPECT_EQ(this->slot.owner(), this->alpha);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, TaggedByOtherNamesBothInterpreters) {
  python_object* wrapper = this->objects.get(0);
  this->slot.init(this->alpha, wrapper, interpreter_status::definitely_uninitialized);
  try {
    this->slot.init(this->beta, this->objects.get(1), interpreter_status::tagged_by_other);
    FAIL() << "init(tagged_by_other) must throw ownership_error";
  } catch (const ownership_error& error) {
    expect_names_both(error, this->beta, this->alpha);
  }
  EXPECT_EQ(this->slot.owner(), this->alpha);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, MaybeUninitializedOnAnotherTagNamesBothInterpreters) {
  python_object* wrapper = this->objects.get(0);
  this->slot.init(this->alpha, wrapper, interpreter_status::definitely_uninitialized);
  try {
    this->slot.init(this->beta, this->objects.get(1), interpreter_status::maybe_uninitialized);
    FAIL() << "claiming another interpreter's slot must throw ownership_error";
  } catch (const ownership_error& error) {
    expect_names_both(error, this->beta, this->alpha);
  }
  EXPECT_EQ(this->slot.owner(), this->alpha);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, CheckByAnotherInterpreterNamesBoth) {
  this->slot.init(this->alpha, this->objects.get(0), interpreter_status::definitely_uninitialized);
  try {
    (void)this->slot.check(this->beta);
    FAIL() << "check by a non-owner must throw ownership_error";
  } catch (const ownership_error& error) {
    expect_names_both(error, this->beta, this->alpha);
  }
}

TYPED_TEST(OwnerTagTest, CheckOfATaggedSlotWithoutWrapperReturnsNull) {
  this->slot.init(this->alpha, nullptr, interpreter_status::definitely_uninitialized);
  const auto seen = this->slot.check(this->alpha);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(*seen, nullptr);
}

TYPED_TEST(OwnerTagTest, HermeticModeHidesTheWrapperUnlessIgnored) {
  python_object* wrapper = this->objects.get(0);
  this->slot.init(this->alpha, wrapper, interpreter_status::definitely_uninitialized);
  TypeParam::hermetic_mode::set(true);
  EXPECT_EQ(this->slot.check(this->alpha), std::nullopt);
  EXPECT_EQ(this->slot.check(this->alpha, /*ignore_hermetic=*/true), wrapper);
  TypeParam::hermetic_mode::set(false);
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, HermeticModeDoesNotHideAnotherInterpretersTag) {
  this->slot.init(this->alpha, this->objects.get(0), interpreter_status::definitely_uninitialized);
  TypeParam::hermetic_mode::set(true);
  EXPECT_THROW((void)this->slot.check(this->beta), ownership_error);
}

TYPED_TEST(OwnerTagTest, SetOwnsTogglesTheBitAndKeepsThePointer) {
  python_object* wrapper = this->objects.get(0);
  this->slot.init(this->alpha, wrapper, interpreter_status::definitely_uninitialized);
  this->slot.set_owns(true);
  EXPECT_TRUE(this->slot.owns());
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);  // the bit is not part of the pointer
  this->slot.set_owns(true);
  EXPECT_TRUE(this->slot.owns());
  this->slot.set_owns(false);
  EXPECT_FALSE(this->slot.owns());
  EXPECT_EQ(this->slot.check(this->alpha), wrapper);
}

TYPED_TEST(OwnerTagTest, MaybeDestroyDecrefsAnOwnedWrapperExactlyOnce) {
  python_object* wrapper = this->objects.get(0);
  this->slot.init(this->alpha, wrapper, interpreter_status::definitely_uninitialized);
  this->slot.set_owns(true);
  this->slot.maybe_destroy();
  ASSERT_EQ(this->interpreters.alpha_log.calls.size(), 1u);
  EXPECT_EQ(this->interpreters.alpha_log.calls[0].first, this->alpha);  // through the owner
  EXPECT_EQ(this->interpreters.alpha_log.calls[0].second, wrapper);
  EXPECT_TRUE(this->interpreters.beta_log.calls.empty());
  EXPECT_FALSE(this->slot.owns());
  EXPECT_EQ(this->slot.check(this->alpha), nullptr);

  this->slot.maybe_destroy();  // nothing left to release
  EXPECT_EQ(this->interpreters.alpha_log.calls.size(), 1u);
}

TYPED_TEST(OwnerTagTest, MaybeDestroyLeavesAnUnownedWrapperAlone) {
  this->slot.init(this->alpha, this->objects.get(0), interpreter_status::definitely_uninitialized);
  this->slot.maybe_destroy();
  EXPECT_TRUE(this->interpreters.alpha_log.calls.empty());
  EXPECT_TRUE(this->interpreters.beta_log.calls.empty());
}

TYPED_TEST(OwnerTagTest, MaybeDestroyOnAFreshSlotDoesNothing) {
  this->slot.maybe_destroy();
  EXPECT_TRUE(this->interpreters.alpha_log.calls.empty());
  EXPECT_EQ(this->slot.owner(), nullptr);
}

TYPED_TEST(OwnerTagTest, MaybeDestroyWithoutADecrefHookIsSafe) {
  const interpreter silent{"silent"};
  this->slot.init(&silent, this->objects.get(0), interpreter_status::definitely_uninitialized);
  this->slot.set_owns(true);
  this->slot.maybe_destroy();
  EXPECT_FALSE(this->slot.owns());
}

// Where the variants differ, sequentially.

TEST(ReferenceOwnerTag, SecondInitReturnsTheInstalledWrapper) {
  two_interpreters interpreters;
  fake_objects objects;
  reference::owner_tag<std_sync> slot;
  slot.init(&interpreters.alpha, objects.get(0), interpreter_status::maybe_uninitialized);
  // At most one wrapper is ever installed: the caller must use the returned one.
  EXPECT_EQ(slot.init(&interpreters.alpha, objects.get(1), interpreter_status::maybe_uninitialized),
            objects.get(0));
  EXPECT_EQ(slot.check(&interpreters.alpha), objects.get(0));
}

TEST(UpstreamOwnerTag, SecondInitReplacesTheWrapper) {
  // The documented defect's sequential face: init stores whatever it is given,
  // so two inits leave two wrappers for one object (the first one lost).
  two_interpreters interpreters;
  fake_objects objects;
  upstream::owner_tag<std_sync> slot;
  slot.init(&interpreters.alpha, objects.get(0), interpreter_status::maybe_uninitialized);
  EXPECT_EQ(slot.init(&interpreters.alpha, objects.get(1), interpreter_status::maybe_uninitialized),
            objects.get(1));
  EXPECT_EQ(slot.check(&interpreters.alpha), objects.get(1));
}

TEST(ReferenceOwnerTag, SetOwnsWithoutAWrapperIsAnAssertion) {
  two_interpreters interpreters;
  reference::owner_tag<std_sync> slot;
  slot.init(&interpreters.alpha, nullptr, interpreter_status::definitely_uninitialized);
  EXPECT_THROW(slot.set_owns(true), assertion_failure);
}

TEST(ReferenceOwnerTag, MaybeDestroyTakesAnUnownedWrapperOutOfTheSlot) {
  two_interpreters interpreters;
  fake_objects objects;
  reference::owner_tag<std_sync> slot;
  slot.init(&interpreters.alpha, objects.get(0), interpreter_status::definitely_uninitialized);
  slot.maybe_destroy();
  EXPECT_TRUE(interpreters.alpha_log.calls.empty());
  EXPECT_EQ(slot.check(&interpreters.alpha), nullptr);
}

TEST(UpstreamOwnerTag, MaybeDestroyKeepsAnUnownedWrapper) {
  two_interpreters interpreters;
  fake_objects objects;
  upstream::owner_tag<std_sync> slot;
  slot.init(&interpreters.alpha, objects.get(0), interpreter_status::definitely_uninitialized);
  slot.maybe_destroy();
  EXPECT_TRUE(interpreters.alpha_log.calls.empty());
  EXPECT_EQ(slot.check(&interpreters.alpha), objects.get(0));
}

}  // namespace
}  // namespace ordercheck
