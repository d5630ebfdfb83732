// write_file_atomically: creates or replaces the file with exactly the new
// contents, and leaves no temporary file beside it, on success or failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "atomic_file.hpp"
#include "temporary_directory.hpp"

namespace ordercheck::results {
namespace {

class AtomicFile : public testing::temporary_directory_test {
 protected:
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(directory_)) {
      names.push_back(entry.path().filename().string());
    }
    return names;
  }
};

TEST_F(AtomicFile, CreatesTheFile) {
  const auto path = directory_ / "report.json";
  write_file_atomically(path.string(), "{\"ok\": true}\n");
  EXPECT_EQ(read(path), "{\"ok\": true}\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});
}

TEST_F(AtomicFile, ReplacesAnExistingFileAndLeavesNoTemporaryFile) {
  const auto path = directory_ / "report.json";
  {
    std::ofstream old(path);
    old << "an old, much longer report that must not survive in part\n";
  }
  write_file_atomically(path.string(), "new\n");
  EXPECT_EQ(read(path), "new\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});
}

TEST_F(AtomicFile, WritesLargeAndEmptyContentsExactly) {
  const auto path = directory_ / "big.txt";
  const std::string big(1 << 20, 'x');
  write_file_atomically(path.string(), big);
  EXPECT_EQ(read(path), big);
  write_file_atomically(path.string(), "");
  EXPECT_EQ(read(path), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"big.txt"});
}

TEST_F(AtomicFile, FailureNamesThePathAndLeavesNothingBehind) {
  const auto path = directory_ / "no-such-directory" / "report.json";
  try {
    write_file_atomically(path.string(), "lost\n");
    FAIL() << "writing into a missing directory must throw";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFile, FailureToReplaceKeepsTheOldFile) {
  // The target is a non-empty directory: rename cannot replace it.
  const auto path = directory_ / "occupied";
  std::filesystem::create_directories(path / "inside");
  EXPECT_THROW(write_file_atomically(path.string(), "new\n"), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_directory(path / "inside"));
  EXPECT_EQ(entries(), std::vector<std::string>{"occupied"});  // no temporary file left
}

}  // namespace
}  // namespace ordercheck::results
