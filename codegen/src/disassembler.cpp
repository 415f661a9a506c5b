// disassemble(): BPF instructions of each program section, for -d asm.
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
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "stratoshark/codegen/codegen.h"

extern "C" {
void LLVMInitializeBPFTargetInfo();
void LLVMInitializeBPFTargetMC();
void LLVMInitializeBPFDisassembler();
}

namespace stratoshark::codegen {

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

  llvm::StringRef bytes(reinterpret_cast<const char*>(elf.data()), elf.size());
  auto object = llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(bytes, "bpf.o"));
  if (!object) return "cannot disassemble: " + llvm::toString(object.takeError()) + "\n";

  std::string out;
  for (const llvm::object::SectionRef& section : (*object)->sections()) {
    if (!section.isText() || section.getSize() == 0) continue;
    auto name = section.getName();
    auto contents = section.getContents();
    if (!name || !contents) continue;
    // Function symbols in this section, by offset.
    std::map<uint64_t, std::string> functions;
    for (const llvm::object::SymbolRef& symbol : (*object)->symbols()) {
      auto sym_section = symbol.getSection();
      auto type = symbol.getType();
      if (!sym_section || *sym_section != section || !type || *type != llvm::object::SymbolRef::ST_Function) continue;
      auto sym_name = symbol.getName();
      auto value = symbol.getValue();
      if (sym_name && value) functions[*value] = sym_name->str();
    }
    // ELF keeps relocations in their own sections, each naming its target.
    std::map<uint64_t, std::string> relocations;
    for (const llvm::object::SectionRef& rel_section : (*object)->sections()) {
      auto target_section = rel_section.getRelocatedSection();
      if (!target_section || *target_section != section) continue;
      for (const llvm::object::RelocationRef& reloc : rel_section.relocations()) {
        auto symbol = reloc.getSymbol();
        if (symbol == (*object)->symbol_end()) continue;
        auto sym_name = symbol->getName();
        if (sym_name) relocations[reloc.getOffset()] = sym_name->str();
      }
    }
    llvm::ArrayRef<uint8_t> code(reinterpret_cast<const uint8_t*>(contents->data()), contents->size());
    uint64_t offset = 0;
    while (offset < code.size()) {
      if (auto f = functions.find(offset); f != functions.end()) out += fmt::format("{} (section {}):\n", f->second, name->str());
      llvm::MCInst inst;
      uint64_t size = 0;
      if (disasm->getInstruction(inst, size, code.slice(offset), offset, llvm::nulls()) != llvm::MCDisassembler::Success) {
        out += fmt::format("  {:4}: <unknown>\n", offset / 8);
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
      if (auto r = relocations.find(offset); r != relocations.end()) note = "  ; " + r->second;
      out += fmt::format("  {:4}: {}{}\n", offset / 8, text, note);
      offset += size;
    }
    out += "\n";
  }
  return out;
}

}  // namespace stratoshark::codegen
