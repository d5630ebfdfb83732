// Bad input to ordercheck-model: the runner prints the message on one line
// and exits with status 2.
#pragma once

#include <stdexcept>

namespace ordercheck::model {

class bad_input : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ordercheck::model
