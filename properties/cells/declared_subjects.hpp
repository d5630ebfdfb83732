// The lists of declared subjects cmake/subjects.cmake generates for the
// properties layer: one per engine, each filled by that engine's generated
// per-subject translation units.
#pragma once

#include <vector>

#include "cells/property_declaration.hpp"

namespace ordercheck::properties::on_threads {
// From cells/subject_property_cells.cpp.in (every preset with properties).
const std::vector<const declared_subject*>& declared_subjects();
}  // namespace ordercheck::properties::on_threads

namespace ordercheck::properties::in_relacy {
// From relacy/subject_relacy_cells.cpp.in (model builds only).
const std::vector<const declared_subject*>& declared_subjects();
}  // namespace ordercheck::properties::in_relacy
