// disassemble(): BPF instructions of each program, for -d asm, with the .ss
// source line (from BTF line info) above the instructions it produced.
#include <algorithm>
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <linux/bpf.h>

#include "object_info.h"
#include "stratoshark/codegen/codegen.h"

extern "C" {
void LLVMInitializeBPFTargetInfo();
void LLVMInitializeBPFTargetMC();
void LLVMInitializeBPFDisassembler();
}

namespace stratoshark::codegen {

namespace {

// Relocation targets by (section name, byte offset): the maps an
// instruction refers to.
std::map<std::pair<std::string, uint64_t>, std::string> relocations(const std::vector<uint8_t>& elf) {
  std::map<std::pair<std::string, uint64_t>, std::string> out;
  llvm::StringRef bytes(reinterpret_cast<const char*>(elf.data()), elf.size());
  auto object = llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(bytes, "bpf.o"));
  if (!object) {
    llvm::consumeError(object.takeError());
    return out;
  }
  for (const llvm::object::SectionRef& rel_section : (*object)->sections()) {
    auto target = rel_section.getRelocatedSection();
    if (!target || *target == (*object)->section_end()) continue;
    auto target_name = (*target)->getName();
    if (!target_name) continue;
    for (const llvm::object::RelocationRef& reloc : rel_section.relocations()) {
      auto symbol = reloc.getSymbol();
      if (symbol == (*object)->symbol_end()) continue;
      auto name = symbol->getName();
      if (name) out[{target_name->str(), reloc.getOffset()}] = name->str();
    }
  }
  return out;
}

}  // namespace

std::string disassemble(const std::vector<uint8_t>& elf) {
  LLVMInitializeBPFTargetInfo();
  LLVMInitializeBPFTargetMC();
  LLVMInitializeBPFDisassembler();
  std::string error;
  const char* triple = "bpfel";
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (target == nullptr) return "cannot disassemble: " + error + "\n";
  std::unique_ptr<llvm::MCRegisterInfo> mri(target->createMCRegInfo(triple));
  llvm::MCTargetOptions mc_options;
  std::unique_ptr<llvm::MCAsmInfo> mai(target->createMCAsmInfo(*mri, triple, mc_options));
  std::unique_ptr<llvm::MCSubtargetInfo> sti(target->createMCSubtargetInfo(triple, "v3", ""));
  std::unique_ptr<llvm::MCInstrInfo> mii(target->createMCInstrInfo());
  llvm::MCContext mc(llvm::Triple(triple), mai.get(), mri.get(), sti.get());
  std::unique_ptr<llvm::MCDisassembler> disasm(target->createMCDisassembler(*sti, mc));
  std::unique_ptr<llvm::MCInstPrinter> printer(target->createMCInstPrinter(llvm::Triple(triple), 0, *mai, *mii, *mri));
  if (!disasm || !printer) return "cannot disassemble: no BPF disassembler\n";

  auto functions = analyse_object(elf, error);
  if (functions.empty()) return "cannot disassemble: " + error + "\n";
  auto relocs = relocations(elf);

  std::string out;
  for (const ObjectFunction& f : functions) {
    out += fmt::format("{} (section {}): {} instructions, {} bytes of stack\n", f.name, f.section, f.instructions,
                       f.stack_bytes);
    llvm::ArrayRef<uint8_t> code(f.code.data(), f.code.size());
    size_t next_line = 0;
    std::pair<uint32_t, std::string> shown{0, {}};
    uint64_t offset = 0;
    while (offset < code.size()) {
      uint32_t index = static_cast<uint32_t>(offset / 8);
      // The source line this instruction came from, when it changes.
      while (next_line < f.lines.size() && f.lines[next_line].insn <= index) {
        const SourceLine& l = f.lines[next_line++];
        if (l.line != shown.first || l.file != shown.second) {
          out += fmt::format("  ; {}:{}: {}\n", l.file, l.line, l.text);
          shown = {l.line, l.file};
        }
      }
      llvm::MCInst inst;
      uint64_t size = 0;
      if (disasm->getInstruction(inst, size, code.slice(offset), offset, llvm::nulls()) !=
          llvm::MCDisassembler::Success) {
        out += fmt::format("  {:4}: <unknown>\n", index);
        offset += 8;
        continue;
      }
      std::string text;
      llvm::raw_string_ostream os(text);
      printer->printInst(&inst, offset, "", *sti, os);
      os.flush();
      while (!text.empty() && (text.front() == '\t' || text.front() == ' ')) text.erase(text.begin());
      for (auto& c : text) {
        if (c == '\t') c = ' ';
      }
      std::string note;
      auto core = std::find_if(f.core_relocations.begin(), f.core_relocations.end(),
                               [&](const CoreRelocation& c) { return c.insn == index; });
      if (core != f.core_relocations.end()) {
        note = "  ; " + core->text;
      } else if (auto r = relocs.find({f.section, f.offset + offset}); r != relocs.end()) {
        note = "  ; " + r->second;
      } else if (size == 8 && code[offset] == (BPF_JMP | BPF_CALL) && (code[offset + 1] >> 4) == 0) {
        // A helper call (source register 0): name it.
        int32_t id = 0;
        std::memcpy(&id, code.data() + offset + 4, sizeof(id));
        note = "  ; " + helper_name(static_cast<uint32_t>(id));
      }
      out += fmt::format("  {:4}: {}{}\n", index, text, note);
      offset += size;
    }
    out += "\n";
  }
  return out;
}

}  // namespace stratoshark::codegen
