#include "raw_reports.hpp"

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "atomic_file.hpp"

namespace ordercheck::stress {
namespace {

namespace fs = std::filesystem;

// "fixture/broken/free_threaded/x" -> "fixture.broken.free_threaded.x.txt";
// anything outside [A-Za-z0-9_.-] becomes '_', so an id is one file name.
std::string file_name_of(const std::string& check_id) {
  std::string name;
  for (char c : check_id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                       c == '-' || c == '.';
    name += c == '/' ? '.' : plain ? c : '_';
  }
  return name + ".txt";
}

}  // namespace

void prepare_raw_reports(const std::string& report_dir) {
  const fs::path folder = fs::path(report_dir) / raw_report_folder;
  std::error_code error;
  fs::create_directories(folder, error);
  if (error || !fs::is_directory(folder)) {
    throw std::invalid_argument("--raw-reports: cannot create the folder '" + folder.string() + "' (" +
                                (error ? error.message() : "a file is in the way") +
                                "): give a writable report folder");
  }
}

std::string keep_raw_report(const std::string& report_dir, const std::string& check_id, const std::string& text) {
  const std::string relative = std::string(raw_report_folder) + "/" + file_name_of(check_id);
  results::write_file_atomically((fs::path(report_dir) / relative).string(), text);
  return relative;
}

}  // namespace ordercheck::stress
