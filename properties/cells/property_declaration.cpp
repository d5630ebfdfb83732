#include "cells/property_declaration.hpp"

namespace ordercheck::properties {

property_cell declared_property_cell(const char* subject, const declared_cell& declared,
                                     const std::string& check_suffix, const char* engine) {
  property_cell cell;
  cell.subject = subject;
  cell.variant = declared.variant;
  cell.contract = declared.contract;
  cell.check = cell.subject + "/" + cell.variant + "/" + cell.contract + "/" + declared.property + check_suffix;
  cell.engine = engine;
  cell.expected = declaration::verdicts_of<results::verdict>(cell.check, declared.expected,
                                                             [](const char* name) { return results::verdict_from_name(name); });
  cell.why = declared.why == nullptr ? "" : declared.why;
  if (cell.why.empty()) {
    throw declaration::declaration_error(cell.check + ": no reason declared; say in its subject.hpp why it "
                                                      "expects what it expects");
  }
  cell.probabilistic = declared.probabilistic;
  return cell;
}

std::vector<property_cell> cells_of(const std::vector<const declared_subject*>& subjects) {
  std::vector<property_cell> cells;
  for (const declared_subject* subject : declaration::in_table_order(subjects)) subject->declare(cells);
  return cells;
}

}  // namespace ordercheck::properties
