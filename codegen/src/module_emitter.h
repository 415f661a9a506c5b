// ModuleEmitter: the LLVM module of one compilation, its debug info (from
// which the BPF backend derives BTF), map definitions and object emission.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <llvm/IR/DIBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

#include "stratoshark/codegen/codegen.h"
#include "stratoshark/lang/source.h"
#include "stratoshark/runtime/artifact.h"

namespace stratoshark::codegen {

struct DIMember {
  std::string name;
  llvm::DIType* type;
  uint64_t offset;  // bytes
};

class ModuleEmitter {
 public:
  ModuleEmitter(const lang::SourceManager& sources, const CodegenOptions& options);
  ~ModuleEmitter();

  llvm::LLVMContext& context() { return *context_; }
  llvm::Module& module() { return *module_; }
  llvm::DIBuilder& di() { return *di_; }
  const CodegenOptions& options() const { return options_; }

  // A BTF-defined map in .maps. `key`/`value` are null for maps without them
  // (the ring buffer).
  llvm::GlobalVariable* define_map(const std::string& name, uint32_t bpf_map_type, uint32_t max_entries,
                                   llvm::DIType* key, llvm::DIType* value, uint32_t flags = 0);
  // The same in two steps, for a map whose size is known only after the
  // programs that use it are emitted.
  llvm::GlobalVariable* declare_map(const std::string& name);
  // A u64 global, 0 at load, alone in `section` (".bss", ".data.NAME"):
  // libbpf makes the section a one-entry array map named after it, which
  // programs address directly (no lookup) and user space reads and writes as
  // that map's element 0.
  llvm::GlobalVariable* define_global_word(const std::string& name, const std::string& section);
  void describe_map(llvm::GlobalVariable* gv, uint32_t bpf_map_type, uint32_t max_entries, llvm::DIType* key,
                    llvm::DIType* value, uint32_t flags = 0);

  llvm::DIType* di_int(unsigned bits, bool is_signed);
  llvm::DIType* di_char_array(uint32_t length);
  llvm::DIType* di_struct(const std::string& name, const std::vector<DIMember>& members, uint64_t size);
  // The debug type describing a value stored with `layout`.
  llvm::DIType* di_for(const runtime::ValueLayout& layout);

  // Debug info of one BPF program function `int name(void *ctx)`.
  llvm::DISubprogram* subprogram(llvm::Function* function, lang::SourceRange where);
  // Debug info of a static callback `long name(void *, ..., void *)` with
  // `params` pointer parameters (bpf_for_each_map_elem and friends): the
  // kernel wants callbacks static in BTF.
  llvm::DISubprogram* callback_subprogram(llvm::Function* function, unsigned params, lang::SourceRange where);
  llvm::DILocation* location(lang::SourceRange where, llvm::DIScope* scope);
  // Where `where` is, for the runtime's messages, and the text of its line.
  runtime::SourcePosition position(lang::SourceRange where) const;
  std::string source_line(lang::SourceRange where) const;

  // Packet programs get the O2 simplification pipeline (GVN, jump threading
  // and friends turn the lowered filters' branches and repeated header reads
  // into what a hand-written filter does); the rest O1, which gives them the
  // same code in less time.
  void optimise_packet_programs() { packet_programs_ = true; }
  // Verifies, optimises and compiles the module. Returns the ELF bytes, or
  // nullopt with `error` set.
  std::optional<std::vector<uint8_t>> compile(std::string& error, std::string* ir_before, std::string* ir_after);

 private:
  llvm::DIFile* file(lang::FileId id);

  const lang::SourceManager& sources_;
  CodegenOptions options_;
  std::unique_ptr<llvm::LLVMContext> context_;
  std::unique_ptr<llvm::TargetMachine> machine_;
  std::unique_ptr<llvm::Module> module_;
  std::unique_ptr<llvm::DIBuilder> di_;
  llvm::DICompileUnit* cu_ = nullptr;
  std::map<lang::FileId, llvm::DIFile*> files_;
  std::string backend_errors_;
  bool packet_programs_ = false;
};

}  // namespace stratoshark::codegen
