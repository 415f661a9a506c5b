#include "stratoshark/lang/format_string.h"

#include <fmt/format.h>

namespace stratoshark::lang {

size_t FormatString::conversions() const {
  size_t n = 0;
  for (const auto& s : segments) n += s.conversion ? 1 : 0;
  return n;
}

std::optional<FormatString> parse_format(std::string_view text, FormatError& error) {
  FormatString result;
  std::string literal;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c != '%') {
      literal += c;
      ++i;
      continue;
    }
    size_t start = i++;
    if (i < text.size() && text[i] == '%') {
      literal += '%';
      ++i;
      continue;
    }
    Conversion conv;
    while (i < text.size() && std::string_view("-+ #0").find(text[i]) != std::string_view::npos) conv.flags += text[i++];
    auto number = [&](int& out) {
      if (i < text.size() && text[i] == '*') {
        error = {i, 1, "'*' widths and precisions are not supported", "write the width as a number, e.g. %-10s"};
        return false;
      }
      if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        out = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
          out = out * 10 + (text[i++] - '0');
          if (out > 4096) {
            error = {start, i - start, "field width or precision is too large", "use at most 4096"};
            return false;
          }
        }
      }
      return true;
    };
    if (!number(conv.width)) return std::nullopt;
    if (i < text.size() && text[i] == '.') {
      ++i;
      conv.precision = 0;
      if (!number(conv.precision)) return std::nullopt;
    }
    while (i < text.size() && std::string_view("hlzjt").find(text[i]) != std::string_view::npos) ++i;
    if (i >= text.size()) {
      error = {start, i - start, "incomplete conversion at the end of the format string",
               "finish it (e.g. %d) or write %% for a literal '%'"};
      return std::nullopt;
    }
    char spec = text[i++];
    if (std::string_view("diuxXocspr").find(spec) == std::string_view::npos) {
      error = {start, i - start, fmt::format("unknown conversion '%{}'", spec),
               "supported conversions: %d %i %u %x %X %o %c %s %p %r %rx %rh; write %% for a literal '%'"};
      return std::nullopt;
    }
    // %rx (every byte as \xNN) and %rh (hex bytes with spaces) are %r variants.
    if (spec == 'r' && i < text.size() && (text[i] == 'x' || text[i] == 'h')) conv.flags += text[i++];
    conv.specifier = spec;
    result.segments.push_back({std::move(literal), conv});
    literal.clear();
  }
  if (!literal.empty()) result.segments.push_back({std::move(literal), std::nullopt});
  return result;
}

}  // namespace stratoshark::lang
