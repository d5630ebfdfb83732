// refcounted_deleter, both variants, single-threaded: the data_ptr and storage
// stand-ins, maybe_apply, new_storage_from, and the inner deleter running
// exactly once, after the last release, in every release order.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/refcounted_deleter/upstream.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck {
namespace {

// A buffer whose deleter counts how often it ran (the context is the buffer).
struct counted_buffer {
  int bytes[4] = {};
  int deletions = 0;
};
void count_deletion(void* context) { ++static_cast<counted_buffer*>(context)->deletions; }

data_ptr<std_sync> unique_data(counted_buffer& buffer) {
  return data_ptr<std_sync>(buffer.bytes, &buffer, &count_deletion);
}

template <template <class> class Sharing, deleter_function Release>
struct variant_of {
  using sharing = Sharing<std_sync>;
  static constexpr deleter_function release = Release;
};
using reference_variant =
    variant_of<reference::refcounted_sharing, &reference::refcounted_release<std_sync>>;
using upstream_variant =
    variant_of<upstream::refcounted_sharing, &upstream::refcounted_release<std_sync>>;

template <class Variant>
class RefcountedDeleterTest : public ::testing::Test {
 protected:
  static refcounted_context<std_sync>* context_of(storage<std_sync>& s) {
    return static_cast<refcounted_context<std_sync>*>(s.data().context());
  }
  typename Variant::sharing sharing;
  counted_buffer buffer;
};

using RefcountedDeleterVariants = ::testing::Types<reference_variant, upstream_variant>;
TYPED_TEST_SUITE(RefcountedDeleterTest, RefcountedDeleterVariants);

TYPED_TEST(RefcountedDeleterTest, UniqueStorageFreesOnReset) {
  storage<std_sync> s(unique_data(this->buffer));
  EXPECT_EQ(s.data().get(), this->buffer.bytes);
  s.reset();
  EXPECT_EQ(this->buffer.deletions, 1);
  EXPECT_EQ(s.data().get(), nullptr);
  s.reset();  // empty: nothing runs twice
  EXPECT_EQ(this->buffer.deletions, 1);
}

TYPED_TEST(RefcountedDeleterTest, UniqueStorageFreesOnDestruction) {
  { storage<std_sync> s(unique_data(this->buffer)); }
  EXPECT_EQ(this->buffer.deletions, 1);
}

TYPED_TEST(RefcountedDeleterTest, MaybeApplyWrapsOnceAndIsIdempotent) {
  storage<std_sync> s(unique_data(this->buffer));
  this->sharing.maybe_apply(s);
  EXPECT_EQ(s.data().deleter(), TypeParam::release);
  EXPECT_EQ(s.data().get(), this->buffer.bytes);  // same buffer
  auto* context = this->context_of(s);
  EXPECT_EQ(context->count.load(), 1);
  EXPECT_EQ(context->inner_context.load(), &this->buffer);
  EXPECT_EQ(context->inner_deleter.load(), &count_deletion);

  this->sharing.maybe_apply(s);
  EXPECT_EQ(this->context_of(s), context);  // not wrapped twice
  EXPECT_EQ(context->count.load(), 1);
  EXPECT_EQ(this->buffer.deletions, 0);

  s.reset();
  EXPECT_EQ(this->buffer.deletions, 1);
}

TYPED_TEST(RefcountedDeleterTest, NewStorageFromSharesTheBuffer) {
  storage<std_sync> source(unique_data(this->buffer));
  storage<std_sync> copy;
  this->sharing.new_storage_from(source, copy);
  EXPECT_EQ(copy.data().get(), this->buffer.bytes);
  EXPECT_EQ(source.data().get(), this->buffer.bytes);
  EXPECT_EQ(copy.data().context(), source.data().context());
  EXPECT_EQ(copy.data().deleter(), TypeParam::release);
  EXPECT_EQ(this->context_of(source)->count.load(), 2);
  EXPECT_EQ(this->buffer.deletions, 0);

  storage<std_sync> third;
  this->sharing.new_storage_from(copy, third);  // from an already shared storage
  EXPECT_EQ(third.data().context(), source.data().context());
  EXPECT_EQ(this->context_of(source)->count.load(), 3);
}

TYPED_TEST(RefcountedDeleterTest, NewStorageFromReleasesWhatTheTargetHeld) {
  counted_buffer old_buffer;
  storage<std_sync> source(unique_data(this->buffer));
  storage<std_sync> target(unique_data(old_buffer));
  this->sharing.new_storage_from(source, target);
  EXPECT_EQ(old_buffer.deletions, 1);
  EXPECT_EQ(this->buffer.deletions, 0);
}

// Three storages over one buffer, released in each of the six orders: the
// inner deleter runs once, and only at the last release.
TYPED_TEST(RefcountedDeleterTest, InnerDeleterRunsOnceAfterTheLastReleaseInEveryOrder) {
  std::array<int, 3> order{0, 1, 2};
  int orders_tried = 0;
  do {
    counted_buffer buffer;
    std::array<storage<std_sync>, 3> storages;
    storages[0] = storage<std_sync>(unique_data(buffer));
    this->sharing.new_storage_from(storages[0], storages[1]);
    this->sharing.new_storage_from(storages[1], storages[2]);
    for (std::size_t released = 0; released < order.size(); ++released) {
      EXPECT_EQ(buffer.deletions, 0) << "deleter ran before the last release (order " << order[0]
                                     << order[1] << order[2] << ")";
      storages[order[released]].reset();
    }
    EXPECT_EQ(buffer.deletions, 1) << "order " << order[0] << order[1] << order[2];
    ++orders_tried;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(orders_tried, 6);
}

TYPED_TEST(RefcountedDeleterTest, InnerDeleterRunsOnceWhenSharedStoragesAreDestroyed) {
  {
    auto first = std::make_unique<storage<std_sync>>(unique_data(this->buffer));
    storage<std_sync> second;
    this->sharing.new_storage_from(*first, second);
    first.reset();  // the original dies first
    EXPECT_EQ(this->buffer.deletions, 0);
  }
  EXPECT_EQ(this->buffer.deletions, 1);
}

TYPED_TEST(RefcountedDeleterTest, NullInnerDeleterIsNotCalled) {
  int bytes[2] = {};
  storage<std_sync> source(data_ptr<std_sync>(bytes, nullptr, nullptr));
  storage<std_sync> copy;
  this->sharing.new_storage_from(source, copy);
  source.reset();
  copy.reset();  // frees the context, calls nothing (ASan would see a leak or a bad call)
  EXPECT_EQ(copy.data().get(), nullptr);
}

TEST(DataPtr, MoveTransfersOwnershipAndEmptiesTheSource) {
  counted_buffer buffer;
  data_ptr<std_sync> first = unique_data(buffer);
  data_ptr<std_sync> second(std::move(first));
  EXPECT_EQ(first.get(), nullptr);  // NOLINT(bugprone-use-after-move): the moved-from state is the API
  EXPECT_EQ(first.deleter(), nullptr);
  EXPECT_EQ(second.get(), buffer.bytes);
  data_ptr<std_sync> third;
  third = std::move(second);
  EXPECT_EQ(buffer.deletions, 0);
  third.reset();
  EXPECT_EQ(buffer.deletions, 1);
}

TEST(DataPtr, ReleaseContextGivesItUpWithoutRunningTheDeleter) {
  counted_buffer buffer;
  {
    data_ptr<std_sync> data = unique_data(buffer);
    EXPECT_EQ(data.release_context(), &buffer);
    EXPECT_EQ(data.context(), nullptr);
    EXPECT_EQ(data.deleter(), nullptr);
  }
  EXPECT_EQ(buffer.deletions, 0);
}

}  // namespace
}  // namespace ordercheck
