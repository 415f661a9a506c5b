// CoreTypes: kernel struct members read with CO-RE relocations.
//
// A member read is emitted as llvm.preserve.{struct,union}.access.index on
// a debug-info description of the struct; the BPF back end turns it into a
// BTF field relocation (.BTF.ext), and libbpf rewrites the offset for the
// kernel the program is loaded on, matching the member by name. Each struct
// is described with just the members the program reads (libbpf also finds
// members the running kernel keeps inside anonymous structs and unions), so
// its description is built after every program is emitted: finalize().
#pragma once

#include <map>
#include <string>
#include <vector>

#include <llvm/IR/IRBuilder.h>

#include "module_emitter.h"
#include "stratoshark/lang/sema.h"

namespace stratoshark::codegen {

class CoreTypes {
 public:
  explicit CoreTypes(ModuleEmitter& module) : module_(module) {}

  // The address of member `ref` of the struct at `base` (a pointer), as a
  // relocatable access.
  llvm::Value* member_address(llvm::IRBuilder<>& b, llvm::Value* base, const lang::StructMemberRef& ref);
  // Describes every struct used; call once, before the module is compiled.
  void finalize();

 private:
  struct Member {
    std::string name;
    uint32_t offset;
    lang::Type type;
  };
  struct Struct {
    bool is_union = false;
    uint32_t size = 0;
    llvm::StructType* ir = nullptr;
    llvm::TempDICompositeType temporary;
    llvm::DICompositeType* placeholder = nullptr;  // the temporary's node, used until finalize()
    std::vector<Member> members;                   // in index order
  };
  Struct& lookup(const std::string& key, bool is_union, uint32_t size);
  llvm::DIType* member_type(const lang::Type& t);

  ModuleEmitter& module_;
  std::map<std::string, Struct> structs_;
};

}  // namespace stratoshark::codegen
