#include "stratoshark/lang/types.h"

#include <fmt/format.h>

namespace stratoshark::lang {

bool Type::is_key_type() const {
  switch (kind) {
    case TypeKind::Int:
    case TypeKind::String:
    case TypeKind::ProbeName:
    case TypeKind::Address:
      return true;
    case TypeKind::Tuple:
      for (const auto& e : elements) {
        if (!e.is_key_type() || e.kind == TypeKind::Tuple) return false;
      }
      return true;
    default:
      return false;
  }
}

uint32_t Type::alignment() const {
  switch (kind) {
    case TypeKind::String: return 1;
    case TypeKind::Address: return 1;
    case TypeKind::Tuple: {
      uint32_t a = 1;
      for (const auto& e : elements) a = std::max(a, e.alignment());
      return a;
    }
    default: return 8;
  }
}

std::vector<uint32_t> tuple_offsets(const Type& tuple) {
  std::vector<uint32_t> offsets;
  uint32_t offset = 0;
  for (const auto& e : tuple.elements) {
    uint32_t align = e.alignment();
    offset = (offset + align - 1) / align * align;
    offsets.push_back(offset);
    offset += e.byte_size();
  }
  return offsets;
}

uint32_t Type::byte_size() const {
  switch (kind) {
    case TypeKind::None:
    case TypeKind::Void:
    case TypeKind::Record:
      return 0;
    case TypeKind::Int:
    case TypeKind::ProbeName:
    case TypeKind::Count:
    case TypeKind::Sum:
    case TypeKind::Hist:
    case TypeKind::Lhist:
      return 8;
    case TypeKind::Min:
    case TypeKind::Max:
    case TypeKind::Avg:
    case TypeKind::Stats:
      return 16;  // value + count (min/max: count says the slot is set)
    case TypeKind::Address:
    case TypeKind::String:
      return size;
    case TypeKind::Tuple: {
      if (elements.empty()) return 0;
      auto offsets = tuple_offsets(*this);
      uint32_t end = offsets.back() + elements.back().byte_size();
      uint32_t align = alignment();
      return (end + align - 1) / align * align;
    }
  }
  return 0;
}

bool Type::compatible(const Type& other) const {
  if (kind != other.kind) return false;
  if (kind == TypeKind::Address && size != other.size) return false;
  if (kind == TypeKind::Lhist && !(linear == other.linear)) return false;
  if (kind == TypeKind::Tuple) {
    if (elements.size() != other.elements.size()) return false;
    for (size_t i = 0; i < elements.size(); ++i) {
      if (!elements[i].compatible(other.elements[i])) return false;
    }
  }
  return true;
}

bool Type::operator==(const Type& other) const {
  return kind == other.kind && bits == other.bits && is_signed == other.is_signed && size == other.size &&
         elements == other.elements && linear == other.linear;
}

std::string Type::to_string() const {
  switch (kind) {
    case TypeKind::None: return "none";
    case TypeKind::Void: return "void";
    case TypeKind::Int: return fmt::format("{}int{}", is_signed ? "" : "u", bits);
    case TypeKind::String: return fmt::format("string[{}]", size);
    case TypeKind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i) s += ", ";
        s += elements[i].to_string();
      }
      return s + ")";
    }
    case TypeKind::ProbeName: return "probe";
    case TypeKind::Address: return size == 4 ? "inet" : size == 16 ? "inet6" : "macaddr";
    case TypeKind::Record: return "args";
    case TypeKind::Count: return "count";
    case TypeKind::Sum: return "sum";
    case TypeKind::Min: return "min";
    case TypeKind::Max: return "max";
    case TypeKind::Avg: return "avg";
    case TypeKind::Stats: return "stats";
    case TypeKind::Hist: return "hist";
    case TypeKind::Lhist: return fmt::format("lhist({}, {}, {})", linear.min, linear.max, linear.step);
  }
  return "?";
}

Type arithmetic_result(const Type& a, const Type& b) {
  return Type::integer(64, a.is_signed || b.is_signed);
}

}  // namespace stratoshark::lang
