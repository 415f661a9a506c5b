// Output: printf events, printed values and maps rendered as text (the way
// bpftrace prints them) or as JSON (one object per line, docs/output.md).
// Pure functions of the decoded value model; nothing here touches the kernel.
#pragma once

#include <span>
#include <string>
#include <string_view>
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

// How print(@m, top, div) asks for a map: only the `top` entries with the
// largest values (0: all), values divided by `div` (0 and 1: as they are).
struct MapView {
  uint64_t top = 0;
  uint64_t div = 1;
};

// ---- text (output/text.cpp, output/histogram.cpp)

// One printf event (header included) rendered with its format.
std::string format_printf(const PrintfSpec& spec, std::span<const uint8_t> event,
                          const std::vector<std::string>& probe_names);
std::string format_printf(const PrintfSpec& spec, std::span<const uint8_t> event, const DecodeContext& context);

// A value as it appears in a map line: strings bare, integers in decimal,
// tuples as "a, b", stats as "count N, average A, total T".
std::string format_value(const Value& value);

// A value as print(value) shows it: like format_value, but a tuple in
// parentheses: "(1, abc)".
std::string format_printed_value(const Value& value);

// An integer map value divided by `div` (0 and 1 leave it as it is);
// stats, histograms and other values are returned unchanged.
Value divided(const Value& value, uint64_t div);

// The entries in the order they are shown: sorted by value (stats by
// average, histograms by total count), then key; only the last `top`.
std::vector<const MapEntry*> sorted_entries(const MapSnapshot& map, uint64_t top);

// "@name[key]: value" lines, or "@name: value" for maps without keys.
// Histograms: "@name[key]:" and then one line per bucket, from the first
// bucket with a count to the last; a blank line between two keys. Empty for
// an empty map.
std::string format_map_text(const MapSnapshot& map, const MapView& view = {});

// The bucket lines of one histogram value of `spec`'s map:
//   LABEL (16 wide, left)  COUNT (8 wide, right) |BAR (52 wide)|
// where BAR has count * 52 / largest count '@'s. Counts are shown divided
// by `div`; the bars use the real counts.
std::string format_histogram_text(const Value& histogram, const MapSpec& spec, uint64_t div = 1);

// ---- JSON (output/json.cpp)

std::string json_escape(std::string_view text);
// {"type": TYPE, "data": "TEXT"}, e.g. for printf output.
std::string json_message(std::string_view type, std::string_view text);
// {"type": "value", "data": VALUE}
std::string json_value(const Value& value);
// {"type": "map"|"hist"|"stats", "data": {"@name": ...}}; empty for an empty map.
std::string json_map(const MapSnapshot& map, const MapView& view = {});

}  // namespace stratoshark::runtime
