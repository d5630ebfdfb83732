#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace ordercheck::model {

progress_display::progress_display(std::size_t cells)
    : total_(cells), terminal_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()) {}

void progress_display::cell_done(const cell& c, const results::record& r) {
  ++done_;
  executions_ += r.iterations;
  const bool matches = r.matches();
  const bool interesting = !matches || r.observed != results::verdict::pass;
  if (!terminal_ || interesting) {
    if (terminal_) std::cerr << "\r\033[K";
    char line[512];
    std::snprintf(line, sizeof line, "%-9s %-60s observed=%-14s executions=%-9llu %.2fs",
                  matches ? "MATCH" : "MISMATCH", c.id().c_str(), results::verdict_name(r.observed),
                  r.iterations, r.wall_seconds);
    std::cout << line << "\n" << std::flush;
  }
  if (terminal_) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? executions_ / elapsed : 0;
    const double left = done_ > 0 ? elapsed / done_ * (total_ - done_) : 0;
    std::fprintf(stderr, "\r\033[K[%zu/%zu cells] %.0f executions/s, about %.0f s left", done_,
                 total_, rate, left);
    std::fflush(stderr);
  }
}

void progress_display::finish(int mismatches) {
  if (terminal_) std::cerr << "\r\033[K";
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::cout << done_ << " cells, " << executions_ << " executions, " << elapsed << " s: "
            << (mismatches == 0 ? "every cell matches its expected verdict"
                                : std::to_string(mismatches) + " cell(s) do NOT match their expected verdict")
            << "\n";
}

}  // namespace ordercheck::model
