// Running another program (ordercheck-model, git) and waiting for it.
#pragma once

#include <string>
#include <vector>

namespace ordercheck::orders {

struct process_result {
  int exit_code = -1;  // valid when signal == 0
  int signal = 0;      // the signal that ended it, or 0
  std::string output;  // what it wrote to stdout and stderr (capture only)
  bool exited_with(int code) const { return signal == 0 && exit_code == code; }
  std::string describe() const;  // "exit 1", "killed by signal 11 (Segmentation fault)"
};

// Runs argv[0] (searched in PATH) with stdout and stderr sent to `log_path`
// (appended; /dev/null when empty). Throws std::runtime_error when it cannot
// start.
process_result run_process(const std::vector<std::string>& argv, const std::string& log_path = "");

// Runs argv and returns what it wrote to stdout (stderr is kept separately in
// the result's output only when the program fails).
process_result capture_process(const std::vector<std::string>& argv);

// A single-quoted shell word, for printing commands a person can paste.
std::string shell_quote(const std::string& word);
std::string shell_command(const std::vector<std::string>& argv);

}  // namespace ordercheck::orders
