#include "stdlib_tools.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace stratoshark::cli {

namespace {

bool is_regular_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

// <prefix>/share/stratoshark/stdlib for the running <prefix>/bin/stratoshark
// (or <build>/cli/stratoshark).
std::optional<std::string> beside_executable() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return (exe.parent_path().parent_path() / "share" / "stratoshark" / "stdlib").string();
}

}  // namespace

std::vector<std::string> stdlib_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("STRATOSHARK_STDLIB")) {
    std::istringstream list(env);
    for (std::string dir; std::getline(list, dir, ':');) {
      if (!dir.empty() && is_directory(dir)) dirs.push_back(dir);
    }
  }
  if (auto dir = beside_executable(); dir && is_directory(*dir)) dirs.push_back(*dir);
  return dirs;
}

std::optional<std::string> find_script(const std::string& word) {
  if (word.find('/') != std::string::npos || is_regular_file(word)) {
    return is_regular_file(word) ? std::optional<std::string>(word) : std::nullopt;
  }
  for (const auto& dir : stdlib_dirs()) {
    for (const std::string& candidate : {dir + "/" + word, dir + "/" + word + ".ss"}) {
      if (is_regular_file(candidate)) return candidate;
    }
  }
  return std::nullopt;
}

}  // namespace stratoshark::cli
