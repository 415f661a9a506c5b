// Field values by tshark field name, rendered the way
// `tshark -T fields -e NAME` prints them (decimal or 0x-hex numbers,
// dotted/colon addresses, text; several occurrences joined by ','). This is
// what the differential test compares against tshark; it is also a stable way
// for callers to ask for a field by a name users already know.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "stratoshark/dissect/model.h"

namespace stratoshark::dissect {

// Appends the values of tshark field `name` in `d` (every occurrence, in
// packet order, joined by ','). Appends nothing when the packet has none;
// returns false when `name` is not a field the dissectors know.
bool append_wireshark_field(const Dissection& d, std::string_view name, std::string& out);

// The tshark field names append_wireshark_field() knows.
std::span<const std::string_view> wireshark_field_names();

}  // namespace stratoshark::dissect
