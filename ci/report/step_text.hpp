// How a step or a site is spelled in every human-readable report, so the
// text, HTML, Markdown and SARIF outputs say the same thing the same way.
#pragma once

#include "result_record.hpp"

#include <string>

namespace ordercheck::report {

// "impl/ordercheck/handle_cache/upstream.hpp" -> "handle_cache/upstream.hpp".
std::string short_path(const std::string& file);
// "handle_cache/upstream.hpp:38 ptr_or", or the engine's text when it named no file.
std::string step_location(const results::step& s);
// "load acquire = 0x0" (parts that are empty are left out).
std::string step_action(const results::step& s);
// "impl/ordercheck/handle_cache/upstream.hpp:38 load acquire".
std::string site_text(const results::site& s);
// The role of the site this step executes ("racing access", ...), or "".
std::string site_role_of(const results::record& r, const results::step& s);
// The replay command, or why there is none (and the seed, always); the
// stress layer's command is labelled a probabilistic re-run.
std::string replay_text(const results::record& r);

}  // namespace ordercheck::report
