// The captured Relacy output the history tests read (data/histories/,
// written by history_capture.cpp; ORDERCHECK_HISTORY_DIR names the folder).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace ordercheck::model {

// The text of data/histories/<name>.txt (a test failure when it is missing).
inline std::string capture(const std::string& name) {
  std::ifstream in(std::string(ORDERCHECK_HISTORY_DIR) + "/" + name + ".txt");
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ordercheck::model
