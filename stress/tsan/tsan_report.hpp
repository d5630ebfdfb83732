// ThreadSanitizer's report text, parsed: the kind of report, each access with
// its stack, and where the memory came from. The stress layer runs each check
// in a child process whose TSan output goes to a log file (TSAN_OPTIONS
// log_path); this turns that text into results records, never leaving it as
// text in a log.
//
// The input is what clang 14's TSan prints:
//   WARNING: ThreadSanitizer: data race (pid=7520)
//     Write of size 8 at 0x7b04... by thread T2:
//       #0 function /path/impl/ordercheck/.../upstream.hpp:45:17 (binary+0x...) (BuildId: ...)
//     Previous read of size 8 at 0x7b04... by thread T1:
//       #0 ...
//     Location is heap block of size 16 at 0x... allocated by main thread:
//       #0 ...
//     Thread T2 (tid=..., running) created by main thread at:
//   SUMMARY: ThreadSanitizer: data race /path/file.hpp:45:17 in function
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result_record.hpp"

namespace ordercheck::stress {

struct tsan_frame {
  int index = 0;
  std::string function;  // as printed (demangled), "<null>" when unknown
  std::string file;      // as printed; empty when unknown
  int line = 0;
  int column = 0;
};

// One section of a report that has a stack: an access, the location's
// allocation, a mutex, a thread's creation.
struct tsan_section {
  std::string header;  // the section's line, trimmed
  // For accesses: "read", "write", "atomic read", "atomic write"; empty otherwise.
  std::string operation;
  bool previous = false;  // "Previous ..." (the earlier access)
  int thread = -1;        // 0 for the main thread, N for TN, -1 unknown
  bool is_access = false;
  bool is_location = false;
  std::vector<tsan_frame> stack;
};

struct tsan_report {
  std::string kind_text;  // "data race", "heap-use-after-free", ...
  results::verdict kind = results::verdict::error;
  std::vector<tsan_section> sections;
  std::string summary;  // the SUMMARY line, without "SUMMARY: ThreadSanitizer: "
  std::string text;     // the whole report as printed

  // The access sections: the current one first, then the previous one.
  std::vector<const tsan_section*> accesses() const;
};

// Every report in `text` (a TSan log, possibly several reports and other lines).
std::vector<tsan_report> parse_tsan_reports(std::string_view text);

// data race -> data_race, heap-use-after-free -> use_after_free, double free ->
// double_free, lock-order-inversion -> deadlock, thread leak -> leak; mutex
// misuse and signal misuse -> crash (the program is wrong, not racy).
results::verdict verdict_of_tsan_kind(std::string_view kind_text);

// "/work/main/impl/ordercheck/x.hpp" -> "impl/ordercheck/x.hpp": the path from
// the last "impl/", "stress/", "model/" or "properties/" component on; other
// paths are returned unchanged.
std::string repository_relative(std::string_view path);

// "ordercheck::upstream::handle_cache<ordercheck::std_sync>::ptr_or<F>(a, b) const" -> "ptr_or".
std::string short_function_name(std::string_view printed);

// The frame that names the code under test: the first frame in impl/ outside
// the sync policy (impl/ordercheck/sync/, a wrapper like the model's call-site
// capture), else the first in stress/fixtures/ or stress/mixes/, else the
// first frame with a file; nullopt when the stack has no file at all.
std::optional<tsan_frame> site_frame(const std::vector<tsan_frame>& stack);

// Fills `out.sites` and `out.interleaving` from `report` (earlier access first,
// as step 1) and returns a one-line description for the record's message.
std::string describe_tsan_report(const tsan_report& report, results::record& out);

}  // namespace ordercheck::stress
