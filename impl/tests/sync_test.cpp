// std_sync and the shared error type: plain data, the per-thread flag,
// assert_that, and ownership_error's message.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "ordercheck/interpreter.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck {
namespace {

TEST(StdSync, PlainHoldsAValue) {
  std_sync::plain<int> value;
  EXPECT_EQ(value.load(), 0);  // value-initialised
  value.store(7);
  EXPECT_EQ(value.load(), 7);
  const std_sync::plain<int> initial(3);
  EXPECT_EQ(initial.load(), 3);
}

struct first_flag_tag;
struct second_flag_tag;

TEST(StdSync, ThreadFlagIsPerThreadAndPerTag) {
  using first = std_sync::thread_flag<first_flag_tag>;
  using second = std_sync::thread_flag<second_flag_tag>;
  EXPECT_FALSE(first::get());
  first::set(true);
  EXPECT_TRUE(first::get());
  EXPECT_FALSE(second::get());
  bool seen_by_other_thread = true;
  std::thread([&] { seen_by_other_thread = first::get(); }).join();
  EXPECT_FALSE(seen_by_other_thread);
  first::set(false);
  EXPECT_FALSE(first::get());
}

TEST(StdSync, AssertThatThrowsWithTheMessage) {
  EXPECT_NO_THROW(std_sync::assert_that(true, "holds"));
  try {
    std_sync::assert_that(false, "the invariant that broke");
    FAIL() << "assert_that(false) must throw";
  } catch (const assertion_failure& failure) {
    EXPECT_STREQ(failure.what(), "the invariant that broke");
  }
}

TEST(OwnershipError, NamesBothInterpreters) {
  const interpreter alpha{"alpha"};
  const interpreter beta{"beta"};
  const ownership_error error("read the wrapper", &beta, &alpha);
  EXPECT_EQ(std::string(error.what()),
            "cannot read the wrapper on interpreter 'beta': the object is already owned by "
            "interpreter 'alpha'");
  EXPECT_EQ(error.self(), &beta);
  EXPECT_EQ(error.owner(), &alpha);
}

TEST(OwnershipError, SaysNoneForAMissingInterpreter) {
  const interpreter alpha{"alpha"};
  const ownership_error error("allocate a wrapper", &alpha, nullptr);
  EXPECT_NE(std::string(error.what()).find("'<none>'"), std::string::npos) << error.what();
}

}  // namespace
}  // namespace ordercheck
