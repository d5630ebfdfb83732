// std_sync costs nothing: the reference handle_cache::ptr_or (its hit path and
// the rest) and owner_tag::check, over std_sync, compile to the same
// instructions as hand-written std::atomic code with the same orders
// (impl/benchmarks/zero_cost_*.cpp, compiled -O2 by each compiler, see
// CMakeLists.txt). Negative controls: a twin with one extra fence, and the
// primitive over a policy that counts its loads, must differ.
#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "disassembly.hpp"

namespace ordercheck::zero_cost {
namespace {

// One compiler's pair of object files (from CMake: "name=policy.o|hand_written.o,...").
struct compiled_pair {
  std::string compiler;
  std::string policy_object;
  std::string hand_written_object;
};

// How gtest names a parameter in its messages.
void PrintTo(const compiled_pair& pair, std::ostream* out) {
  *out << pair.compiler << " (" << pair.policy_object << ", " << pair.hand_written_object << ")";
}

std::vector<compiled_pair> compiled_pairs() {
  std::vector<compiled_pair> pairs;
  std::string spec = ORDERCHECK_ZERO_COST_OBJECTS;
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string item = spec.substr(start, end - start);
    const std::size_t equals = item.find('=');
    const std::size_t bar = item.find('|');
    pairs.push_back({item.substr(0, equals), item.substr(equals + 1, bar - equals - 1),
                     item.substr(bar + 1)});
    start = end + 1;
  }
  return pairs;
}

class ZeroCost : public ::testing::TestWithParam<compiled_pair> {
 protected:
  void SetUp() override {
    functions_ = functions_of(disassemble(ORDERCHECK_OBJDUMP, GetParam().policy_object));
    for (auto& [name, listing] : functions_of(disassemble(ORDERCHECK_OBJDUMP, GetParam().hand_written_object))) {
      functions_[name] = listing;
    }
  }
  const instruction_listing& listing(const std::string& function) {
    return function_named(functions_, "ordercheck::zero_cost::" + function);
  }
  void expect_same(const std::string& ours, const std::string& hand_written) {
    const auto& left = listing(ours);
    const auto& right = listing(hand_written);
    EXPECT_GE(left.size(), 8u) << ours << " is suspiciously short: did it compile to a jump elsewhere?";
    EXPECT_EQ(left, right) << ours << " (left) and " << hand_written << " (right) differ under "
                           << GetParam().compiler << ":\n"
                           << side_by_side(left, right);
  }
  void expect_different(const std::string& control, const std::string& hand_written) {
    const auto& left = listing(control);
    const auto& right = listing(hand_written);
    EXPECT_NE(left, right) << "negative control " << control << " compiled to the same instructions as "
                           << hand_written << ": the comparison cannot tell code apart";
  }

  std::map<std::string, instruction_listing> functions_;
};

TEST_P(ZeroCost, HandleCachePtrOrMatchesHandWrittenAtomics) {
  expect_same("handle_cache_policy", "handle_cache_hand_written");
}

TEST_P(ZeroCost, OwnerTagCheckMatchesHandWrittenAtomics) {
  expect_same("owner_tag_check_policy", "owner_tag_check_hand_written");
}

TEST_P(ZeroCost, NegativeControlExtraFenceInPtrOrDiffers) {
  expect_different("handle_cache_hand_written_extra_fence", "handle_cache_hand_written");
}

TEST_P(ZeroCost, NegativeControlExtraFenceInCheckDiffers) {
  expect_different("owner_tag_check_hand_written_extra_fence", "owner_tag_check_hand_written");
}

TEST_P(ZeroCost, NegativeControlCountingPolicyDiffers) {
  expect_different("handle_cache_counting_policy", "handle_cache_hand_written");
}

TEST_P(ZeroCost, MissingFunctionIsAnErrorNotADifference) {
  EXPECT_THROW(listing("no_such_function"), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Compilers, ZeroCost, ::testing::ValuesIn(compiled_pairs()),
                         [](const ::testing::TestParamInfo<compiled_pair>& info) { return info.param.compiler; });

// The normaliser itself, on a canned listing: offsets inside the function are
// kept, addresses, other symbols, comments and trailing padding are not.
TEST(Disassembly, NormalisesAddressesSymbolsAndPadding) {
  const std::string output =
      "0000000000000010 <ns::f(int)>:\n"
      "  10:\tmov    (%rdi),%rax\n"
      "  13:\tje     20 <ns::f(int)+0x10>\n"
      "  15:\tcall   1a <ns::g()>\n"
      "  1a:\taddq   $0x1,0x0(%rip)        # 22 <ns::f(int)+0x12>\n"
      "  22:\tjne    0 <ns::f(int) [clone .cold]>\n"
      "  24:\tret\n"
      "  25:\tcs nopw 0x0(%rax,%rax,1)\n"
      "\n"
      "0000000000000000 <ns::f(int) [clone .cold]>:\n"
      "   0:\tcall   5 <__cxa_throw>\n";
  const auto functions = functions_of(output);
  const instruction_listing expected{"[main part]",     "mov (%rdi),%rax",           "je <self+0x10>",
                                     "call <other>",    "addq $0x1,0x0(%rip)",       "jne <self.cold+0x0>",
                                     "ret",             "[cold part]",               "call <other>"};
  EXPECT_EQ(function_named(functions, "ns::f"), expected);
}

}  // namespace
}  // namespace ordercheck::zero_cost
