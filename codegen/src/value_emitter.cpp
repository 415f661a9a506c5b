// ProgramEmitter: values beyond integers and strings — tuples, casts,
// arrays, pointers and reads of kernel or user memory, kernel struct
// members (CO-RE), comparisons of aggregates, and storing any value in the
// layout of a map slot, event or variable.
#include <fmt/format.h>

#include "core_types.h"
#include "layout.h"
#include "map_function_emitters.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

uint32_t alignment_of(uint32_t offset) {
  return offset % 8 == 0 ? 8 : offset % 4 == 0 ? 4 : offset % 2 == 0 ? 2 : 1;
}

}  // namespace

llvm::Value* ProgramEmitter::materialize(const Val& v) {
  if (v.type.by_reference()) return v.v;
  llvm::Value* slot = buffer(8, false);
  builder_.CreateStore(v.v, slot);
  return slot;
}

void ProgramEmitter::store_value(llvm::Value* dst, const Val& v, const runtime::ValueLayout& layout) {
  using runtime::ValueKind;
  llvm::Value* where = at_offset(dst, layout.offset);
  // Buffers we write into (stack, map values, ring buffer records) are 8-byte aligned.
  uint32_t align = alignment_of(layout.offset);
  switch (layout.kind) {
    case ValueKind::String: {
      uint32_t n = std::min(v.type.size, layout.size);
      copy(where, v.v, n, align);
      if (v.type.size > layout.size && layout.size > 0) {
        builder_.CreateStore(builder_.getInt8(0), at_offset(where, layout.size - 1));
      }
      return;
    }
    case ValueKind::Tuple: {
      if (!v.type.is_tuple()) return;
      for (size_t i = 0; i < layout.elements.size() && i < v.type.elements.size(); ++i) {
        runtime::ValueLayout element = layout.elements[i];
        element.offset += layout.offset;
        store_value(dst, this->element(v, i), element);
      }
      return;
    }
    case ValueKind::Address:
      if (layout.size == 24 && v.type.size != 24) {
        // An IPv4 or IPv6 address stored where either may be: {u64 family, 16 bytes}.
        builder_.CreateAlignedStore(builder_.getInt64(v.type.size == 16 ? 10 : 2), where, llvm::MaybeAlign(align));
        zero(at_offset(where, 8), 16);
        copy(at_offset(where, 8), v.v, v.type.size, alignment_of(layout.offset + 8), v.type.alignment());
        return;
      }
      copy(where, v.v, std::min(layout.size, v.type.byte_size()), align, v.type.alignment());
      return;
    case ValueKind::Array:
    case ValueKind::Buffer:
    case ValueKind::KernelStack:
    case ValueKind::UserStack:
    case ValueKind::KernelSymbol:
    case ValueKind::UserSymbol:
      copy(where, v.v, std::min(layout.size, v.type.byte_size()), align, v.type.alignment());
      return;
    default:
      builder_.CreateAlignedStore(v.v, where, llvm::MaybeAlign(align));
      return;
  }
}

Val ProgramEmitter::element(const Val& tuple, size_t i) {
  auto offsets = tuple_offsets(tuple.type);
  const Type& t = tuple.type.elements.at(i);
  llvm::Value* where = at_offset(tuple.v, offsets[i]);
  if (t.by_reference()) return {where, t};
  return {builder_.CreateAlignedLoad(i64_type(), where, llvm::MaybeAlign(alignment_of(offsets[i]))), t};
}

Val ProgramEmitter::tuple_value(const TupleExpr& t) {
  const Type& type = state_.sema.type_of(&t);
  std::vector<Val> parts;
  for (const Expr* e : t.elements) parts.push_back(expr(*e));
  llvm::Value* buf = buffer(std::max<uint32_t>(8, type.byte_size()), /*zeroed=*/true);
  runtime::ValueLayout layout = layout_of(type);
  for (size_t i = 0; i < parts.size(); ++i) store_value(buf, parts[i], layout.elements[i]);
  return {buf, type};
}

llvm::Value* ProgramEmitter::probe_read(llvm::Value* dst, uint32_t bytes, llvm::Value* src, bool user,
                                        SourceRange where) {
  return probe_read(dst, builder_.getInt32(bytes), src, user, where);
}

llvm::Value* ProgramEmitter::probe_read(llvm::Value* dst, llvm::Value* bytes, llvm::Value* src, bool user,
                                        SourceRange where) {
  llvm::Value* result =
      call_helper(user ? BPF_FUNC_probe_read_user : BPF_FUNC_probe_read_kernel, i64_type(), {dst, bytes, src});
  check_helper(result, user ? "probe_read_user" : "probe_read_kernel", where);
  return result;
}

void ProgramEmitter::check_helper(llvm::Value* result, const char* helper, SourceRange where, uint32_t level) {
  if (state_.sema.helper_warnings < level) return;
  CodegenState& s = state_;
  auto id = static_cast<uint32_t>(s.artifact.warnings.size());
  s.artifact.warnings.push_back({helper, s.module.position(where), s.module.source_line(where)});
  if_then(builder_.CreateICmpSLT(result, i64(0)), [&] {
    emit_event(*this, sizeof(runtime::EventHeader) + 8, [&](llvm::Value* record) {
      store_header(*this, record, runtime::EventType::Warning, builder_.getInt32(id));
      store64(*this, result, record, sizeof(runtime::EventHeader));
    });
  });
}

namespace {

// Extends an integer loaded at its own width to our 64-bit representation.
llvm::Value* widen(llvm::IRBuilder<>& b, llvm::Value* raw, const Type& t) {
  if (raw->getType()->getIntegerBitWidth() == 64) return raw;
  return t.is_signed ? b.CreateSExt(raw, b.getInt64Ty()) : b.CreateZExt(raw, b.getInt64Ty());
}

}  // namespace

Val ProgramEmitter::read_memory(llvm::Value* address, const Type& type, bool user, SourceRange where) {
  llvm::Value* src = address->getType()->isPointerTy() ? address : builder_.CreateIntToPtr(address, ptr_type());
  switch (type.kind) {
    case TypeKind::Struct:
      return {address->getType()->isPointerTy() ? builder_.CreatePtrToInt(address, i64_type()) : address, type};
    case TypeKind::Int: {
      llvm::Value* slot = buffer(8, true);
      probe_read(slot, type.native_size(), src, user, where);
      llvm::Value* raw = builder_.CreateAlignedLoad(builder_.getIntNTy(type.native_size() * 8), slot, llvm::MaybeAlign(8));
      return {widen(builder_, raw, type), type};
    }
    case TypeKind::Pointer: {
      llvm::Value* slot = buffer(8, true);
      probe_read(slot, 8, src, user, where);
      return {builder_.CreateLoad(i64_type(), slot), type};
    }
    case TypeKind::String:
    case TypeKind::Array: {
      uint32_t bytes = type.kind == TypeKind::String ? type.size : type.native_size();
      llvm::Value* slot = buffer(bytes, true);
      probe_read(slot, bytes, src, user, where);
      return {slot, type};
    }
    default:
      return {i64(0), type};
  }
}

Val ProgramEmitter::deref_value(const Unary& u) {
  Val p = expr(*u.operand);
  const Type& type = state_.sema.type_of(&u);
  if (p.type.is_int()) return read_memory(p.v, type, plan_.provider->user_space(), u.loc);  // *addr: a u64
  Type pointee = type;
  return read_memory(p.v, pointee, p.type.user, u.loc);
}

Val ProgramEmitter::member_value(const FieldAccess& f, const StructMemberRef& ref) {
  Val base = expr(*f.base);
  const Type& type = state_.sema.type_of(&f);
  llvm::Value* address = state_.core->member_address(builder_, builder_.CreateIntToPtr(base.v, ptr_type()), ref);
  return read_memory(address, type, ref.field.type.user || base.type.user, f.loc);
}

Val ProgramEmitter::cast_value(const CastExpr& c) {
  Val v = expr(*c.operand);
  const Type& to = state_.sema.type_of(&c);
  switch (to.kind) {
    case TypeKind::Int: {
      if (v.type.is_array()) {
        llvm::Value* raw = builder_.CreateAlignedLoad(builder_.getIntNTy(to.bits), v.v, llvm::MaybeAlign(1));
        return {widen(builder_, raw, to), to};
      }
      if (to.boolean) return {builder_.CreateZExt(is_true(v.v), i64_type()), to};
      if (to.bits == 64) return {v.v, to};
      return {widen(builder_, builder_.CreateTrunc(v.v, builder_.getIntNTy(to.bits)), to), to};
    }
    case TypeKind::Array: {
      if (v.type.is_array()) return {v.v, to};
      llvm::Value* buf = buffer(std::max<uint32_t>(8, to.native_size()), true);
      builder_.CreateAlignedStore(builder_.CreateTrunc(v.v, builder_.getIntNTy(to.native_size() * 8)), buf,
                                  llvm::MaybeAlign(8));
      return {buf, to};
    }
    default:
      return {v.v, to};
  }
}

Val ProgramEmitter::index_value(const IndexExpr& x) {
  const Type& type = state_.sema.type_of(&x);
  Val base = expr(*x.base);
  if (base.type.is_tuple()) return element(base, static_cast<size_t>(state_.sema.constants.at(x.id).integer));
  Val index = expr(*x.index);
  const Type& element_type = base.type.inner();
  uint32_t size = element_type.kind == TypeKind::Struct ? element_type.size : element_type.native_size();
  if (base.type.is_pointer()) {
    llvm::Value* address = builder_.CreateAdd(base.v, builder_.CreateMul(index.v, i64(size)));
    return read_memory(address, type, base.type.user, x.loc);
  }
  // An array in a buffer: load in place. A run-time index is checked
  // against the length (the verifier needs the bound); outside it, 0.
  auto load = [&](llvm::Value* where, uint32_t align) -> Val {
    if (element_type.is_array()) return {where, element_type};
    llvm::Value* raw = builder_.CreateAlignedLoad(builder_.getIntNTy(size * 8), where, llvm::MaybeAlign(align));
    return {widen(builder_, raw, element_type), element_type};
  };
  if (const auto* literal = dyn_cast<IntegerLiteral>(x.index)) {
    uint32_t offset = static_cast<uint32_t>(literal->value) * size;
    return load(at_offset(base.v, offset), std::min<uint32_t>(alignment_of(offset), std::max<uint32_t>(1, size)));
  }
  llvm::Value* in_bounds = builder_.CreateICmpULT(index.v, i64(base.type.size));
  uint32_t align = std::min<uint32_t>(8, std::max<uint32_t>(1, size & -size));
  if (element_type.is_array()) {
    llvm::Value* out = buffer(size, true);
    if_then(in_bounds, [&] {
      copy(out, builder_.CreateGEP(builder_.getInt8Ty(), base.v, builder_.CreateMul(index.v, i64(size))), size, 8,
           align);
    });
    return {out, element_type};
  }
  llvm::Value* result = buffer(8, false);
  builder_.CreateStore(i64(0), result);
  if_then(in_bounds, [&] {
    llvm::Value* where = builder_.CreateGEP(builder_.getInt8Ty(), base.v, builder_.CreateMul(index.v, i64(size)));
    builder_.CreateStore(load(where, align).v, result);
  });
  return {builder_.CreateLoad(i64_type(), result), element_type};
}

Val ProgramEmitter::pointer_arithmetic(const Binary& e, const Val& l, const Val& r) {
  const Type& type = state_.sema.type_of(&e);
  const Type& pointer = l.type.is_pointer() ? l.type : r.type;
  const Type& pointee = pointer.inner();
  uint64_t size = pointee.kind == TypeKind::Void ? 1 : pointee.kind == TypeKind::Struct ? pointee.size : pointee.native_size();
  if (size == 0) size = 1;
  if (l.type.is_pointer() && r.type.is_pointer()) {
    llvm::Value* bytes = builder_.CreateSub(l.v, r.v);
    if ((size & (size - 1)) == 0) {
      uint64_t shift = 0;
      while ((1ull << shift) < size) ++shift;
      return {builder_.CreateAShr(bytes, i64(shift)), type};
    }
    return {divide(bytes, i64(size), true, false).v, type};
  }
  const Val& p = l.type.is_pointer() ? l : r;
  const Val& n = l.type.is_pointer() ? r : l;
  llvm::Value* offset = builder_.CreateMul(n.v, i64(size));
  return {e.op == BinaryOp::Sub ? builder_.CreateSub(p.v, offset) : builder_.CreateAdd(p.v, offset), type};
}

llvm::Value* ProgramEmitter::bytes_equal(llvm::Value* a, llvm::Value* b, uint32_t bytes) {
  // Branch-free: OR together the XOR of every byte pair.
  llvm::Value* diff = builder_.getInt8(0);
  for (uint32_t i = 0; i < bytes; ++i) {
    llvm::Value* x = builder_.CreateLoad(builder_.getInt8Ty(), at_offset(a, i));
    llvm::Value* y = builder_.CreateLoad(builder_.getInt8Ty(), at_offset(b, i));
    diff = builder_.CreateOr(diff, builder_.CreateXor(x, y));
  }
  return builder_.CreateICmpEQ(diff, builder_.getInt8(0));
}

llvm::Value* ProgramEmitter::equal(const Val& a, const Val& b) {
  if (a.type.is_string()) return is_true(string_equal(a, b, nullptr, nullptr).v);
  if (a.type.is_array()) return bytes_equal(a.v, b.v, a.type.native_size());
  if (a.type.is_tuple()) {
    llvm::Value* all = builder_.getTrue();
    for (size_t i = 0; i < a.type.elements.size(); ++i) all = builder_.CreateAnd(all, equal(element(a, i), element(b, i)));
    return all;
  }
  return builder_.CreateICmpEQ(a.v, b.v);
}

}  // namespace stratoshark::codegen
