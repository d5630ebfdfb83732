// Runs a program as a child process with extra environment variables, its
// standard output and error sent to a file, and a deadline after which the
// child is killed. POSIX only (posix_spawn, waitpid).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ordercheck::stress {

struct child_exit {
  bool exited = false;     // exited normally (see status)
  int status = 0;          // exit status when exited
  int signal = 0;          // terminating signal otherwise
  bool killed_at_deadline = false;
  double wall_seconds = 0;
};

// Throws std::runtime_error when the child cannot be started.
child_exit run_child_process(const std::vector<std::string>& arguments,
                             const std::vector<std::pair<std::string, std::string>>& extra_environment,
                             const std::string& output_path, double deadline_seconds);

}  // namespace ordercheck::stress
