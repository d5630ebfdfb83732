// What several tests need: a fresh temporary directory, a git repository of
// an impl/ tree committed as one revision, and whole-file reads.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace ordercheck::orders::testing {

// A new empty directory under the system's temporary directory.
inline std::string make_temporary_directory(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
  return pattern;
}

// git init in `repository`, then commit its impl/ as the one revision (HEAD).
inline void commit_impl(const std::string& repository) {
  const std::vector<std::vector<std::string>> steps{
      {"init", "-q"},
      {"add", "impl"},
      {"-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "base"}};
  for (auto args : steps) {
    args.insert(args.begin(), {"git", "-C", repository});
    if (!run_process(args).exited_with(0)) throw std::runtime_error("failed: " + shell_command(args));
  }
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ordercheck::orders::testing
