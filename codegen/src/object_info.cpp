#include "object_info.h"

#include <linux/bpf.h>

#include <algorithm>
#include <cstring>
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

// .BTF.ext line info, grouped by section name.
std::map<std::string, std::vector<RawLine>> btf_ext_lines(llvm::StringRef ext, llvm::StringRef strings) {
  std::map<std::string, std::vector<RawLine>> out;
  uint16_t magic = 0;
  uint32_t hdr_len = 0, line_off = 0, line_len = 0;
  if (!read_at(ext, 0, magic) || magic != 0xeB9F) return out;
  if (!read_at(ext, 4, hdr_len) || !read_at(ext, 16, line_off) || !read_at(ext, 20, line_len)) return out;
  size_t pos = static_cast<size_t>(hdr_len) + line_off;
  size_t end = pos + line_len;
  uint32_t rec_size = 0;
  if (end > ext.size() || !read_at(ext, pos, rec_size) || rec_size < 16) return out;
  pos += 4;
  while (pos + 8 <= end) {
    uint32_t sec_name_off = 0, count = 0;
    read_at(ext, pos, sec_name_off);
    read_at(ext, pos + 4, count);
    pos += 8;
    auto& records = out[c_string_at(strings, sec_name_off)];
    for (uint32_t i = 0; i < count && pos + rec_size <= end; ++i, pos += rec_size) {
      uint32_t insn_off = 0, file_off = 0, text_off = 0, line_col = 0;
      read_at(ext, pos, insn_off);
      read_at(ext, pos + 4, file_off);
      read_at(ext, pos + 8, text_off);
      read_at(ext, pos + 12, line_col);
      SourceLine line;
      line.file = c_string_at(strings, file_off);
      line.text = c_string_at(strings, text_off);
      line.line = line_col >> 10;
      line.column = line_col & 0x3ff;
      records.push_back({insn_off, std::move(line)});
    }
  }
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
