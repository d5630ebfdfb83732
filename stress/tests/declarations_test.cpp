// Every stress check, field by field, against tests/golden/stress_checks.txt:
// the subjects' declarations (impl/ordercheck/<subject>/subject.hpp) must keep
// each check's id, expected verdicts and description. The golden file was
// written from the checks as they were before the declarations existed.
// Fixtures are left out: their expectations depend on the sanitizer.
//
// ORDERCHECK_UPDATE_GOLDEN=1 rewrites the file instead of comparing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "checks/check_registry.hpp"

namespace ordercheck::stress {
namespace {

TEST(StressDeclarations, EveryCheckMatchesTheGoldenTable) {
  std::ostringstream all;
  for (const check& c : all_checks()) {
    if (c.subject == "fixture") continue;
    all << c.id() << "\n  expected:";
    for (auto v : c.expected) all << " " << results::verdict_name(v);
    all << "\n  description: " << c.description << "\n";
  }
  const std::string path = std::string(ORDERCHECK_SOURCE_DIR) + "/stress/tests/golden/stress_checks.txt";
  if (std::getenv("ORDERCHECK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path) << all.str();
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(all.str(), golden.str());
}

}  // namespace
}  // namespace ordercheck::stress
