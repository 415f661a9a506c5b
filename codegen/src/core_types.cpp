#include "core_types.h"

#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/IntrinsicsBPF.h>

namespace stratoshark::codegen {

namespace {

// "struct task_struct" -> "task_struct"; anonymous structs have no name.
std::string c_name(const std::string& key) {
  auto space = key.find(' ');
  std::string name = space == std::string::npos ? key : key.substr(space + 1);
  return name.rfind("<anon", 0) == 0 ? std::string() : name;
}

}  // namespace

CoreTypes::Struct& CoreTypes::lookup(const std::string& key, bool is_union, uint32_t size) {
  auto it = structs_.find(key);
  if (it != structs_.end()) {
    if (it->second.size == 0) it->second.size = size;
    return it->second;
  }
  Struct s;
  s.is_union = is_union;
  s.size = size;
  auto& ctx = module_.context();
  s.ir = llvm::StructType::create(ctx, {llvm::ArrayType::get(llvm::Type::getInt8Ty(ctx), std::max<uint32_t>(size, 1))},
                                  (is_union ? "union." : "struct.") + (c_name(key).empty() ? "anon" : c_name(key)));
  s.placeholder = module_.di().createReplaceableCompositeType(
      is_union ? llvm::dwarf::DW_TAG_union_type : llvm::dwarf::DW_TAG_structure_type, c_name(key), nullptr, nullptr, 0,
      0, static_cast<uint64_t>(size) * 8);
  return structs_.emplace(key, std::move(s)).first->second;
}

llvm::Value* CoreTypes::member_address(llvm::IRBuilder<>& b, llvm::Value* base, const lang::StructMemberRef& ref) {
  // libbpf finds a relocation's root type in the kernel's BTF by name, so a
  // member of an anonymous struct or union reached through a named member
  // (`in6_addr.in6_u.u6_addr8`) cannot be a relocation of its own: its offset
  // is taken from the BTF the program is compiled against (the previous hop,
  // to the anonymous member itself, is still relocated).
  if (c_name(ref.struct_key).empty()) return b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, ref.field.offset);
  Struct& s = lookup(ref.struct_key, ref.is_union, ref.struct_size);
  uint32_t index = 0;
  while (index < s.members.size() && s.members[index].name != ref.field.name) ++index;
  if (index == s.members.size()) s.members.push_back({ref.field.name, ref.field.offset, ref.field.type});
  if (ref.field.type.kind == lang::TypeKind::Struct) {
    lookup(ref.field.type.name, ref.field.type.name.rfind("union ", 0) == 0, ref.field.type.size);
  }
  llvm::Module& m = module_.module();
  llvm::CallInst* call;
  if (s.is_union) {
    llvm::Function* f = llvm::Intrinsic::getDeclaration(&m, llvm::Intrinsic::preserve_union_access_index,
                                                        {b.getPtrTy(), b.getPtrTy()});
    call = b.CreateCall(f, {base, b.getInt32(index)});
  } else {
    llvm::Function* f = llvm::Intrinsic::getDeclaration(&m, llvm::Intrinsic::preserve_struct_access_index,
                                                        {b.getPtrTy(), b.getPtrTy()});
    call = b.CreateCall(f, {base, b.getInt32(index), b.getInt32(index)});
    call->addParamAttr(0, llvm::Attribute::get(module_.context(), llvm::Attribute::ElementType, s.ir));
  }
  call->setMetadata(llvm::LLVMContext::MD_preserve_access_index, s.placeholder);
  return call;
}

llvm::DIType* CoreTypes::member_type(const lang::Type& t) {
  auto& di = module_.di();
  switch (t.kind) {
    case lang::TypeKind::Int:
      return module_.di_int(t.bits, t.is_signed);
    case lang::TypeKind::Pointer:
      return di.createPointerType(nullptr, 64);
    case lang::TypeKind::String:
      return module_.di_char_array(t.size);
    case lang::TypeKind::Array: {
      llvm::DIType* element = member_type(t.inner());
      auto* range = di.getOrCreateSubrange(0, static_cast<int64_t>(t.size));
      return di.createArrayType(static_cast<uint64_t>(t.native_size()) * 8, 8, element, di.getOrCreateArray({range}));
    }
    case lang::TypeKind::Struct:
      return lookup(t.name, t.name.rfind("union ", 0) == 0, t.size).placeholder;
    default:
      return module_.di_char_array(std::max<uint32_t>(1, t.byte_size()));
  }
}

void CoreTypes::finalize() {
  auto& di = module_.di();
  // member_type() may add structs (members of nested struct type): the map
  // keeps its iterators valid, and later entries are reached in turn.
  for (auto& [key, s] : structs_) {
    std::vector<llvm::Metadata*> elements;
    for (const Member& m : s.members) {
      llvm::DIType* type = member_type(m.type);
      elements.push_back(di.createMemberType(nullptr, m.name, nullptr, 0, type->getSizeInBits(), 8,
                                             s.is_union ? 0 : static_cast<uint64_t>(m.offset) * 8,
                                             llvm::DINode::FlagZero, type));
    }
    llvm::DICompositeType* real =
        s.is_union ? di.createUnionType(nullptr, c_name(key), nullptr, 0, static_cast<uint64_t>(s.size) * 8, 64,
                                        llvm::DINode::FlagZero, di.getOrCreateArray(elements))
                   : di.createStructType(nullptr, c_name(key), nullptr, 0, static_cast<uint64_t>(s.size) * 8, 64,
                                         llvm::DINode::FlagZero, nullptr, di.getOrCreateArray(elements));
    di.replaceTemporary(llvm::TempDIType(s.placeholder), real);
    s.placeholder = real;
  }
}

}  // namespace stratoshark::codegen
