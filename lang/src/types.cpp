#include "stratoshark/lang/types.h"

#include <fmt/format.h>

namespace stratoshark::lang {

bool Type::is_key_type() const {
  switch (kind) {
    case TypeKind::Int:
    case TypeKind::String:
    case TypeKind::ProbeName:
    case TypeKind::Address:
    case TypeKind::Pointer:
    case TypeKind::Array:
    case TypeKind::Stack:
    case TypeKind::Symbol:
    case TypeKind::FuncName:
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

bool Type::is_storable() const {
  switch (kind) {
    case TypeKind::Tuple:
      for (const Type& e : elements) {
        if (!e.is_storable()) return false;
      }
      return true;
    case TypeKind::Buffer:
    case TypeKind::Timestamp:
      return true;
    default:
      return is_key_type();
  }
}

bool Type::by_reference() const {
  switch (kind) {
    case TypeKind::String:
    case TypeKind::Tuple:
    case TypeKind::Address:
    case TypeKind::Array:
    case TypeKind::Buffer:
    case TypeKind::Stack:
    case TypeKind::Symbol:
      return true;
    default:
      return false;
  }
}

uint32_t Type::native_size() const {
  switch (kind) {
    case TypeKind::Int: return bits / 8;
    case TypeKind::Pointer: return 8;
    case TypeKind::Array: return size * inner().native_size();
    case TypeKind::Struct: return size;
    default: return byte_size();
  }
}

uint32_t Type::alignment() const {
  switch (kind) {
    case TypeKind::String: return 1;
    case TypeKind::Address: return size == 24 ? 8 : 1;
    case TypeKind::Array: return std::min<uint32_t>(8, std::max<uint32_t>(1, inner().kind == TypeKind::Array
                                                                                 ? inner().alignment()
                                                                                 : inner().native_size()));
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
    case TypeKind::Pointer:
    case TypeKind::Timestamp:
    case TypeKind::FuncName:
      return 8;
    case TypeKind::Min:
    case TypeKind::Max:
    case TypeKind::Avg:
    case TypeKind::Stats:
      return 16;  // value + count (min/max: count says the slot is set)
    case TypeKind::Stack:
    case TypeKind::Symbol:
      return 16;  // the stack id or address, then the pid (user space) or 0
    case TypeKind::Address:
    case TypeKind::String:
    case TypeKind::Struct:
      return size;
    case TypeKind::Array:
      return native_size();
    case TypeKind::Buffer:
      return 8 + (size + 7) / 8 * 8;  // the length, then the bytes
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
  switch (kind) {
    case TypeKind::Address:
      return size == other.size;
    case TypeKind::Lhist:
      return linear == other.linear;
    case TypeKind::Tuple:
      if (elements.size() != other.elements.size()) return false;
      for (size_t i = 0; i < elements.size(); ++i) {
        if (!elements[i].compatible(other.elements[i])) return false;
      }
      return true;
    case TypeKind::Pointer:
      return inner() == other.inner();
    case TypeKind::Array:
      return size == other.size && inner() == other.inner();
    case TypeKind::Struct:
      return name == other.name;
    case TypeKind::Stack:
      return user == other.user && size == other.size;
    case TypeKind::Symbol:
      return user == other.user;
    case TypeKind::Timestamp:
      return size == other.size;
    default:
      return true;
  }
}

bool Type::operator==(const Type& other) const {
  return kind == other.kind && bits == other.bits && is_signed == other.is_signed && size == other.size &&
         elements == other.elements && linear == other.linear && name == other.name && user == other.user &&
         boolean == other.boolean;
}

std::string Type::to_string() const {
  switch (kind) {
    case TypeKind::None: return "none";
    case TypeKind::Void: return "void";
    case TypeKind::Int:
      if (boolean) return "bool";
      return fmt::format("{}int{}", is_signed ? "" : "u", bits);
    case TypeKind::String: return fmt::format("string[{}]", size);
    case TypeKind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i) s += ", ";
        s += elements[i].to_string();
      }
      return s + (elements.size() == 1 ? ",)" : ")");
    }
    case TypeKind::ProbeName: return "probe";
    case TypeKind::Address: return size == 4 ? "inet" : size == 16 ? "inet6" : size == 24 ? "inet (with its family)" : "macaddr";
    case TypeKind::Record: return "args";
    case TypeKind::Count: return "count";
    case TypeKind::Sum: return "sum";
    case TypeKind::Min: return "min";
    case TypeKind::Max: return "max";
    case TypeKind::Avg: return "avg";
    case TypeKind::Stats: return "stats";
    case TypeKind::Hist: return "hist";
    case TypeKind::Lhist: return fmt::format("lhist({}, {}, {})", linear.min, linear.max, linear.step);
    case TypeKind::Pointer: {
      std::string inner_name = inner().to_string();
      return inner_name + (inner_name.back() == '*' ? "*" : " *");
    }
    case TypeKind::Array: {
      // int8[2][4]: the outer length first, as C writes it.
      const Type* t = this;
      std::string dims;
      while (t->kind == TypeKind::Array) {
        dims += fmt::format("[{}]", t->size);
        t = &t->inner();
      }
      return t->to_string() + dims;
    }
    case TypeKind::Struct: return name;
    case TypeKind::Buffer: return fmt::format("buffer[{}]", size);
    case TypeKind::Stack: return user ? "ustack" : "kstack";
    case TypeKind::Symbol: return user ? "usym" : "ksym";
    case TypeKind::Timestamp: return "timestamp";
    case TypeKind::FuncName: return "func";
  }
  return "?";
}

Type arithmetic_result(const Type& a, const Type& b) {
  return Type::integer(64, a.is_signed || b.is_signed);
}

std::optional<Type> builtin_type_name(const std::string& name) {
  if (name == "bool") return Type::boolean_type();
  if (name == "void") return Type::void_type();
  // The spellings of a fixed-width integer: int8 / uint8, int8_t / uint8_t,
  // s8 / u8, __s8 / __u8.
  for (uint8_t bits : {8, 16, 32, 64}) {
    std::string b = std::to_string(bits);
    for (bool is_signed : {true, false}) {
      std::string word = std::string(is_signed ? "int" : "uint") + b;
      std::string short_word = std::string(is_signed ? "s" : "u") + b;
      if (name == word || name == word + "_t" || name == short_word || name == "__" + short_word) {
        return Type::integer(bits, is_signed);
      }
    }
  }
  return std::nullopt;
}

}  // namespace stratoshark::lang
