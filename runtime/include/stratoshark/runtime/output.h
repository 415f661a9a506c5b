// Text output: printf events and maps rendered the way bpftrace prints them.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/value.h"

namespace stratoshark::runtime {

struct MapEntry {
  Value key;  // unused for maps without keys
  Value value;
};

struct MapSnapshot {
  const MapSpec* spec = nullptr;
  std::vector<MapEntry> entries;
};

// One printf event (header included) rendered with its format.
std::string format_printf(const PrintfSpec& spec, std::span<const uint8_t> event,
                          const std::vector<std::string>& probe_names);

// A value as it appears in a map line: strings bare, integers in decimal,
// tuples as "a, b".
std::string format_value(const Value& value);

// "@name[key]: value" lines, sorted by value (then key); "@name: value" for
// maps without keys. Empty for an empty map.
std::string format_map_text(const MapSnapshot& map);

}  // namespace stratoshark::runtime
