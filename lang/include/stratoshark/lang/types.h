// Value types of the language.
//
// Integers carry a width and signedness; strings a fixed capacity (bytes
// including the terminating NUL); tuples their element types. Aggregation
// types (count, sum, ...) only ever appear as map values. `args` of a
// tracepoint has type Record: its fields are resolved against the probe's
// context layouts, not stored in the type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stratoshark::lang {

enum class TypeKind : uint8_t {
  None,       // not typed (after an error)
  Void,       // statements, printf(), exit()
  Int,
  String,
  Tuple,
  ProbeName,  // the `probe` builtin: an index into the probe-name table
  Record,     // tracepoint `args`
  Count,      // aggregations (map values only)
  Sum,
  Min,
  Max,
  Avg,
  Stats,      // {sum, count}: count, average and total
  Hist,       // power-of-two histogram: one u64 counter per (key, bucket)
  Lhist,      // linear histogram over `linear`
  Address,    // network addresses, `size` bytes in network order: 4 IPv4, 6 MAC, 16 IPv6
};

// The buckets of lhist(n, min, max, step): constants of the call.
struct LinearBuckets {
  int64_t min = 0;
  int64_t max = 0;
  int64_t step = 1;
  bool operator==(const LinearBuckets&) const = default;
};

struct Type {
  TypeKind kind = TypeKind::None;
  uint8_t bits = 64;       // Int, Sum, Min, Max, Avg
  bool is_signed = false;  // Int, Sum, Min, Max, Avg
  uint32_t size = 0;       // String capacity
  std::vector<Type> elements;  // Tuple
  LinearBuckets linear;        // Lhist

  static Type of(TypeKind k) {
    Type t;
    t.kind = k;
    return t;
  }
  static Type none() { return {}; }
  static Type void_type() { return of(TypeKind::Void); }
  static Type integer(uint8_t bits, bool is_signed) {
    Type t = of(TypeKind::Int);
    t.bits = bits;
    t.is_signed = is_signed;
    return t;
  }
  static Type i64() { return integer(64, true); }
  static Type u64() { return integer(64, false); }
  static Type u32() { return integer(32, false); }
  static Type string(uint32_t capacity) {
    Type t = of(TypeKind::String);
    t.size = capacity;
    return t;
  }
  static Type tuple(std::vector<Type> elements) {
    Type t = of(TypeKind::Tuple);
    t.elements = std::move(elements);
    return t;
  }
  static Type probe_name() { return of(TypeKind::ProbeName); }
  static Type address(uint32_t bytes) {
    Type t = of(TypeKind::Address);
    t.size = bytes;
    return t;
  }
  static Type record() { return of(TypeKind::Record); }
  static Type linear_histogram(LinearBuckets buckets) {
    Type t = of(TypeKind::Lhist);
    t.linear = buckets;
    return t;
  }
  static Type aggregation(TypeKind kind, bool is_signed = true) {
    Type t = of(kind);
    t.is_signed = is_signed;
    return t;
  }

  bool is_none() const { return kind == TypeKind::None; }
  bool is_int() const { return kind == TypeKind::Int; }
  bool is_string() const { return kind == TypeKind::String; }
  bool is_aggregation() const { return kind >= TypeKind::Count && kind <= TypeKind::Lhist; }
  // hist() and lhist(): stored as one counter per (key, bucket).
  bool is_histogram() const { return kind == TypeKind::Hist || kind == TypeKind::Lhist; }
  // Usable as (part of) a map key.
  bool is_key_type() const;

  // Storage size in bytes of a value of this type (maps, events, stack).
  uint32_t byte_size() const;
  // Alignment used when laying out tuples and event records.
  uint32_t alignment() const;

  // Same kind and shape; strings of different capacity are compatible.
  bool compatible(const Type& other) const;
  bool operator==(const Type& other) const;

  std::string to_string() const;
};

// The type both sides of an arithmetic operation are converted to: 64 bits,
// signed when either operand is signed.
Type arithmetic_result(const Type& a, const Type& b);

// Byte offsets of tuple elements (each aligned to its alignment()).
std::vector<uint32_t> tuple_offsets(const Type& tuple);

}  // namespace stratoshark::lang
