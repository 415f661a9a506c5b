// Text renderings of a Dissection: the one-line summary (in the spirit of
// `tcpdump -n`) and the field tree (`-V`). Both only read the model and
// append to a caller's string, so a caller printing many packets reuses one
// buffer. docs/dissectors.md shows both formats.
#pragma once

#include <string>

#include "stratoshark/dissect/dissect.h"
#include "stratoshark/dissect/model.h"

namespace stratoshark::dissect {

enum class TimeFormat : uint8_t {
  None,         // no timestamp
  TimeOfDayUs,  // 22:14:55.778096 (UTC), like tcpdump's default
  TimeOfDayNs,  // 22:14:55.778096000 (UTC), like tcpdump --nano
  EpochNs,      // 1795299295.778096000
};

struct FormatOptions {
  TimeFormat time = TimeFormat::TimeOfDayUs;
};

// One line, no newline: "22:14:55.778096 IP 10.0.0.2.51366 > 10.0.0.1.80: Flags [S], ...".
// Truncated layers end in " [|tcp]", malformed ones in " [malformed tcp: reason]".
void append_summary(const Dissection& d, const FormatOptions& options, std::string& out);

// The frame line, then each layer's heading and its fields, one per line,
// indented by nesting; truncated/malformed layers end with a "!" line.
void append_tree(const Dissection& d, const FormatOptions& options, std::string& out);

// A field's value as the tree shows it ("10.0.0.1", "0x0800", "www.example.com"),
// without its meaning.
void append_value(const Dissection& d, const Field& field, std::string& out);

// The timestamp in the given format (nothing for TimeFormat::None).
void append_time(uint64_t timestamp_ns, TimeFormat format, std::string& out);

// Dissects and renders packets one after another, reusing one Dissection:
// what a caller printing a stream of packets needs, in one call per packet.
class PacketRenderer {
 public:
  enum class Style : uint8_t { Summary, Tree };
  explicit PacketRenderer(Style style, FormatOptions options = {}) : style_(style), options_(options) {}
  // Appends the summary line, or the tree and an empty line; both end in '\n'.
  void render(const Frame& frame, std::string& out);

 private:
  Style style_;
  FormatOptions options_;
  Dissection dissection_;
};

}  // namespace stratoshark::dissect
