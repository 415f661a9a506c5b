#include "object_info.h"

#include <linux/bpf.h>
#include <linux/btf.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>

#include <fmt/format.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/MemoryBuffer.h>

namespace stratoshark::codegen {

namespace {

template <class T>
bool read_at(llvm::StringRef bytes, size_t offset, T& out) {
  if (offset > bytes.size() || sizeof(T) > bytes.size() - offset) return false;
  std::memcpy(&out, bytes.data() + offset, sizeof(T));
  return true;
}

std::string c_string_at(llvm::StringRef strings, uint32_t offset) {
  if (offset >= strings.size()) return {};
  size_t end = strings.find('\0', offset);
  return strings.substr(offset, end == llvm::StringRef::npos ? llvm::StringRef::npos : end - offset).str();
}

// The string section of .BTF.
llvm::StringRef btf_strings(llvm::StringRef btf) {
  uint16_t magic = 0;
  uint32_t hdr_len = 0, str_off = 0, str_len = 0;
  if (!read_at(btf, 0, magic) || magic != 0xeB9F) return {};
  if (!read_at(btf, 4, hdr_len) || !read_at(btf, 16, str_off) || !read_at(btf, 20, str_len)) return {};
  size_t start = static_cast<size_t>(hdr_len) + str_off;
  if (start > btf.size() || str_len > btf.size() - start) return {};
  return btf.substr(start, str_len);
}

struct RawLine {
  uint32_t byte_offset;
  SourceLine line;
};

// Walks one .BTF.ext subsection (its offset and length at `header_field`
// and +4 in the header): calls `record(section name, the record's four u32
// fields)` for each record.
void for_each_ext_record(llvm::StringRef ext, llvm::StringRef strings, size_t header_field,
                         const std::function<void(const std::string&, const uint32_t (&)[4])>& record) {
  uint16_t magic = 0;
  uint32_t hdr_len = 0, off = 0, len = 0;
  if (!read_at(ext, 0, magic) || magic != 0xeB9F || !read_at(ext, 4, hdr_len) || hdr_len < header_field + 8) return;
  if (!read_at(ext, header_field, off) || !read_at(ext, header_field + 4, len) || len == 0) return;
  size_t pos = static_cast<size_t>(hdr_len) + off;
  size_t end = pos + len;
  uint32_t rec_size = 0;
  if (end > ext.size() || !read_at(ext, pos, rec_size) || rec_size < 16) return;
  pos += 4;
  while (pos + 8 <= end) {
    uint32_t sec_name_off = 0, count = 0;
    read_at(ext, pos, sec_name_off);
    read_at(ext, pos + 4, count);
    pos += 8;
    std::string section = c_string_at(strings, sec_name_off);
    for (uint32_t i = 0; i < count && pos + rec_size <= end; ++i, pos += rec_size) {
      uint32_t fields[4] = {};
      for (int f = 0; f < 4; ++f) read_at(ext, pos + 4 * static_cast<size_t>(f), fields[f]);
      record(section, fields);
    }
  }
}

// .BTF.ext line info (header offset 16), grouped by section name.
std::map<std::string, std::vector<RawLine>> btf_ext_lines(llvm::StringRef ext, llvm::StringRef strings) {
  std::map<std::string, std::vector<RawLine>> out;
  for_each_ext_record(ext, strings, 16, [&](const std::string& section, const uint32_t (&f)[4]) {
    // insn_off, file_name_off, line_off, line_col
    SourceLine line;
    line.file = c_string_at(strings, f[1]);
    line.text = c_string_at(strings, f[2]);
    line.line = f[3] >> 10;
    line.column = f[3] & 0x3ff;
    out[section].push_back({f[0], std::move(line)});
  });
  return out;
}

// The BTF types of the object, enough to name a CO-RE access: each type's
// name, kind, and (structs and unions) its members' names and types.
struct BtfTypes {
  struct Entry {
    std::string name;
    uint32_t kind = 0;
    uint32_t type = 0;  // modifiers, pointers, typedefs: the type they refer to
    std::vector<std::pair<std::string, uint32_t>> members;
  };
  std::vector<Entry> types;  // by id (0: void)

  const Entry* resolve(uint32_t id) const {
    for (int hops = 0; hops < 16 && id < types.size(); ++hops) {
      const Entry& e = types[id];
      bool modifier = e.kind == BTF_KIND_TYPEDEF || e.kind == BTF_KIND_VOLATILE || e.kind == BTF_KIND_CONST ||
                      e.kind == BTF_KIND_RESTRICT || e.kind == BTF_KIND_TYPE_TAG;
      if (!modifier) return &e;
      id = e.type;
    }
    return nullptr;
  }
};

BtfTypes btf_types(llvm::StringRef btf) {
  BtfTypes out;
  out.types.emplace_back();  // void
  uint32_t hdr_len = 0, type_off = 0, type_len = 0;
  uint16_t magic = 0;
  if (!read_at(btf, 0, magic) || magic != 0xeB9F) return out;
  if (!read_at(btf, 4, hdr_len) || !read_at(btf, 8, type_off) || !read_at(btf, 12, type_len)) return out;
  llvm::StringRef strings = btf_strings(btf);
  size_t pos = static_cast<size_t>(hdr_len) + type_off;
  size_t end = pos + type_len;
  while (pos + 12 <= end && end <= btf.size()) {
    uint32_t name_off = 0, info = 0, size_or_type = 0;
    read_at(btf, pos, name_off);
    read_at(btf, pos + 4, info);
    read_at(btf, pos + 8, size_or_type);
    pos += 12;
    BtfTypes::Entry e;
    e.name = c_string_at(strings, name_off);
    e.kind = (info >> 24) & 0x1f;
    e.type = size_or_type;
    uint32_t vlen = info & 0xffff;
    switch (e.kind) {
      case BTF_KIND_INT: case BTF_KIND_VAR: case BTF_KIND_DECL_TAG: pos += 4; break;
      case BTF_KIND_ARRAY: pos += 12; break;
      case BTF_KIND_STRUCT:
      case BTF_KIND_UNION:
        for (uint32_t i = 0; i < vlen && pos + 12 <= end; ++i, pos += 12) {
          uint32_t m_name = 0, m_type = 0;
          read_at(btf, pos, m_name);
          read_at(btf, pos + 4, m_type);
          e.members.emplace_back(c_string_at(strings, m_name), m_type);
        }
        break;
      case BTF_KIND_ENUM: case BTF_KIND_FUNC_PROTO: pos += 8ull * vlen; break;
      case BTF_KIND_DATASEC: case BTF_KIND_ENUM64: pos += 12ull * vlen; break;
      default: break;
    }
    out.types.push_back(std::move(e));
  }
  return out;
}

// "task_struct::parent.comm" for access string "0:1:2" on type `type_id`.
std::string access_text(const BtfTypes& types, uint32_t type_id, const std::string& access) {
  const BtfTypes::Entry* t = types.resolve(type_id);
  std::string out = t != nullptr && !t->name.empty() ? t->name : "(anon)";
  std::string path;
  size_t pos = access.find(':');  // the first index steps over the base pointer
  while (t != nullptr && pos != std::string::npos) {
    size_t next = access.find(':', pos + 1);
    unsigned index = static_cast<unsigned>(std::strtoul(access.c_str() + pos + 1, nullptr, 10));
    if (index >= t->members.size()) break;
    const auto& [name, member_type] = t->members[index];
    path += (path.empty() ? "" : ".") + (name.empty() ? std::string("(anon)") : name);
    t = types.resolve(member_type);
    pos = next;
  }
  return out + "::" + path;
}

// .BTF.ext CO-RE relocations (header offset 24), grouped by section name.
std::map<std::string, std::vector<std::pair<uint32_t, std::string>>> btf_ext_core(llvm::StringRef ext,
                                                                                   llvm::StringRef btf) {
  std::map<std::string, std::vector<std::pair<uint32_t, std::string>>> out;
  llvm::StringRef strings = btf_strings(btf);
  BtfTypes types;
  static constexpr const char* kKinds[] = {"field offset", "field exists", "field size", "field signedness",
                                           "field left shift", "field right shift"};
  for_each_ext_record(ext, strings, 24, [&](const std::string& section, const uint32_t (&f)[4]) {
    // insn_off, type_id, access_str_off, kind
    if (types.types.empty()) types = btf_types(btf);
    std::string what = f[3] < std::size(kKinds) ? kKinds[f[3]] : fmt::format("kind {}", f[3]);
    out[section].emplace_back(f[0], fmt::format("CO-RE {}: {}", what, access_text(types, f[1], c_string_at(strings, f[2]))));
  });
  return out;
}

// Stack depth and helper calls from the instructions themselves.
void scan_code(ObjectFunction& f) {
  bool holds_frame_pointer[11] = {};
  for (size_t i = 0; i + 8 <= f.code.size(); i += 8) {
    const uint8_t* insn = f.code.data() + i;
    uint8_t code = insn[0];
    uint8_t dst = insn[1] & 0xf;
    uint8_t src = insn[1] >> 4;
    int16_t off;
    int32_t imm;
    std::memcpy(&off, insn + 2, 2);
    std::memcpy(&imm, insn + 4, 4);
    uint8_t cls = code & 0x07;
    uint32_t index = static_cast<uint32_t>(i / 8);
    if (code == (BPF_JMP | BPF_CALL) && src == 0) f.helper_calls.push_back({index, static_cast<uint32_t>(imm)});
    bool memory_on_stack = ((cls == BPF_ST || cls == BPF_STX) && dst == BPF_REG_10) ||
                           (cls == BPF_LDX && src == BPF_REG_10);
    if (memory_on_stack && off < 0) f.stack_bytes = std::max<uint32_t>(f.stack_bytes, static_cast<uint32_t>(-off));
    // "rX = r10; rX += -N" hands a stack address to a helper.
    if (cls == BPF_ALU64 && dst < 11) {
      if (code == (BPF_ALU64 | BPF_MOV | BPF_X)) {
        holds_frame_pointer[dst] = src == BPF_REG_10;
        continue;
      }
      if (code == (BPF_ALU64 | BPF_ADD | BPF_K) && holds_frame_pointer[dst]) {
        if (imm < 0) f.stack_bytes = std::max<uint32_t>(f.stack_bytes, static_cast<uint32_t>(-imm));
        continue;
      }
    }
    if ((cls == BPF_ALU || cls == BPF_ALU64 || cls == BPF_LDX || cls == BPF_LD) && dst < 11) holds_frame_pointer[dst] = false;
    if (code == (BPF_JMP | BPF_CALL)) {
      for (int r = 0; r <= 5; ++r) holds_frame_pointer[r] = false;  // caller-saved
    }
  }
}

}  // namespace

std::vector<ObjectFunction> analyse_object(const std::vector<uint8_t>& elf, std::string& error) {
  llvm::StringRef bytes(reinterpret_cast<const char*>(elf.data()), elf.size());
  auto object = llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(bytes, "bpf.o"));
  if (!object) {
    error = llvm::toString(object.takeError());
    return {};
  }
  llvm::StringRef btf, btf_ext;
  std::map<uint64_t, std::pair<std::string, llvm::StringRef>> sections;  // index -> name, contents
  for (const llvm::object::SectionRef& section : (*object)->sections()) {
    auto name = section.getName();
    auto contents = section.getContents();
    if (!name || !contents) continue;
    if (*name == ".BTF") btf = *contents;
    if (*name == ".BTF.ext") btf_ext = *contents;
    if (section.isText()) sections[section.getIndex()] = {name->str(), *contents};
  }
  auto lines = btf_ext_lines(btf_ext, btf_strings(btf));
  auto core = btf_ext_core(btf_ext, btf);

  std::vector<ObjectFunction> functions;
  for (const llvm::object::SymbolRef& symbol : (*object)->symbols()) {
    auto type = symbol.getType();
    auto section = symbol.getSection();
    auto name = symbol.getName();
    auto value = symbol.getValue();
    if (!type || *type != llvm::object::SymbolRef::ST_Function || !section || !name || !value) continue;
    auto it = sections.find((*section)->getIndex());
    if (it == sections.end()) continue;
    uint64_t size = llvm::object::ELFSymbolRef(symbol).getSize();
    ObjectFunction f;
    f.name = name->str();
    f.section = it->second.first;
    f.offset = *value;
    llvm::StringRef code = it->second.second;
    if (f.offset > code.size()) continue;
    code = code.substr(f.offset, size);
    f.code.assign(code.begin(), code.end());
    f.instructions = static_cast<uint32_t>(f.code.size() / 8);
    for (const RawLine& raw : lines[f.section]) {
      if (raw.byte_offset < f.offset || raw.byte_offset >= f.offset + size) continue;
      SourceLine line = raw.line;
      line.insn = static_cast<uint32_t>((raw.byte_offset - f.offset) / 8);
      f.lines.push_back(std::move(line));
    }
    std::sort(f.lines.begin(), f.lines.end(), [](const SourceLine& a, const SourceLine& b) { return a.insn < b.insn; });
    for (const auto& [byte_offset, text] : core[f.section]) {
      if (byte_offset < f.offset || byte_offset >= f.offset + size) continue;
      f.core_relocations.push_back({static_cast<uint32_t>((byte_offset - f.offset) / 8), text});
    }
    std::sort(f.core_relocations.begin(), f.core_relocations.end(),
              [](const CoreRelocation& a, const CoreRelocation& b) { return a.insn < b.insn; });
    scan_code(f);
    functions.push_back(std::move(f));
  }
  return functions;
}

std::string helper_name(uint32_t id) {
  // Every helper the UAPI header of the build machine knows, in bpf_func_id order.
#define SS_HELPER_NAME(x) "bpf_" #x
  static constexpr const char* kNames[] = {__BPF_FUNC_MAPPER(SS_HELPER_NAME)};
#undef SS_HELPER_NAME
  if (id > 0 && id < std::size(kNames)) return kNames[id];
  return fmt::format("helper #{}", id);
}

}  // namespace stratoshark::codegen
