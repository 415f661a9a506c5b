// JSON rendering: one object per line, {"type": ..., "data": ...}; the
// schema is documented in docs/output.md.
#include <fmt/format.h>

#include "stratoshark/runtime/output.h"

namespace stratoshark::runtime {

namespace {

std::string quoted(std::string_view s) { return "\"" + json_escape(s) + "\""; }

// Key parts joined with "," (a tuple key (a, 1) is "a,1").
std::string json_key(const Value& key) {
  if (key.kind == Value::Kind::Stack) {
    std::string frames;
    for (const Value& f : key.elements) frames += (frames.empty() ? "" : ",") + f.s;
    return quoted(frames);
  }
  if (key.kind != Value::Kind::Tuple) return quoted(format_value(key));
  std::string joined;
  for (size_t i = 0; i < key.elements.size(); ++i) joined += (i ? "," : "") + format_value(key.elements[i]);
  return quoted(joined);
}

// The buckets from the first with a count to the last, each with its
// inclusive bounds ("min" is missing below everything, "max" above).
std::string json_histogram(const Value& h, const MapSpec& spec, uint64_t div) {
  size_t first = h.buckets.size(), last = 0;
  for (size_t i = 0; i < h.buckets.size(); ++i) {
    if (h.buckets[i] == 0) continue;
    first = std::min(first, i);
    last = i;
  }
  std::string out = "[";
  size_t buckets = h.buckets.size();
  for (size_t i = first; i <= last && i < buckets; ++i) {
    if (i > first) out += ", ";
    std::string bounds;
    if (spec.value.kind == ValueKind::Hist) {
      if (i == 0) bounds = "\"max\": -1";
      else if (i == 1) bounds = "\"min\": 0, \"max\": 0";
      else if (i == 65) bounds = "\"min\": 9223372036854775808, \"max\": 18446744073709551615";
      else bounds = fmt::format("\"min\": {}, \"max\": {}", uint64_t{1} << (i - 2), (uint64_t{1} << (i - 1)) - 1);
    } else {
      int64_t low = spec.linear_min + static_cast<int64_t>(i - 1) * spec.linear_step;
      if (i == 0) bounds = fmt::format("\"max\": {}", spec.linear_min - 1);
      else if (i == buckets - 1) bounds = fmt::format("\"min\": {}", low);
      else bounds = fmt::format("\"min\": {}, \"max\": {}", low, low + spec.linear_step - 1);
    }
    uint64_t count = div > 1 ? h.buckets[i] / div : h.buckets[i];
    out += fmt::format("{{{}, \"count\": {}}}", bounds, count);
  }
  return out + "]";
}

std::string json_data(const Value& v, const MapSpec* spec, uint64_t div) {
  switch (v.kind) {
    case Value::Kind::Int: return std::to_string(v.i);
    case Value::Kind::Uint: return std::to_string(v.u);
    case Value::Kind::String: return quoted(v.s);
    case Value::Kind::Tuple: {
      std::string out = "[";
      for (size_t i = 0; i < v.elements.size(); ++i) out += (i ? "," : "") + json_data(v.elements[i], nullptr, 1);
      return out + "]";
    }
    case Value::Kind::Stats:
      if (v.elements.size() != 3) return "null";
      return fmt::format("{{\"count\": {}, \"average\": {}, \"total\": {}}}", format_value(v.elements[0]),
                         format_value(v.elements[1]), format_value(v.elements[2]));
    case Value::Kind::Histogram:
      return spec != nullptr ? json_histogram(v, *spec, div) : "[]";
    case Value::Kind::Bool: return v.u != 0 ? "true" : "false";
    case Value::Kind::Pointer: return std::to_string(v.u);
    case Value::Kind::Buffer: return quoted(format_printed_value(v));
    case Value::Kind::Array:
    case Value::Kind::Stack: {
      std::string out = "[";
      for (size_t i = 0; i < v.elements.size(); ++i) out += (i ? "," : "") + json_data(v.elements[i], nullptr, 1);
      return out + "]";
    }
  }
  return "null";
}

}  // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  return out;
}

std::string json_message(std::string_view type, std::string_view text) {
  return fmt::format("{{\"type\": {}, \"data\": {}}}\n", quoted(type), quoted(text));
}

std::string json_value(const Value& v) { return fmt::format("{{\"type\": \"value\", \"data\": {}}}\n", json_data(v, nullptr, 1)); }

std::string json_map(const MapSnapshot& map, const MapView& view) {
  if (map.entries.empty()) return {};
  const char* type = "map";
  if (map.spec->value.kind == ValueKind::Hist || map.spec->value.kind == ValueKind::Lhist) type = "hist";
  if (map.spec->value.kind == ValueKind::Stats) type = "stats";
  std::string body;
  for (const MapEntry* e : sorted_entries(map, view.top)) {
    std::string data = json_data(divided(e->value, view.div), map.spec, view.div);
    if (!map.spec->has_key) {
      body = data;
      break;
    }
    body += (body.empty() ? "" : ", ") + json_key(e->key) + ": " + data;
  }
  if (map.spec->has_key) body = "{" + body + "}";
  return fmt::format("{{\"type\": \"{}\", \"data\": {{{}: {}}}}}\n", type, quoted("@" + map.spec->name), body);
}

}  // namespace stratoshark::runtime
