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

// buf() bytes as bpftrace's %r shows them: printable ASCII as is, the rest
// as \xNN; %rx: every byte as \xNN; %rh: "0a fe".
std::string buffer_text(const std::string& bytes, char variant) {
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    if (variant == 'h') {
      out += fmt::format("{}{:02x}", i ? " " : "", b);
    } else if (variant != 'x' && b >= 32 && b <= 126) {
      out += static_cast<char>(b);
    } else {
      out += fmt::format("\\x{:02x}", b);
    }
  }
  return out;
}

enum class Place { Key, Value };

std::string render(const Value& v, Place place, bool nested) {
  switch (v.kind) {
    case Value::Kind::Int: return std::to_string(v.i);
    case Value::Kind::Uint: return std::to_string(v.u);
    case Value::Kind::String: return v.s;
    case Value::Kind::Bool: return v.u != 0 ? "true" : "false";
    case Value::Kind::Pointer: return fmt::format("0x{:x}", v.u);
    case Value::Kind::Buffer: return buffer_text(v.s, 0);
    case Value::Kind::Array: {
      std::string out = "[";
      for (size_t i = 0; i < v.elements.size(); ++i) out += (i ? "," : "") + render(v.elements[i], place, true);
      return out + "]";
    }
    case Value::Kind::Stack: {
      // One frame a line; map keys indent them by 4, values by 8 (as bpftrace).
      std::string indent(place == Place::Key ? 4 : 8, ' ');
      std::string out = "\n";
      for (const Value& frame : v.elements) out += indent + frame.s + "\n";
      return out;
    }
    case Value::Kind::Tuple: {
      std::string out;
      for (size_t i = 0; i < v.elements.size(); ++i) {
        if (i) out += ", ";
        out += render(v.elements[i], place, true);
      }
      // A map's key parts are listed bare (@m[a, b]); tuples as values are in parentheses.
      return nested || place == Place::Value ? "(" + out + ")" : out;
    }
    case Value::Kind::Stats:
      if (v.elements.size() != 3) return {};
      return fmt::format("count {}, average {}, total {}", render(v.elements[0], place, true),
                         render(v.elements[1], place, true), render(v.elements[2], place, true));
    case Value::Kind::Histogram:
      return {};  // rendered by format_histogram_text
  }
  return {};
}

std::string conversion(const Conversion& c, const Value& v) {
  if (c.specifier == 'r') {
    char variant = c.flags.find('x') != std::string::npos ? 'x' : c.flags.find('h') != std::string::npos ? 'h' : 0;
    return buffer_text(v.kind == Value::Kind::Buffer || v.kind == Value::Kind::String ? v.s : render(v, Place::Value, false),
                       variant);
  }
  std::string spec = "%" + c.flags;
  if (c.width >= 0) spec += std::to_string(c.width);
  if (c.precision >= 0) spec += "." + std::to_string(c.precision);
  uint64_t as_unsigned = v.kind == Value::Kind::Int ? static_cast<uint64_t>(v.i) : v.u;
  switch (c.specifier) {
    case 's': {
      std::string text = v.kind == Value::Kind::String ? v.s : render(v, Place::Value, false);
      return c_format(spec + "s", text.c_str());
    }
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
  DecodeContext context;
  context.probe_names = &probe_names;
  return format_printf(spec, event, context);
}

std::string format_printf(const PrintfSpec& spec, std::span<const uint8_t> event, const DecodeContext& context) {
  std::string out;
  for (const auto& segment : spec.segments) {
    out += segment.literal;
    if (segment.conversion) out += conversion(*segment.conversion, decode(event, segment.arg, context));
  }
  return out;
}

std::string format_value(const Value& v) { return render(v, Place::Key, false); }

std::string format_printed_value(const Value& v) { return render(v, Place::Value, false); }

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
      out += name + ": " + render(divided(e->value, view.div), Place::Value, false) + "\n";
    }
    first = false;
  }
  return out;
}

}  // namespace stratoshark::runtime
