// The decoded value model: map keys/values and event arguments become Values,
// which the output formatters (text, JSON) render. Decoding never reads past
// the bytes it is given.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "stratoshark/runtime/artifact.h"

namespace stratoshark::runtime {

struct Value {
  // Stats: elements are count (Uint), average and total (Int or Uint).
  // Histogram: `buckets` holds the count of each bucket by index (the map's
  // MapSpec says what the indexes mean).
  // Bool: u is 0 or 1. Pointer: u is the address. Array: elements. Buffer:
  // s holds the bytes. Stack: elements are the frames (strings), outermost
  // call last.
  enum class Kind { Int, Uint, String, Tuple, Stats, Histogram, Bool, Pointer, Array, Buffer, Stack };
  Kind kind = Kind::Uint;
  int64_t i = 0;
  uint64_t u = 0;
  std::string s;
  std::vector<Value> elements;
  std::vector<uint64_t> buckets;

  static Value of_int(int64_t v) { Value x; x.kind = Kind::Int; x.i = v; return x; }
  static Value of_uint(uint64_t v) { Value x; x.kind = Kind::Uint; x.u = v; return x; }
  static Value of_string(std::string v) { Value x; x.kind = Kind::String; x.s = std::move(v); return x; }
  // For sorting map entries by value: stats by their average, histograms by
  // their total count.
  bool less(const Value& other) const;
  // Histogram: the sum of its buckets.
  uint64_t total_count() const;
};

// What decoding cannot find in the bytes: stacks live in stack maps, and
// symbols in the kernel's and processes' symbol tables. The Session
// implements it; without one, stacks decode empty and symbols as addresses.
class Symbolizer {
 public:
  virtual ~Symbolizer() = default;
  // The instruction pointers of stack `id` in the stack map of `frames` frames.
  virtual std::vector<uint64_t> stack(uint32_t frames, int64_t id) = 0;
  // "vfs_read" (or "vfs_read+16" with the offset); "0x..." when unknown.
  virtual std::string kernel_symbol(uint64_t address, bool with_offset) = 0;
  virtual std::string user_symbol(uint32_t pid, uint64_t address, bool with_offset) = 0;
  // The file mapped at a user address ("" when unknown).
  virtual std::string user_module(uint32_t pid, uint64_t address) { return {}; }
};

// The artifact's tables decoding refers to (any may be null).
struct DecodeContext {
  // Explicit, so that decode(bytes, layout, {}) keeps meaning "no probe names".
  explicit DecodeContext() = default;
  const std::vector<std::string>* probe_names = nullptr;
  const std::vector<std::string>* func_names = nullptr;
  const std::vector<std::string>* time_formats = nullptr;
  Symbolizer* symbols = nullptr;
};
DecodeContext decode_context(const Artifact& artifact, Symbolizer* symbols);

// Decodes one value stored at layout.offset in `bytes`.
Value decode(std::span<const uint8_t> bytes, const ValueLayout& layout, const DecodeContext& context);
// The same with only the probe names (ProbeName values) known.
Value decode(std::span<const uint8_t> bytes, const ValueLayout& layout, const std::vector<std::string>& probe_names);

// strftime(3) of a CLOCK_MONOTONIC time in local wall-clock time, with %f
// for microseconds (as bpftrace).
std::string format_time(const std::string& format, uint64_t monotonic_ns);

// Combines the per-CPU copies of an aggregation value (`stride` bytes apart)
// into one value: counts and sums add up, min/max pick among the CPUs that
// saw a value, avg divides the total sum by the total count, stats keep
// count, average and total; a histogram bucket's counter adds up (Uint).
Value combine_per_cpu(std::span<const uint8_t> bytes, size_t cpus, size_t stride, const ValueLayout& layout);

// Number of buckets of a Hist or Lhist map's values.
size_t bucket_count(const MapSpec& spec);

}  // namespace stratoshark::runtime
