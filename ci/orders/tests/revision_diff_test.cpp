// Diff mode's site matching, touched subjects, and reading a git revision.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "child_process.hpp"
#include "revision_diff.hpp"
#include "scratch_files.hpp"
#include "site_parser.hpp"

namespace ordercheck::orders {
namespace {

const std::string file = "impl/ordercheck/demo/reference.hpp";

const std::string before_text =
    "void f() {\n"
    "  a_.store(1, Sync::release);\n"
    "  b_.load(Sync::acquire);\n"
    "  c_.fetch_sub(1, Sync::acq_rel);\n"
    "}\n";

TEST(DiffSites, OrderChangeMoveAddAndRemove) {
  const std::string after_text =
      "void f() {\n"
      "  // two new lines above: every site moves\n"
      "\n"
      "  a_.store(1, Sync::release);\n"
      "  c_.fetch_sub(1, Sync::release);\n"
      "  d_.exchange(1, Sync::acquire);\n"
      "}\n";
  const auto changes = diff_sites(parse_sites(file, before_text), parse_sites(file, after_text));
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0].what, site_change::kind::moved);  // a_: line 2 -> 4
  EXPECT_EQ(changes[0].before->line, 2);
  EXPECT_EQ(changes[0].after->line, 4);
  EXPECT_EQ(changes[1].what, site_change::kind::order_changed);  // c_: acq_rel -> release, line 4 -> 5
  EXPECT_EQ(changes[1].before->order, "acq_rel");
  EXPECT_EQ(changes[1].after->order, "release");
  EXPECT_EQ(changes[1].direction, "weakened");
  EXPECT_EQ(changes[2].what, site_change::kind::removed);  // b_
  EXPECT_EQ(changes[2].before->object, "b_");
  EXPECT_EQ(changes[3].what, site_change::kind::added);  // d_
  EXPECT_EQ(changes[3].after->object, "d_");
}

TEST(DiffSites, NoChangeNoOutput) {
  EXPECT_TRUE(diff_sites(parse_sites(file, before_text), parse_sites(file, before_text)).empty());
}

TEST(DiffSites, Directions) {
  EXPECT_EQ(order_direction("load", "acquire", "relaxed"), "weakened");
  EXPECT_EQ(order_direction("fetch_sub", "relaxed", "acq_rel"), "strengthened");
  EXPECT_EQ(order_direction("fetch_sub", "acquire", "release"), "changed");
}

TEST(TouchedSubjects, SubjectFilesTouchTheirSubjectSharedFilesTouchAll) {
  const source_files base{{"impl/ordercheck/a/reference.hpp", "x"},
                          {"impl/ordercheck/b/upstream.hpp", "y"},
                          {"impl/ordercheck/interpreter.hpp", "z"}};
  source_files changed = base;
  changed["impl/ordercheck/b/upstream.hpp"] = "y2";
  EXPECT_EQ(touched_subjects(base, changed), std::vector<std::string>{"b"});
  changed["impl/ordercheck/interpreter.hpp"] = "z2";
  EXPECT_EQ(touched_subjects(base, changed), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(touched_subjects(base, base).empty());
}

class TemporaryRepository : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = testing::make_temporary_directory("orders-diff");
    std::filesystem::create_directories(root_ + "/impl/ordercheck/demo");
    write(before_text);
    testing::commit_impl(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void write(const std::string& text) { std::ofstream(root_ + "/" + file) << text; }
  std::string root_;
};

TEST_F(TemporaryRepository, ReadsTheRevisionNotTheWorkingTree) {
  write("void f() { a_.store(1, Sync::relaxed); }\n");
  const auto base = read_revision(root_, "HEAD");
  ASSERT_EQ(base.count(file), 1u);
  EXPECT_EQ(base.at(file), before_text);
  const auto changes = diff_sites(inventory(base), inventory(read_working_tree(root_)));
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes[0].what, site_change::kind::order_changed);
  EXPECT_EQ(changes[0].direction, "weakened");
}

TEST_F(TemporaryRepository, AnUnknownRevisionIsAnError) {
  EXPECT_THROW(read_revision(root_, "no-such-revision"), std::runtime_error);
}

}  // namespace
}  // namespace ordercheck::orders
