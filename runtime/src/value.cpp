#include "stratoshark/runtime/value.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace stratoshark::runtime {

bool Value::less(const Value& o) const {
  if (kind != o.kind) return kind < o.kind;
  switch (kind) {
    case Kind::Int: return i < o.i;
    case Kind::Uint: return u < o.u;
    case Kind::String: return s < o.s;
    case Kind::Tuple:
      return std::lexicographical_compare(elements.begin(), elements.end(), o.elements.begin(), o.elements.end(),
                                          [](const Value& a, const Value& b) { return a.less(b); });
    case Kind::Stats:
      if (elements.size() < 2 || o.elements.size() < 2) return elements.size() < o.elements.size();
      return elements[1].less(o.elements[1]);
    case Kind::Histogram:
      return total_count() < o.total_count();
  }
  return false;
}

uint64_t Value::total_count() const {
  uint64_t total = 0;
  for (uint64_t b : buckets) total += b;
  return total;
}

size_t bucket_count(const MapSpec& spec) {
  if (spec.value.kind == ValueKind::Hist) return 66;  // negative, zero, then 2^0 .. 2^63
  if (spec.value.kind != ValueKind::Lhist || spec.linear_step <= 0) return 0;
  uint64_t span = static_cast<uint64_t>(spec.linear_max) - static_cast<uint64_t>(spec.linear_min);
  return static_cast<size_t>(span / static_cast<uint64_t>(spec.linear_step)) + 2;
}

namespace {

uint64_t read_uint(std::span<const uint8_t> bytes, size_t offset, size_t size) {
  if (offset > bytes.size() || size > bytes.size() - offset) return 0;
  uint64_t v = 0;
  std::memcpy(&v, bytes.data() + offset, std::min<size_t>(size, 8));
  return v;
}

int64_t sign_extend(uint64_t v, size_t size) {
  if (size >= 8) return static_cast<int64_t>(v);
  unsigned shift = static_cast<unsigned>(64 - size * 8);
  return static_cast<int64_t>(v << shift) >> shift;
}

}  // namespace

Value decode(std::span<const uint8_t> bytes, const ValueLayout& layout, const std::vector<std::string>& probe_names) {
  switch (layout.kind) {
    case ValueKind::String: {
      if (layout.offset >= bytes.size()) return Value::of_string("");
      size_t room = std::min<size_t>(layout.size, bytes.size() - layout.offset);
      const char* start = reinterpret_cast<const char*>(bytes.data() + layout.offset);
      return Value::of_string(std::string(start, strnlen(start, room)));
    }
    case ValueKind::Address: {
      if (layout.offset > bytes.size() || layout.size > bytes.size() - layout.offset) return Value::of_string("?");
      const uint8_t* a = bytes.data() + layout.offset;
      char text[INET6_ADDRSTRLEN] = {};
      if (layout.size == 4) inet_ntop(AF_INET, a, text, sizeof text);
      else if (layout.size == 16) inet_ntop(AF_INET6, a, text, sizeof text);
      else std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
      return Value::of_string(text);
    }
    case ValueKind::ProbeName: {
      uint64_t id = read_uint(bytes, layout.offset, 8);
      return Value::of_string(id < probe_names.size() ? probe_names[id] : "probe#" + std::to_string(id));
    }
    case ValueKind::Tuple: {
      Value t;
      t.kind = Value::Kind::Tuple;
      for (const auto& e : layout.elements) {
        ValueLayout shifted = e;
        shifted.offset += layout.offset;
        t.elements.push_back(decode(bytes, shifted, probe_names));
      }
      return t;
    }
    default: {
      uint64_t raw = read_uint(bytes, layout.offset, layout.size);
      if (layout.is_signed) return Value::of_int(sign_extend(raw, layout.size));
      return Value::of_uint(raw);
    }
  }
}

Value combine_per_cpu(std::span<const uint8_t> bytes, size_t cpus, size_t stride, const ValueLayout& layout) {
  auto field = [&](size_t cpu, size_t offset) { return read_uint(bytes, cpu * stride + offset, 8); };
  switch (layout.kind) {
    case ValueKind::Count:
    case ValueKind::Sum: {
      uint64_t total = 0;
      for (size_t c = 0; c < cpus; ++c) total += field(c, 0);
      if (layout.is_signed) return Value::of_int(static_cast<int64_t>(total));
      return Value::of_uint(total);
    }
    case ValueKind::Min:
    case ValueKind::Max: {
      bool found = false;
      int64_t best_signed = 0;
      uint64_t best_unsigned = 0;
      for (size_t c = 0; c < cpus; ++c) {
        if (field(c, 8) == 0) continue;
        uint64_t v = field(c, 0);
        bool is_min = layout.kind == ValueKind::Min;
        if (layout.is_signed) {
          auto s = static_cast<int64_t>(v);
          if (!found || (is_min ? s < best_signed : s > best_signed)) best_signed = s;
        } else if (!found || (is_min ? v < best_unsigned : v > best_unsigned)) {
          best_unsigned = v;
        }
        found = true;
      }
      if (layout.is_signed) return Value::of_int(best_signed);
      return Value::of_uint(best_unsigned);
    }
    case ValueKind::Avg:
    case ValueKind::Stats: {
      uint64_t sum = 0, count = 0;
      for (size_t c = 0; c < cpus; ++c) {
        sum += field(c, 0);
        count += field(c, 8);
      }
      Value average = layout.is_signed ? Value::of_int(0) : Value::of_uint(0);
      if (count != 0 && layout.is_signed) average = Value::of_int(static_cast<int64_t>(sum) / static_cast<int64_t>(count));
      else if (count != 0) average = Value::of_uint(sum / count);
      if (layout.kind == ValueKind::Avg) return average;
      Value stats;
      stats.kind = Value::Kind::Stats;
      Value total = layout.is_signed ? Value::of_int(static_cast<int64_t>(sum)) : Value::of_uint(sum);
      stats.elements = {Value::of_uint(count), average, total};
      return stats;
    }
    case ValueKind::Hist:
    case ValueKind::Lhist: {
      uint64_t total = 0;
      for (size_t c = 0; c < cpus; ++c) total += field(c, 0);
      return Value::of_uint(total);
    }
    default:
      return Value::of_uint(field(0, 0));
  }
}

}  // namespace stratoshark::runtime
