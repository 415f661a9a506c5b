#include "stratoshark/runtime/value.h"

#include <arpa/inet.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace stratoshark::runtime {

bool Value::less(const Value& o) const {
  if (kind != o.kind) return kind < o.kind;
  switch (kind) {
    case Kind::Int: return i < o.i;
    case Kind::Uint: return u < o.u;
    case Kind::String: return s < o.s;
    case Kind::Bool:
    case Kind::Pointer: return u < o.u;
    case Kind::Buffer: return s < o.s;
    case Kind::Tuple:
    case Kind::Array:
    case Kind::Stack:
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

DecodeContext decode_context(const Artifact& artifact, Symbolizer* symbols) {
  DecodeContext c;
  c.probe_names = &artifact.probe_names;
  c.func_names = &artifact.func_names;
  c.time_formats = &artifact.time_formats;
  c.symbols = symbols;
  return c;
}

std::string format_time(const std::string& format, uint64_t monotonic_ns) {
  timespec mono{}, real{};
  clock_gettime(CLOCK_MONOTONIC, &mono);
  clock_gettime(CLOCK_REALTIME, &real);
  int64_t offset = (static_cast<int64_t>(real.tv_sec) - mono.tv_sec) * 1'000'000'000LL + (real.tv_nsec - mono.tv_nsec);
  int64_t wall = static_cast<int64_t>(monotonic_ns) + offset;
  time_t seconds = static_cast<time_t>(wall / 1'000'000'000LL);
  long micros = static_cast<long>((wall % 1'000'000'000LL) / 1000);
  // %f: microseconds, which strftime(3) does not know.
  std::string expanded;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size() && format[i + 1] == 'f') {
      char digits[8];
      std::snprintf(digits, sizeof digits, "%06ld", micros);
      expanded += digits;
      ++i;
    } else if (format[i] == '%' && i + 1 < format.size()) {
      expanded += format.substr(i, 2);
      ++i;
    } else {
      expanded += format[i];
    }
  }
  tm local{};
  localtime_r(&seconds, &local);
  char text[512];
  size_t n = std::strftime(text, sizeof text, expanded.c_str(), &local);
  return std::string(text, n);
}

Value decode(std::span<const uint8_t> bytes, const ValueLayout& layout, const std::vector<std::string>& probe_names) {
  DecodeContext c;
  c.probe_names = &probe_names;
  return decode(bytes, layout, c);
}

Value decode(std::span<const uint8_t> bytes, const ValueLayout& layout, const DecodeContext& context) {
  static const std::vector<std::string> none;
  const auto& probe_names = context.probe_names != nullptr ? *context.probe_names : none;
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
      else if (layout.size == 24) inet_ntop(read_uint(bytes, layout.offset, 8) == AF_INET6 ? AF_INET6 : AF_INET, a + 8, text, sizeof text);
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
        t.elements.push_back(decode(bytes, shifted, context));
      }
      return t;
    }
    case ValueKind::Bool: {
      Value v = Value::of_uint(read_uint(bytes, layout.offset, 8) != 0 ? 1 : 0);
      v.kind = Value::Kind::Bool;
      return v;
    }
    case ValueKind::Pointer: {
      Value v = Value::of_uint(read_uint(bytes, layout.offset, 8));
      v.kind = Value::Kind::Pointer;
      return v;
    }
    case ValueKind::Array: {
      Value a;
      a.kind = Value::Kind::Array;
      if (layout.elements.empty() || layout.elements[0].size == 0) return a;
      ValueLayout element = layout.elements[0];
      for (uint32_t at = 0; at + element.size <= layout.size; at += element.size) {
        ValueLayout e = element;
        e.offset = layout.offset + at;
        a.elements.push_back(decode(bytes, e, context));
      }
      return a;
    }
    case ValueKind::Buffer: {
      Value b;
      b.kind = Value::Kind::Buffer;
      uint64_t length = std::min<uint64_t>(read_uint(bytes, layout.offset, 8), layout.size > 8 ? layout.size - 8 : 0);
      size_t start = layout.offset + 8;
      if (start <= bytes.size()) {
        length = std::min<uint64_t>(length, bytes.size() - start);
        b.s.assign(reinterpret_cast<const char*>(bytes.data() + start), length);
      }
      return b;
    }
    case ValueKind::KernelStack:
    case ValueKind::UserStack: {
      Value st;
      st.kind = Value::Kind::Stack;
      int64_t id = static_cast<int64_t>(read_uint(bytes, layout.offset, 8));
      auto pid = static_cast<uint32_t>(read_uint(bytes, layout.offset + 8, 8));
      if (context.symbols == nullptr || id < 0) return st;
      bool user = layout.kind == ValueKind::UserStack;
      uint32_t mode = layout.table >> 16;  // 0 bpftrace, 1 perf, 2 raw
      for (uint64_t ip : context.symbols->stack(layout.table & 0xffff, id)) {
        char hex[32];
        std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(ip));
        if (mode == 2) {
          st.elements.push_back(Value::of_string(hex));
          continue;
        }
        std::string symbol = user ? context.symbols->user_symbol(pid, ip, true) : context.symbols->kernel_symbol(ip, true);
        if (mode == 1) {
          symbol = std::string(hex) + " " + symbol;
          if (user) {
            std::string module = context.symbols->user_module(pid, ip);
            if (!module.empty()) symbol += " (" + module + ")";
          }
        }
        st.elements.push_back(Value::of_string(symbol));
      }
      return st;
    }
    case ValueKind::KernelSymbol:
    case ValueKind::UserSymbol: {
      uint64_t address = read_uint(bytes, layout.offset, 8);
      auto pid = static_cast<uint32_t>(read_uint(bytes, layout.offset + 8, 8));
      if (context.symbols == nullptr) {
        char hex[32];
        std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(address));
        return Value::of_string(hex);
      }
      return Value::of_string(layout.kind == ValueKind::UserSymbol ? context.symbols->user_symbol(pid, address, false)
                                                                   : context.symbols->kernel_symbol(address, false));
    }
    case ValueKind::Timestamp: {
      uint64_t ns = read_uint(bytes, layout.offset, 8);
      if (context.time_formats == nullptr || layout.table >= context.time_formats->size()) return Value::of_uint(ns);
      return Value::of_string(format_time((*context.time_formats)[layout.table], ns));
    }
    case ValueKind::FuncName: {
      uint64_t id = read_uint(bytes, layout.offset, 8);
      if (context.func_names == nullptr || id >= context.func_names->size()) return Value::of_string("");
      return Value::of_string((*context.func_names)[id]);
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
