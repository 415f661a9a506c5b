// KernelCatalog: what the running kernel offers to attach to, as the compiler
// needs it (wildcard expansion, tracepoint argument layouts, feature checks).
// Passes only see this interface, so tests can substitute a fixed catalog.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratoshark/lang/types.h"

namespace stratoshark::lang {

// One field of a tracepoint's record, from tracefs' `format` file.
struct TracepointField {
  std::string name;
  std::string c_type;    // as written by the kernel, e.g. "const char *"
  uint32_t offset = 0;
  uint32_t size = 0;
  bool is_signed = false;
  bool data_loc = false;  // __data_loc: a u32 holding (length << 16 | offset)
  bool is_array = false;
  uint32_t array_length = 0;
  bool is_pointer = false;
  bool common = false;    // common_* header fields

  // The language type of the field, or None with `unsupported` set.
  Type type;
  std::string unsupported;
};

// Parses the text of events/<category>/<name>/format. Unparseable lines are
// skipped; the result holds the fields in record order.
std::vector<TracepointField> parse_tracepoint_format(std::string_view text, uint32_t string_capacity);

class KernelCatalog {
 public:
  virtual ~KernelCatalog() = default;
  // Every tracepoint as "category:event", in the kernel's order.
  virtual const std::vector<std::string>& tracepoints() = 0;
  // Whether "category:event" exists (the default scans tracepoints()).
  virtual bool has_tracepoint(const std::string& category_event);
  // The raw format text of one tracepoint, or nullopt when it does not exist.
  virtual std::optional<std::string> tracepoint_format(std::string_view category, std::string_view event) = 0;
  // Whether kprobes can be created (CONFIG_KPROBES and its tracefs/PMU interface).
  virtual bool has_kprobes() = 0;
  // Kernel functions that kprobes can attach to (empty when unknown).
  virtual const std::vector<std::string>& kprobe_functions() = 0;
};

// The catalog of the running kernel, read from tracefs (default
// /sys/kernel/tracing, falling back to /sys/kernel/debug/tracing).
std::unique_ptr<KernelCatalog> make_host_catalog(std::string tracefs_root = {});

}  // namespace stratoshark::lang
