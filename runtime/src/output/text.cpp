// Text rendering of printf events, printed values and maps.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "stratoshark/runtime/output.h"

namespace stratoshark::runtime {

namespace {

std::string c_format(const std::string& spec, auto value) {
  char small[128];
  int n = std::snprintf(small, sizeof small, spec.c_str(), value);
  if (n < 0) return {};
  if (static_cast<size_t>(n) < sizeof small) return std::string(small, static_cast<size_t>(n));
  std::string big(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(big.data(), big.size(), spec.c_str(), value);
  big.resize(static_cast<size_t>(n));
  return big;
}

std::string conversion(const Conversion& c, const Value& v) {
  std::string spec = "%" + c.flags;
  if (c.width >= 0) spec += std::to_string(c.width);
  if (c.precision >= 0) spec += "." + std::to_string(c.precision);
  uint64_t as_unsigned = v.kind == Value::Kind::Int ? static_cast<uint64_t>(v.i) : v.u;
  switch (c.specifier) {
    case 's':
      return c_format(spec + "s", v.kind == Value::Kind::String ? v.s.c_str() : "");
    case 'c':
      return c_format(spec + "c", static_cast<int>(as_unsigned & 0xff));
    case 'd':
    case 'i':
      return c_format(spec + "lld", static_cast<long long>(as_unsigned));
    case 'p': {
      // As glibc prints pointers: 0x and lowercase hex, "(nil)" for 0; of
      // the flags only '-' (left-justify) applies.
      std::string padded = c.flags.find('-') != std::string::npos ? "%-" : "%";
      if (c.width >= 0) padded += std::to_string(c.width);
      std::string text = as_unsigned == 0 ? "(nil)" : fmt::format("0x{:x}", as_unsigned);
      return c_format(padded + "s", text.c_str());
    }
    default:
      return c_format(spec + "ll" + c.specifier, static_cast<unsigned long long>(as_unsigned));
  }
}

std::string map_name(const MapSpec& spec) { return "@" + spec.name; }

}  // namespace

std::string format_printf(const PrintfSpec& spec, std::span<const uint8_t> event,
                          const std::vector<std::string>& probe_names) {
  std::string out;
  for (const auto& segment : spec.segments) {
    out += segment.literal;
    if (segment.conversion) out += conversion(*segment.conversion, decode(event, segment.arg, probe_names));
  }
  return out;
}

std::string format_value(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Int: return std::to_string(v.i);
    case Value::Kind::Uint: return std::to_string(v.u);
    case Value::Kind::String: return v.s;
    case Value::Kind::Tuple: {
      std::string out;
      for (size_t i = 0; i < v.elements.size(); ++i) {
        if (i) out += ", ";
        out += format_value(v.elements[i]);
      }
      return out;
    }
    case Value::Kind::Stats:
      if (v.elements.size() != 3) return {};
      return fmt::format("count {}, average {}, total {}", format_value(v.elements[0]), format_value(v.elements[1]),
                         format_value(v.elements[2]));
    case Value::Kind::Histogram:
      return {};  // rendered by format_histogram_text
  }
  return {};
}

std::string format_printed_value(const Value& v) {
  if (v.kind == Value::Kind::Tuple) return "(" + format_value(v) + ")";
  return format_value(v);
}

Value divided(const Value& v, uint64_t div) {
  if (div <= 1) return v;
  if (v.kind == Value::Kind::Int) return Value::of_int(v.i / static_cast<int64_t>(div));
  if (v.kind == Value::Kind::Uint) return Value::of_uint(v.u / div);
  return v;
}

std::vector<const MapEntry*> sorted_entries(const MapSnapshot& map, uint64_t top) {
  std::vector<const MapEntry*> entries;
  for (const auto& e : map.entries) entries.push_back(&e);
  std::sort(entries.begin(), entries.end(), [](const MapEntry* a, const MapEntry* b) {
    if (a->value.less(b->value)) return true;
    if (b->value.less(a->value)) return false;
    return a->key.less(b->key);
  });
  if (top > 0 && entries.size() > top) entries.erase(entries.begin(), entries.end() - static_cast<ptrdiff_t>(top));
  return entries;
}

std::string format_map_text(const MapSnapshot& map, const MapView& view) {
  std::string out;
  bool first = true;
  for (const MapEntry* e : sorted_entries(map, view.top)) {
    std::string name = map_name(*map.spec);
    if (map.spec->has_key) name += "[" + format_value(e->key) + "]";
    if (e->value.kind == Value::Kind::Histogram) {
      if (!first) out += "\n";
      out += name + ":\n" + format_histogram_text(e->value, *map.spec, view.div);
    } else {
      out += name + ": " + format_value(divided(e->value, view.div)) + "\n";
    }
    first = false;
  }
  return out;
}

}  // namespace stratoshark::runtime
