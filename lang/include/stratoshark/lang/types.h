// Value types of the language.
//
// Integers carry a width and signedness (bool is an 8-bit unsigned integer
// marked `boolean`); strings a fixed capacity (bytes including the
// terminating NUL); tuples their element types; pointers their pointee and
// address space; arrays their element type and length. Aggregation types
// (count, sum, ...) only ever appear as map values. `args` of a tracepoint
// has type Record: its fields are resolved against the probe's context
// layouts, not stored in the type. Kernel structs (Struct) are named by
// their BTF key and only ever reached through a pointer.
//
// At run time a value is either a scalar (Int, Pointer, ProbeName,
// Timestamp, FuncName: one 64-bit register, integers extended by their
// type) or lives in a buffer of byte_size() bytes (see by_reference()).
#pragma once

#include <cstdint>
#include <optional>
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
  Pointer,    // an address; elements[0] the pointee (Void: void *); `user`: user-space memory
  Array,      // `size` elements of elements[0] (integers, pointers or arrays), packed
  Struct,     // a kernel struct or union from BTF: `name` its key ("struct task_struct"), `size` its bytes
  Buffer,     // buf(): at most `size` bytes and how many there are
  Stack,      // kstack / ustack (`user`): a stack id in the stack map of `size` frames (and the pid)
  Symbol,     // ksym(addr) / usym(addr) (`user`): an address (and the pid), shown as its symbol
  Timestamp,  // strftime(fmt, ns): nanoseconds, shown with time format number `size`
  FuncName,   // func: the probed function, by probe id
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
  std::vector<Type> elements;  // Tuple; Pointer and Array: one element, the pointee or element type
  LinearBuckets linear;        // Lhist
  std::string name;            // Struct: its BTF key
  bool user = false;           // Pointer: to user memory; Stack, Symbol: of user space
  bool boolean = false;        // Int: a bool (true / false)
  // Int: an IPv4 address read into host byte order (packet fields such as
  // ip.src), which ntop() swaps back. Other integers hold an address as
  // memory does (a __be32 such as skc_daddr), as bpftrace reads them. Not
  // part of the type's identity (operator==).
  bool host_address = false;

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
  static Type boolean_type() {
    Type t = integer(8, false);
    t.boolean = true;
    return t;
  }
  static Type pointer(Type pointee, bool user) {
    Type t = of(TypeKind::Pointer);
    t.elements.push_back(std::move(pointee));
    t.user = user;
    return t;
  }
  static Type array(Type element, uint32_t length) {
    Type t = of(TypeKind::Array);
    t.elements.push_back(std::move(element));
    t.size = length;
    return t;
  }
  static Type struct_type(std::string key, uint32_t bytes) {
    Type t = of(TypeKind::Struct);
    t.name = std::move(key);
    t.size = bytes;
    return t;
  }
  static Type buffer(uint32_t capacity) {
    Type t = of(TypeKind::Buffer);
    t.size = capacity;
    return t;
  }
  static Type stack(bool user, uint32_t frames) {
    Type t = of(TypeKind::Stack);
    t.user = user;
    t.size = frames;
    return t;
  }
  static Type symbol(bool user) {
    Type t = of(TypeKind::Symbol);
    t.user = user;
    return t;
  }
  static Type timestamp(uint32_t format) {
    Type t = of(TypeKind::Timestamp);
    t.size = format;
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
  bool is_pointer() const { return kind == TypeKind::Pointer; }
  bool is_array() const { return kind == TypeKind::Array; }
  bool is_tuple() const { return kind == TypeKind::Tuple; }
  // Integers and pointers: what arithmetic, comparisons and conditions take.
  bool is_scalar_number() const { return kind == TypeKind::Int || kind == TypeKind::Pointer; }
  // Held in a buffer at run time (the value is its address), not in a register.
  bool by_reference() const;
  // The pointee or element type (Pointer, Array).
  const Type& inner() const { return elements.at(0); }
  // Bytes of one value inside an array or in memory read through a pointer
  // (integers at their own width, unlike map and tuple slots).
  uint32_t native_size() const;
  bool is_aggregation() const { return kind >= TypeKind::Count && kind <= TypeKind::Lhist; }
  // hist() and lhist(): stored as one counter per (key, bucket).
  bool is_histogram() const { return kind == TypeKind::Hist || kind == TypeKind::Lhist; }
  // Usable as (part of) a map key.
  bool is_key_type() const;
  // A value variables, map values, tuple elements and print() can hold.
  bool is_storable() const;

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
// signed when either operand is signed (docs/language.md#integers).
Type arithmetic_result(const Type& a, const Type& b);

// The built-in type a name in a cast or sizeof() stands for: int8 .. uint64,
// u8 .. u64, s8 .. s64, __u8 .. __s64, int8_t .. uint64_t, bool, void;
// nullopt for other names.
std::optional<Type> builtin_type_name(const std::string& name);

// Byte offsets of tuple elements (each aligned to its alignment()).
std::vector<uint32_t> tuple_offsets(const Type& tuple);

}  // namespace stratoshark::lang
