#include "forked_jobs.hpp"

#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>

namespace ordercheck::results {
namespace {

// An unlinked temporary file: the child writes its payload there, the parent
// reads it after the child ends (a pipe would need reading while it runs).
int anonymous_file() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/ordercheck-job-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("cannot create a file under " + pattern + ": " + std::strerror(errno));
  unlink(pattern.c_str());
  return fd;
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(4);  // the parent reports "exited with status 4"
    done += static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  if (lseek(fd, 0, SEEK_SET) < 0) throw std::runtime_error(std::string("cannot read a check's result: ") + std::strerror(errno));
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string("cannot read a check's result: ") + std::strerror(errno));
    if (n == 0) return text;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

// Exit statuses of a child: 0 payload written; 3 work threw (the file holds the message).
constexpr int threw_status = 3;

[[noreturn]] void run_child(std::size_t index, int fd, pid_t parent, const std::function<std::string(std::size_t)>& work) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);  // the parent died before prctl
  int status = 0;
  try {
    write_all(fd, work(index));
  } catch (const std::exception& e) {
    write_all(fd, e.what());
    status = threw_status;
  } catch (...) {
    write_all(fd, "an exception that is not a std::exception");
    status = threw_status;
  }
  std::cout.flush();
  std::fflush(nullptr);
  _exit(status);  // no atexit handlers or destructors of the parent's state
}

struct running_child {
  std::size_t index;
  int fd;
};

// Kills and reaps the children still running when the parent leaves early.
struct children {
  std::map<pid_t, running_child> running;
  ~children() {
    for (const auto& [pid, child] : running) kill(pid, SIGKILL);
    for (const auto& [pid, child] : running) {
      while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
      }
      close(child.fd);
    }
  }
};

forked_result result_of(int status, const std::string& text) {
  forked_result result;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    result.completed = true;
    result.payload = text;
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == threw_status) {
    result.failure = "the check threw: " + text;
  } else if (WIFSIGNALED(status)) {
    result.failure = "the check's process died of signal " + std::to_string(WTERMSIG(status)) + " (" +
                     strsignal(WTERMSIG(status)) + ")";
  } else {
    result.failure = "the check's process exited with status " + std::to_string(WEXITSTATUS(status));
  }
  return result;
}

}  // namespace

void run_forked_in_order(std::size_t count, unsigned jobs, const std::function<std::string(std::size_t)>& work,
                         const std::function<void(std::size_t, forked_result&&)>& on_done,
                         const std::function<void(const std::vector<std::size_t>&)>& on_running) {
  if (jobs == 0) jobs = 1;
  const pid_t parent = getpid();
  std::vector<std::optional<forked_result>> finished(count);
  children pool;
  const auto report_running = [&] {
    if (!on_running) return;
    std::vector<std::size_t> ids;
    for (const auto& [pid, child] : pool.running) ids.push_back(child.index);
    on_running(ids);
  };
  std::size_t next = 0;
  std::size_t handed_back = 0;
  while (handed_back < count) {
    bool started = false;
    while (pool.running.size() < jobs && next < count) {
      const int fd = anonymous_file();
      std::cout.flush();
      std::fflush(nullptr);  // nothing buffered is written twice
      const pid_t pid = fork();
      if (pid < 0) {
        close(fd);
        throw std::runtime_error(std::string("cannot fork a check's process: ") + std::strerror(errno));
      }
      if (pid == 0) run_child(next, fd, parent, work);
      pool.running.emplace(pid, running_child{next, fd});
      ++next;
      started = true;
    }
    if (started) report_running();
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("cannot wait for a check's process: ") + std::strerror(errno));
    }
    const auto found = pool.running.find(pid);
    if (found == pool.running.end()) continue;  // not one of ours
    const running_child child = found->second;
    pool.running.erase(found);
    std::string text;
    try {
      text = read_all(child.fd);
    } catch (...) {
      close(child.fd);
      throw;
    }
    close(child.fd);
    finished[child.index] = result_of(status, text);
    report_running();
    while (handed_back < count && finished[handed_back]) {
      forked_result done = std::move(*finished[handed_back]);
      finished[handed_back].reset();
      on_done(handed_back, std::move(done));
      ++handed_back;
    }
  }
}

}  // namespace ordercheck::results
