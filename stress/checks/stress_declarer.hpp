// The stress layer's declarer: turns a subject's declaration
// (impl/ordercheck/<subject>/subject.hpp) into checks, one per instance of
// each stress_scenario and stress_mix, each expecting what the declaration's
// stress_expectation for its (variant, contract) says. Included only by the
// generated per-subject translation units (subject_checks.cpp.in).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "check_registry.hpp"
#include "harness/round_runner.hpp"
#include "harness/scenario_rounds.hpp"
#include "ordercheck/subject/declaration.hpp"
#include "ordercheck/subject/property_cells.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::stress {

class stress_declarer {
 public:
  explicit stress_declarer(const char* subject) : subject_(subject) {}

  // The model and properties layers' declarations: nothing to run here.
  template <class Instance>
  void model_cell(const declaration::model_cell&) {}
  template <class System>
  void property_cell(const properties::declared_cell&) {}

  // Throws declaration::declaration_error for a second expectation of one
  // (variant, contract, scenario) or a misspelt verdict.
  void stress_expectation(const declaration::stress_expectation& declared);

  template <class Instances>
  void stress_scenario(const declaration::stress_scenario& declared) {
    add_scenarios(declared, static_cast<Instances*>(nullptr));
  }

  template <class Instances>
  void stress_mix(const declaration::stress_mix& declared) {
    add_mixes(declared, static_cast<Instances*>(nullptr));
  }

  // Appends the checks, each with its declared expectation (its scenario's
  // own at its (variant, contract), else the subject's), to `subject`.
  // Throws declaration::declaration_error naming the first check whose
  // (variant, contract) has no stress_expectation: no silent defaults.
  void finish(declared_checks& subject);

 private:
  template <class... I>
  void add_scenarios(const declaration::stress_scenario& declared, declaration::instances<I...>*) {
    (add_scenario<I>(declared), ...);
  }
  template <class I>
  void add_scenario(const declaration::stress_scenario& declared) {
    using scenario_type = typename I::template with<std_sync>;
    check c = named(I::variant_name, I::contract_name, scenario_type::name);
    c.description = std::string(declared.description) + " (" + declared.source + ", " +
                    std::to_string(scenario_type::thread_count) + " threads per round)";
    c.run = [](const stress_settings& settings, const hang_handler& on_hang) {
      return run_scenario<scenario_type>(settings, on_hang);
    };
    checks_.push_back(std::move(c));
  }

  template <class... I>
  void add_mixes(const declaration::stress_mix& declared, declaration::instances<I...>*) {
    (add_mix<I>(declared), ...);
  }
  template <class I>
  void add_mix(const declaration::stress_mix& declared) {
    using mix_type = typename I::template with<std_sync>;
    check c = named(I::variant_name, I::contract_name, declared.name);
    c.description = std::string(declared.description) + " (" + declared.source + ", --threads threads per round)";
    c.run = [](const stress_settings& settings, const hang_handler& on_hang) {
      mix_type mix(settings.threads);
      return run_rounds(settings, settings.threads, mix, on_hang);
    };
    checks_.push_back(std::move(c));
  }

  check named(const char* variant, const char* contract, const char* scenario) const;

  std::string subject_;
  std::vector<check> checks_;
  std::map<expectation_key, declared_expectation> expectations_;
};

}  // namespace ordercheck::stress
