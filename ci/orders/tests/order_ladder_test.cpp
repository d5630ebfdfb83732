// The ladder of weaker orders, per operation.
#include <gtest/gtest.h>

#include "order_ladder.hpp"

namespace ordercheck::orders {
namespace {

using orders = std::vector<std::string>;

TEST(OrderLadder, Loads) {
  EXPECT_EQ(weaker_orders("load", "seq_cst"), (orders{"acquire", "relaxed"}));
  EXPECT_EQ(weaker_orders("load", "acquire"), (orders{"relaxed"}));
  EXPECT_EQ(weaker_orders("load", "relaxed"), orders{});
}

TEST(OrderLadder, Stores) {
  EXPECT_EQ(weaker_orders("store", "seq_cst"), (orders{"release", "relaxed"}));
  EXPECT_EQ(weaker_orders("store", "release"), (orders{"relaxed"}));
}

TEST(OrderLadder, ReadModifyWrites) {
  for (const char* op : {"exchange", "fetch_add", "fetch_sub", "fetch_or", "fetch_and", "compare_exchange"}) {
    EXPECT_EQ(weaker_orders(op, "seq_cst"), (orders{"acq_rel", "acquire", "release", "relaxed"})) << op;
    EXPECT_EQ(weaker_orders(op, "acq_rel"), (orders{"acquire", "release", "relaxed"})) << op;
    EXPECT_EQ(weaker_orders(op, "acquire"), (orders{"relaxed"})) << op;  // acquire and release are incomparable
    EXPECT_EQ(weaker_orders(op, "release"), (orders{"relaxed"})) << op;
    EXPECT_EQ(weaker_orders(op, "relaxed"), orders{}) << op;
  }
}

TEST(OrderLadder, CompareExchangeFailureNeverStrongerThanSuccess) {
  EXPECT_EQ(weaker_orders("compare_exchange_failure", "seq_cst", "seq_cst"), (orders{"acquire", "relaxed"}));
  EXPECT_EQ(weaker_orders("compare_exchange_failure", "acquire", "acq_rel"), (orders{"relaxed"}));
  EXPECT_FALSE(is_legal("compare_exchange_failure", "acquire", "release"));
  EXPECT_FALSE(is_legal("compare_exchange_failure", "release", "acq_rel"));
  EXPECT_FALSE(is_legal("compare_exchange_failure", "acq_rel", "acq_rel"));
  EXPECT_EQ(effective_failure("release", "acquire"), "relaxed");
  EXPECT_EQ(effective_failure("acquire", "acquire"), "acquire");
  EXPECT_EQ(effective_failure("acq_rel", "seq_cst"), "acquire");
}

TEST(OrderLadder, Fences) {
  EXPECT_EQ(weaker_orders("fence", "seq_cst"), (orders{"acq_rel", "acquire", "release"}));
  EXPECT_EQ(weaker_orders("fence", "acq_rel"), (orders{"acquire", "release"}));
  EXPECT_EQ(weaker_orders("fence", "acquire"), orders{});
  EXPECT_FALSE(is_legal("fence", "relaxed"));
}

TEST(OrderLadder, IllegalDeclarationsHaveNoMutants) {
  EXPECT_EQ(weaker_orders("load", "release"), orders{});
  EXPECT_EQ(weaker_orders("store", "acq_rel"), orders{});
  EXPECT_EQ(weaker_orders("load", "consume"), orders{});
}

}  // namespace
}  // namespace ordercheck::orders
