// The stdlib: classic tools shipped as StratoShark scripts next to the binary,
// so `stratoshark opensnoop` runs <stdlib>/opensnoop.ss.
//
// Directories searched, in order: each entry of $STRATOSHARK_STDLIB (a
// colon-separated list), then share/stratoshark/stdlib next to the
// executable's bin/ directory (<prefix>/bin/stratoshark finds
// <prefix>/share/stratoshark/stdlib; the build tree links build/share/... to
// the source's stdlib/).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace stratoshark::cli {

// The directories above that exist.
std::vector<std::string> stdlib_dirs();

// The script a command-line SCRIPT word names: the word itself when it is a
// path or an existing file; otherwise the first stdlib file named WORD or
// WORD.ss. nullopt when neither exists.
std::optional<std::string> find_script(const std::string& word);

}  // namespace stratoshark::cli
