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
  enum class Kind { Int, Uint, String, Tuple, Stats, Histogram };
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

// Decodes one value stored at layout.offset in `bytes`. `probe_names`
// resolves ProbeName values.
Value decode(std::span<const uint8_t> bytes, const ValueLayout& layout, const std::vector<std::string>& probe_names);

// Combines the per-CPU copies of an aggregation value (`stride` bytes apart)
// into one value: counts and sums add up, min/max pick among the CPUs that
// saw a value, avg divides the total sum by the total count, stats keep
// count, average and total; a histogram bucket's counter adds up (Uint).
Value combine_per_cpu(std::span<const uint8_t> bytes, size_t cpus, size_t stride, const ValueLayout& layout);

// Number of buckets of a Hist or Lhist map's values.
size_t bucket_count(const MapSpec& spec);

}  // namespace stratoshark::runtime
