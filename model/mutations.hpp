// Order overrides from the command line (--mutate SITE=ORDER): parsing,
// installing them in site_overrides, and reporting those no run reached.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ordercheck::model {

// Throws std::invalid_argument naming what is wrong and the expected shape.
std::vector<std::pair<std::string, std::string>> parse_mutations(const std::vector<std::string>& specs);

// Replaces the override table's contents.
void install_mutations(const std::vector<std::pair<std::string, std::string>>& mutations);

// One line naming the installed overrides whose site no run reached, or "".
std::string unreached_mutations();

}  // namespace ordercheck::model
