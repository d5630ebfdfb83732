#include "shard.hpp"

#include "bounded_number.hpp"

namespace ordercheck::model {

shard shard_from_environment() {
  const results::shard_setting setting = results::shard_from_environment();  // throws std::invalid_argument
  shard s;
  s.total = setting.total;
  s.index = setting.index;
  return s;
}

}  // namespace ordercheck::model
