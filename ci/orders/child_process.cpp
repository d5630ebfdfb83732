#include "child_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace ordercheck::orders {
namespace {

process_result wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  }
  process_result result;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

process_result spawn(const std::vector<std::string>& argv, const std::string& stdout_path,
                     const std::string& stderr_path, bool append) {
  if (argv.empty()) throw std::runtime_error("run_process: no program");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const int flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(), flags, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(), flags, 0644);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    throw std::runtime_error("cannot start '" + argv[0] + "': " + std::strerror(error));
  }
  return wait_for(pid);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::string process_result::describe() const {
  if (signal != 0) return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  return "exit " + std::to_string(exit_code);
}

process_result run_process(const std::vector<std::string>& argv, const std::string& log_path) {
  const std::string target = log_path.empty() ? "/dev/null" : log_path;
  return spawn(argv, target, target, !log_path.empty());
}

process_result capture_process(const std::vector<std::string>& argv) {
  char out_template[] = "/tmp/ordercheck-orders-out-XXXXXX";
  char err_template[] = "/tmp/ordercheck-orders-err-XXXXXX";
  const int out_fd = mkstemp(out_template);
  const int err_fd = mkstemp(err_template);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot create a temporary file in /tmp");
  close(out_fd);
  close(err_fd);
  process_result result = spawn(argv, out_template, err_template, false);
  result.output = slurp(out_template);
  if (!result.exited_with(0)) result.output += slurp(err_template);
  std::remove(out_template);
  std::remove(err_template);
  return result;
}

std::string shell_quote(const std::string& word) {
  if (!word.empty() && word.find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,+@") ==
                           std::string::npos) {
    return word;
  }
  std::string quoted = "'";
  for (char c : word) {
    if (c == '\'') {
      quoted.append("'\\''");
    } else {
      quoted.push_back(c);
    }
  }
  quoted.push_back('\'');
  return quoted;
}

std::string shell_command(const std::vector<std::string>& argv) {
  std::string command;
  for (const auto& a : argv) {
    if (!command.empty()) command.push_back(' ');
    command += shell_quote(a);
  }
  return command;
}

}  // namespace ordercheck::orders
