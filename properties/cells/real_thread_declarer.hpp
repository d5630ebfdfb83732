// The properties layer's real-thread declarer: turns the real_threads cells
// a subject declares (impl/ordercheck/subject/property_cells.hpp) into
// property cells that run generated programs on real threads (std_sync) and
// check each history for linearizability. Included only by the generated
// per-subject translation units (cells/subject_property_cells.cpp.in).
#pragma once

#include <vector>

#include "cells/linearizability_cell.hpp"
#include "cells/property_declaration.hpp"
#include "ordercheck/sync/std_sync.hpp"

namespace ordercheck::properties {

class real_thread_declarer : public skips_model_and_stress {
 public:
  real_thread_declarer(const char* subject, std::vector<property_cell>& cells) : subject_(subject), cells_(cells) {}

  // Appends the cell when it runs on real threads; Relacy cells are the model
  // build's (relacy/relacy_declarer.hpp). Throws declaration::declaration_error.
  template <class System>
  void property_cell(const declared_cell& declared) {
    if (declared.engine != property_engine::real_threads) return;
    properties::property_cell cell = declared_property_cell(subject_, declared, "", "rapidcheck");
    using spec = typename System::spec;
    check_operations<spec>(declared.menu);
    using system = typename System::template with<std_sync>;
    cell.run = [menu = declared.menu](const cell_settings& s) {
      return run_linearizability_on_threads<spec, system>(s, menu);
    };
    cells_.push_back(std::move(cell));
  }

 private:
  const char* subject_;
  std::vector<properties::property_cell>& cells_;
};

}  // namespace ordercheck::properties
