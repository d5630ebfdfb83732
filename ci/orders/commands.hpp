// The three commands of ordercheck-orders (main.cpp parses their options).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model_runner.hpp"

namespace ordercheck::orders {

// Exit codes of every command.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;     // a cell failed (diff) or a mutant could not be judged (mutate)
inline constexpr int exit_bad_input = 2;  // one line on stderr says what is wrong

// Bad input: main prints the message as one line and exits 2.
class bad_input : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct common_options {
  std::string root;       // the repository (holds impl/ordercheck)
  std::string work_dir;   // for the model runs' files; a fresh temporary one when empty
  bool keep_work_dir = false;
  model_settings model;
};

struct list_options {
  common_options common;
  bool static_only = false;  // do not run the models for reachability
};
int run_list(const list_options& options);

struct mutate_options {
  common_options common;
  std::vector<std::string> subjects;  // empty: all
  std::string json_path;
  std::string markdown_path;
  unsigned jobs = 2;
};
int run_mutate(const mutate_options& options);

struct diff_options {
  common_options common;
  std::string base;  // a git revision
  std::string json_path;
};
int run_diff(const diff_options& options);

}  // namespace ordercheck::orders
