// The declarations tests' negative controls (model/tests, properties/tests):
// a declaration that must be refused.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "ordercheck/subject/declaration.hpp"

namespace ordercheck::golden {

// Runs `declare` and expects a declaration::declaration_error whose message
// contains `names` (the cell and what is wrong with it).
inline void expect_declaration_error(const std::function<void()>& declare, const std::string& names) {
  try {
    declare();
    ADD_FAILURE() << "accepted; expected a declaration_error naming " << names;
  } catch (const declaration::declaration_error& error) {
    EXPECT_NE(std::string(error.what()).find(names), std::string::npos) << error.what();
  }
}

}  // namespace ordercheck::golden
