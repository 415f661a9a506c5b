#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "stratoshark/lang/kernel_catalog.h"

namespace stratoshark::lang {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Finds "key:value;" in a format line and returns value.
std::optional<std::string_view> attribute(std::string_view line, std::string_view key) {
  std::string needle = std::string(key) + ":";
  size_t pos = 0;
  while ((pos = line.find(needle, pos)) != std::string_view::npos) {
    if (pos == 0 || line[pos - 1] == '\t' || line[pos - 1] == ' ' || line[pos - 1] == ';') {
      size_t start = pos + needle.size();
      size_t end = line.find(';', start);
      if (end == std::string_view::npos) return std::nullopt;
      return line.substr(start, end - start);
    }
    pos += needle.size();
  }
  return std::nullopt;
}

uint32_t to_u32(std::string_view s) {
  uint32_t v = 0;
  s = trim(s);
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

struct CInteger {
  uint32_t bytes;
  bool is_signed;
};

// Integer types tracepoint formats use, by name (x86_64 sizes).
std::optional<CInteger> c_integer(std::string_view type) {
  struct Entry {
    std::string_view name;
    CInteger value;
  };
  static constexpr Entry kTypes[] = {
      {"char", {1, true}},           {"signed char", {1, true}},     {"unsigned char", {1, false}},
      {"short", {2, true}},          {"unsigned short", {2, false}}, {"int", {4, true}},
      {"signed int", {4, true}},     {"unsigned int", {4, false}},   {"unsigned", {4, false}},
      {"long", {8, true}},           {"unsigned long", {8, false}},  {"long long", {8, true}},
      {"unsigned long long", {8, false}},
      {"s8", {1, true}},  {"u8", {1, false}},  {"s16", {2, true}}, {"u16", {2, false}},
      {"s32", {4, true}}, {"u32", {4, false}}, {"s64", {8, true}}, {"u64", {8, false}},
      {"__s8", {1, true}},  {"__u8", {1, false}},  {"__s16", {2, true}}, {"__u16", {2, false}},
      {"__s32", {4, true}}, {"__u32", {4, false}}, {"__s64", {8, true}}, {"__u64", {8, false}},
      {"int8_t", {1, true}}, {"uint8_t", {1, false}}, {"int16_t", {2, true}}, {"uint16_t", {2, false}},
      {"int32_t", {4, true}}, {"uint32_t", {4, false}}, {"int64_t", {8, true}}, {"uint64_t", {8, false}},
      {"bool", {1, false}},  {"_Bool", {1, false}},  {"pid_t", {4, true}},  {"uid_t", {4, false}},
      {"gid_t", {4, false}}, {"size_t", {8, false}}, {"ssize_t", {8, true}}, {"umode_t", {2, false}},
      {"loff_t", {8, true}}, {"off_t", {8, true}},   {"dev_t", {4, false}}, {"gfp_t", {4, false}},
      {"key_serial_t", {4, true}}, {"clockid_t", {4, true}}, {"qid_t", {4, false}}, {"rwf_t", {4, true}},
      {"aio_context_t", {8, false}}, {"cap_user_header_t", {8, false}}, {"time64_t", {8, true}},
      {"sector_t", {8, false}}, {"blkcnt_t", {8, false}}, {"ino_t", {8, false}}, {"nlink_t", {4, false}},
  };
  // Qualifiers do not change the representation.
  for (std::string_view q : {"const ", "volatile ", "enum "}) {
    while (type.rfind(q, 0) == 0) type.remove_prefix(q.size());
  }
  for (const auto& e : kTypes) {
    if (e.name == type) return e.value;
  }
  return std::nullopt;
}

}  // namespace

Type type_from_c(std::string_view type, uint32_t bytes, bool is_signed, bool user) {
  // Words and stars: "const char *const *" is "char" and two stars.
  size_t stars = 0;
  std::string base;
  size_t i = 0;
  while (i < type.size()) {
    char c = type[i];
    if (c == '*') {
      ++stars;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < type.size() && type[j] != ' ' && type[j] != '\t' && type[j] != '*') ++j;
    std::string_view word = type.substr(i, j - i);
    if (word != "const" && word != "volatile" && word != "__user" && word != "restrict" && word != "enum") {
      base += (base.empty() ? "" : " ") + std::string(word);
    }
    i = j;
  }
  if (stars == 0) {
    if (base.rfind("struct ", 0) == 0 || base.rfind("union ", 0) == 0) return Type::none();
    if (auto c = c_integer(base)) return Type::integer(static_cast<uint8_t>(c->bytes * 8), c->is_signed);
    if (bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8) return Type::integer(static_cast<uint8_t>(bytes * 8), is_signed);
    return Type::none();
  }
  std::string_view type_name = base;
  Type pointee = Type::void_type();
  if (type_name.rfind("struct ", 0) == 0 || type_name.rfind("union ", 0) == 0) {
    pointee = Type::struct_type(std::string(type_name), 0);  // sized from BTF when needed
  } else if (auto c = c_integer(type_name)) {
    pointee = Type::integer(static_cast<uint8_t>(c->bytes * 8), c->is_signed);
  }
  Type t = pointee;
  for (size_t level = 0; level < stars; ++level) t = Type::pointer(std::move(t), user);
  return t;
}

namespace {

void classify(TracepointField& f, uint32_t string_capacity, bool user) {
  if (f.data_loc) {
    if (f.c_type.find("char") != std::string::npos) {
      f.type = Type::string(string_capacity);
    } else {
      f.unsupported = fmt::format("'{}' is a dynamic array of {}, which is not supported yet", f.name, f.c_type);
    }
    return;
  }
  if (f.is_array) {
    if (f.c_type == "char" || f.c_type == "const char") {
      f.type = Type::string(f.array_length);
      return;
    }
    Type element = f.array_length > 0 ? type_from_c(f.c_type, f.size / f.array_length, f.is_signed, user) : Type::none();
    if (element.is_none() || f.array_length == 0 || element.native_size() * f.array_length != f.size) {
      f.unsupported = fmt::format("'{}' is an array of {} ({} {}[{}]), which is not supported", f.name, f.c_type,
                                  f.c_type, f.name, f.array_length);
      return;
    }
    f.type = Type::array(element, f.array_length);
    return;
  }
  if (f.is_pointer) {
    f.type = type_from_c(f.c_type, 8, false, user);
    if (!f.type.is_pointer()) f.type = Type::pointer(Type::void_type(), user);
    return;
  }
  if (f.size == 1 || f.size == 2 || f.size == 4 || f.size == 8) {
    // The declared C type decides width and sign where the kernel widened the
    // slot (syscall arguments are "int dfd; size:8; signed:0").
    if (auto c = c_integer(f.c_type); c && c->bytes <= f.size) {
      f.type = Type::integer(static_cast<uint8_t>(c->bytes * 8), c->is_signed);
    } else {
      f.type = Type::integer(static_cast<uint8_t>(f.size * 8), f.is_signed);
    }
    return;
  }
  f.unsupported = fmt::format("'{}' has type {} of {} bytes, which is not supported yet", f.name, f.c_type, f.size);
}

}  // namespace

std::vector<TracepointField> parse_tracepoint_format(std::string_view text, uint32_t string_capacity,
                                                    bool user_pointers) {
  std::vector<TracepointField> fields;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;

    auto decl = attribute(line, "field");
    auto offset = attribute(line, "offset");
    auto size = attribute(line, "size");
    if (!decl || !offset || !size) continue;
    std::string_view d = trim(*decl);

    TracepointField f;
    f.offset = to_u32(*offset);
    f.size = to_u32(*size);
    if (auto s = attribute(line, "signed")) f.is_signed = to_u32(*s) != 0;

    if (d.rfind("__data_loc ", 0) == 0) {
      f.data_loc = true;
      d.remove_prefix(11);
    }
    std::string_view name;
    std::string_view type;
    size_t bracket = d.find('[');
    if (f.data_loc && bracket != std::string_view::npos) {
      // "__data_loc char[] name": the brackets belong to the type.
      size_t close = d.find(']', bracket);
      type = trim(d.substr(0, bracket));
      name = close == std::string_view::npos ? std::string_view{} : trim(d.substr(close + 1));
      bracket = std::string_view::npos;
    } else {
      // "type name" or "type name[N]": the name is the last identifier.
      std::string_view before = trim(bracket == std::string_view::npos ? d : d.substr(0, bracket));
      size_t name_start = before.find_last_of(" \t*");
      name = name_start == std::string_view::npos ? before : before.substr(name_start + 1);
      type = name_start == std::string_view::npos ? std::string_view{} : trim(before.substr(0, name_start + 1));
    }
    if (name.empty()) continue;
    f.name = std::string(name);
    f.c_type = std::string(type);
    if (!f.c_type.empty() && f.c_type.back() == '*') f.is_pointer = true;
    if (f.c_type.find('*') != std::string::npos) f.is_pointer = true;
    if (bracket != std::string_view::npos && !f.data_loc) {
      f.is_array = true;
      size_t close = d.find(']', bracket);
      f.array_length = to_u32(d.substr(bracket + 1, close == std::string_view::npos ? 0 : close - bracket - 1));
    }
    f.common = f.name.rfind("common_", 0) == 0;
    classify(f, string_capacity, user_pointers);
    fields.push_back(std::move(f));
  }
  return fields;
}

}  // namespace stratoshark::lang
