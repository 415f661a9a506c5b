// printf format strings: parsed once by the type checker; the parsed form
// travels to the runtime, which renders it (it never parses text formats).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stratoshark::lang {

struct Conversion {
  char specifier = 'd';   // d i u x X o c s p r
  std::string flags;      // any of "-+ #0"; for %r also 'x' (%rx) or 'h' (%rh)
  int width = -1;         // -1: none
  int precision = -1;     // -1: none
};

struct FormatSegment {
  std::string literal;                // text before the conversion ("%%" already folded)
  std::optional<Conversion> conversion;
};

struct FormatString {
  std::vector<FormatSegment> segments;
  size_t conversions() const;
};

struct FormatError {
  size_t offset;  // byte offset in the format text
  size_t length;
  std::string message;
  std::string hint;
};

// Parses a printf format. Length modifiers (h, hh, l, ll, z, j, t) are
// accepted and ignored: every integer argument is 64 bits wide.
std::optional<FormatString> parse_format(std::string_view text, FormatError& error);

}  // namespace stratoshark::lang
