// The results schema: one record per check, in every layer (docs/design.md,
// "Results and reports"). Layers write records as JSON Lines; report writers
// read only records. Field names here are the schema: change them in one place.
//
// {
//   "schema": "ordercheck.result/1",
//   "check": "handle_cache/upstream/free_threaded/two_claimants",   // unique per run
//   "subject": "handle_cache", "variant": "upstream", "contract": "free_threaded",
//   "layer": "model" | "stress" | "property",
//   "engine": {"name": "relacy", "settings": {...}},                // free-form settings
//   "expected": ["data_race", "assertion"],                          // any of these; ["pass"] for clean
//   "observed": "data_race",
//   "matches": true,                                                 // observed is in expected
//   "message": "one line a person reads first",
//   "sites": [{"file": "impl/...", "line": 38, "operation": "load", "order": "acquire", "role": "racing access",
//              "step": 12, "object": "buffer"}],
//   "interleaving": [{"step": 12, "thread": 1, "file": "impl/...", "line": 38, "function": "ptr_or",
//                     "operation": "load", "order": "", "value": "0", "text": "<raw event>", "object": "buffer"}],
//   "scenario": "the smallest program that shows it, as text",
//   "replay": {"token": "...", "command": "ordercheck-model --replay ..."},
//   "seed": 1, "iterations": 42, "wall_seconds": 0.01,
//   "mutations": [{"site": "impl/...:34:fetch_sub", "order": "release"}],
//   "why": "why: thread 1's fetch_sub release at ... read ...",   // model data races and uses after free only:
//                                                              // which accesses are unordered (ci/report/why_text.hpp)
//   "fix": {"candidates": 3, "executions": 60000, "wall_seconds": 1.2,             // only when searched
//           "repairs": [{"site": "impl/...:34:fetch_sub", "from": "release", "to": "acq_rel", "executions": 20000}]},
//   "raw_report": "logs/stress-tsan/<check>.txt"   // only when kept: the engine's own report (stacks,
//                                                  // allocation site, thread creation), relative to the report folder
// }
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ordercheck::results {

inline constexpr const char* schema_id = "ordercheck.result/1";

enum class verdict {
  pass,
  data_race,
  use_after_free,
  double_free,
  leak,
  assertion,
  deadlock,
  livelock,
  linearizability_violation,
  timeout,
  crash,
  error,  // the check could not run (bad setup, tool failure): never a pass
  uninitialized_read,  // a read of a variable nothing wrote yet
  engine_error,        // the engine reported a result ordercheck does not know (its text is in the message)
};

const char* verdict_name(verdict v);
// Throws std::invalid_argument naming the valid spellings.
verdict verdict_from_name(std::string_view name);
std::vector<std::string> all_verdict_names();

struct site {
  std::string file;  // relative to the repository: impl/ordercheck/...
  int line = 0;
  std::string operation;  // load, store, compare_exchange, fetch_sub, mutex lock, ...
  std::string order;      // relaxed ... seq_cst, or empty for plain accesses
  std::string role;       // "racing access", "other access", "freed here", ...
  int step = 0;           // the interleaving step it is (0: none)
  std::string object{};   // the memory location, by name ("buffer", "object#2+8"), or ""
};

struct step {
  int step = 0;
  int thread = 0;
  std::string file;
  int line = 0;
  std::string function;
  std::string operation;
  std::string order;
  std::string value;
  std::string text;    // the engine's own line (addresses replaced by names)
  std::string object{};  // the memory location it touches, by name, or ""
};

struct replay_info {
  std::string token;
  std::string command;
};

struct mutation {
  std::string site;   // path:line:operation
  std::string order;  // the order it was weakened to
};

// A candidate repair found by the model layer's fix search: one atomic site
// strengthened one step, checked by re-running the cell's quick searches.
struct repair {
  std::string site;       // path:line:operation, as --mutate spells it
  std::string from;       // the order that ran
  std::string to;         // the stronger order that makes the cell pass
  unsigned long long executions = 0;  // executions the check explored
};

// The fix search's outcome ("fix" in the record; absent when none was run).
struct fix_search {
  bool searched = false;
  std::size_t candidates = 0;         // atomic sites tried, one strengthening each
  unsigned long long executions = 0;  // every candidate's check together
  double wall_seconds = 0;
  std::vector<repair> repairs;        // the ones that make the cell pass
};

struct record {
  std::string check;
  std::string subject;
  std::string variant;
  std::string contract;
  std::string layer;
  std::string engine;
  nlohmann::json engine_settings = nlohmann::json::object();
  std::vector<verdict> expected;
  verdict observed = verdict::error;
  std::string message;
  std::vector<site> sites;
  std::vector<step> interleaving;
  std::string scenario;
  replay_info replay;
  std::optional<unsigned long long> seed;
  unsigned long long iterations = 0;
  double wall_seconds = 0;
  std::vector<mutation> mutations;
  fix_search fix;
  // The "why" sentence of a model data race or use after free (which two
  // accesses are unordered and which atomics could have ordered them), or ""
  // (then absent from the JSON). Written by ordercheck-model and
  // ordercheck-report from the history (ci/report/why_text.hpp).
  std::string why;
  // The engine's own report of this finding, kept as a file: its path
  // relative to the report folder ("logs/stress-tsan/...txt"), or "" if none.
  std::string raw_report;

  bool matches() const;
};

// "fix: refcounted_deleter/reference.hpp:34 fetch_sub release -> acq_rel makes
// this cell pass (checked: N executions)", one line per repair, or "fix: no
// single-site fix among ..." when the search found none; "" when none ran.
std::string fix_text(const fix_search& fix);

void to_json(nlohmann::json& out, const record& r);
void from_json(const nlohmann::json& in, record& r);

// One record per line.
std::string to_json_line(const record& r);
// Reads every record of a JSON Lines file; throws std::runtime_error naming
// the file and line of the first malformed record.
std::vector<record> read_json_lines(const std::string& path);

}  // namespace ordercheck::results
