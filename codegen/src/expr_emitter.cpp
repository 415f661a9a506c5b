// ProgramEmitter: expressions.
#include <fmt/format.h>

#include "layout.h"
#include "packet_emitter.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

Val ProgramEmitter::expr(const Expr& e) {
  // Instructions carry the position of the expression they compute (BTF line
  // info: for -d asm and verifier errors), then the enclosing one again.
  Val v;
  at_location(e.loc, [&] { v = expr_here(e); });
  return v;
}

void ProgramEmitter::at_location(SourceRange where, const std::function<void()>& emit) {
  llvm::DebugLoc outer = builder_.getCurrentDebugLocation();
  lang::SourceRange outer_range = current_range_;
  set_location(where);
  emit();
  builder_.SetCurrentDebugLocation(outer);
  current_range_ = outer_range;
}

Val ProgramEmitter::expr_here(const Expr& e) {
  const Type& type = state_.sema.type_of(&e);
  switch (e.kind) {
    case NodeKind::Integer:
      return {i64(cast<IntegerLiteral>(&e)->value), type};
    case NodeKind::String: {
      llvm::Value* buf = buffer(type.size, false);
      store_string_literal(buf, cast<StringLiteral>(&e)->value, type.size);
      return {buf, type};
    }
    case NodeKind::Identifier:
      if (auto it = state_.sema.packet.find(e.id); it != state_.sema.packet.end()) return packet().layer(it->second);
      return emit_builtin(*this, *cast<Identifier>(&e), state_.sema.builtins.at(e.id));
    case NodeKind::PacketLayer:
      return packet().layer(state_.sema.packet.at(e.id));
    case NodeKind::PacketLoad:
      return packet().load(*cast<PacketLoad>(&e));
    case NodeKind::ProtoChain:
      return packet().protochain(*cast<ProtoChain>(&e));
    case NodeKind::AddressMatch: {
      const auto& m = *cast<AddressMatch>(&e);
      return packet().address_match(m, state_.sema.packet.at(m.field->id));
    }
    case NodeKind::Variable:
      return variable(*cast<Variable>(&e));
    case NodeKind::BlockExpr:
      return expansion(*cast<BlockExpr>(&e));
    case NodeKind::Positional:
      return positional(*cast<Positional>(&e));
    case NodeKind::Map:
      return map_read(*cast<MapRef>(&e));
    case NodeKind::Call: {
      const auto& call = *cast<Call>(&e);
      return emit_function(*this, call, state_.sema.functions.at(call.id), nullptr);
    }
    case NodeKind::Binary:
      return binary(*cast<Binary>(&e));
    case NodeKind::Unary: {
      const auto& u = *cast<Unary>(&e);
      if (u.op == UnaryOp::Deref) return deref_value(u);
      Val v = expr(*u.operand);
      switch (u.op) {
        case UnaryOp::Deref:
        case UnaryOp::AddressOf: return v;  // Deref above; & is refused by the type checker
        case UnaryOp::Neg: return {builder_.CreateNeg(v.v), type};
        case UnaryOp::BitNot: return {builder_.CreateNot(v.v), type};
        case UnaryOp::Not: return {builder_.CreateZExt(builder_.CreateICmpEQ(v.v, i64(0)), i64_type()), type};
      }
      return v;
    }
    case NodeKind::Ternary:
      return ternary(*cast<Ternary>(&e));
    case NodeKind::FieldAccess: {
      if (auto it = state_.sema.packet.find(e.id); it != state_.sema.packet.end()) return packet().field(it->second);
      const auto& f = *cast<FieldAccess>(&e);
      if (auto it = state_.sema.members.find(e.id); it != state_.sema.members.end()) return member_value(f, it->second);
      if (state_.sema.type_of(f.base).is_tuple()) return element(expr(*f.base), std::stoul(f.field));
      return field(f);
    }
    case NodeKind::Bool:
      return {i64(cast<BoolLiteral>(&e)->value ? 1 : 0), type};
    case NodeKind::Tuple:
      return tuple_value(*cast<TupleExpr>(&e));
    case NodeKind::Cast:
      return cast_value(*cast<CastExpr>(&e));
    case NodeKind::Index:
      return index_value(*cast<IndexExpr>(&e));
    case NodeKind::Sizeof:
    case NodeKind::Offsetof:
      return {i64(static_cast<uint64_t>(state_.sema.constants.at(e.id).integer)), type};
    default:
      return {i64(0), type};
  }
}

Val ProgramEmitter::variable(const Variable& v) {
  const Type& type = state_.sema.variables.at(probe_.index).at(v.name);
  llvm::Value* slot = variables_.at(v.name);
  if (type.by_reference()) return {slot, type};
  return {builder_.CreateLoad(i64_type(), slot), type};
}

Val ProgramEmitter::map_read(const MapRef& m) {
  const Type& type = state_.sema.type_of(&m);
  MapHandle& handle = map(m.name);
  llvm::Value* key = map_key(m);
  llvm::Value* slot = lookup(handle, key);
  if (type.by_reference()) {
    uint32_t bytes = std::min(type.byte_size(), handle.spec->value_size);
    llvm::Value* buf = buffer(type.byte_size(), true);
    if_then(builder_.CreateIsNotNull(slot), [&] { copy(buf, slot, bytes); });
    return {buf, type};
  }
  llvm::Value* result = buffer(8, false);
  builder_.CreateStore(i64(0), result);
  if_then(builder_.CreateIsNotNull(slot), [&] { builder_.CreateStore(builder_.CreateLoad(i64_type(), slot), result); });
  return {builder_.CreateLoad(i64_type(), result), type};
}

Val ProgramEmitter::binary(const Binary& e) {
  if (e.op == BinaryOp::LogAnd || e.op == BinaryOp::LogOr) return logical(e);
  const Type& type = state_.sema.type_of(&e);
  Val l = expr(*e.lhs);
  Val r = expr(*e.rhs);
  if (l.type.is_string()) {
    Val eq = string_equal(l, r, e.lhs, e.rhs);
    if (e.op == BinaryOp::Ne) eq.v = builder_.CreateXor(eq.v, i64(1));
    return {eq.v, type};
  }
  if (l.type.is_array() || l.type.is_tuple()) {
    llvm::Value* same = equal(l, r);
    if (e.op == BinaryOp::Ne) same = builder_.CreateNot(same);
    return {builder_.CreateZExt(same, i64_type()), type};
  }
  if ((l.type.is_pointer() || r.type.is_pointer()) && (e.op == BinaryOp::Add || e.op == BinaryOp::Sub)) {
    return pointer_arithmetic(e, l, r);
  }
  bool both_signed = l.type.is_signed && r.type.is_signed;
  bool any_signed = l.type.is_signed || r.type.is_signed;
  auto compare = [&](llvm::CmpInst::Predicate s, llvm::CmpInst::Predicate u) {
    return Val{builder_.CreateZExt(builder_.CreateICmp(both_signed ? s : u, l.v, r.v), i64_type()), type};
  };
  switch (e.op) {
    case BinaryOp::Add: return {builder_.CreateAdd(l.v, r.v), type};
    case BinaryOp::Sub: return {builder_.CreateSub(l.v, r.v), type};
    case BinaryOp::Mul: return {builder_.CreateMul(l.v, r.v), type};
    case BinaryOp::Div:
    case BinaryOp::Mod: {
      // A literal that is not negative takes the other operand's signedness
      // (as C's conversions do for uint64 and int64 operands): `elapsed /
      // 1000000` is one unsigned division, not the signed sequence.
      bool is_signed = (l.type.is_signed && !nonnegative_literal(e.lhs)) || (r.type.is_signed && !nonnegative_literal(e.rhs));
      Val q = divide(l.v, r.v, is_signed, e.op == BinaryOp::Mod);
      q.type = Type::integer(64, any_signed);
      return q;
    }
    case BinaryOp::BitAnd: return {builder_.CreateAnd(l.v, r.v), type};
    case BinaryOp::BitOr: return {builder_.CreateOr(l.v, r.v), type};
    case BinaryOp::BitXor: return {builder_.CreateXor(l.v, r.v), type};
    case BinaryOp::Shl: return {builder_.CreateShl(l.v, r.v), type};
    case BinaryOp::Shr: return {l.type.is_signed ? builder_.CreateAShr(l.v, r.v) : builder_.CreateLShr(l.v, r.v), type};
    case BinaryOp::Lt: return compare(llvm::CmpInst::ICMP_SLT, llvm::CmpInst::ICMP_ULT);
    case BinaryOp::Gt: return compare(llvm::CmpInst::ICMP_SGT, llvm::CmpInst::ICMP_UGT);
    case BinaryOp::Le: return compare(llvm::CmpInst::ICMP_SLE, llvm::CmpInst::ICMP_ULE);
    case BinaryOp::Ge: return compare(llvm::CmpInst::ICMP_SGE, llvm::CmpInst::ICMP_UGE);
    case BinaryOp::Eq: return compare(llvm::CmpInst::ICMP_EQ, llvm::CmpInst::ICMP_EQ);
    case BinaryOp::Ne: return compare(llvm::CmpInst::ICMP_NE, llvm::CmpInst::ICMP_NE);
    default: return {i64(0), type};
  }
}

bool nonnegative_literal(const Expr* x) {
  const auto* literal = dyn_cast<IntegerLiteral>(x);
  return literal != nullptr && literal->value <= static_cast<uint64_t>(INT64_MAX);
}

Val ProgramEmitter::divide(llvm::Value* l, llvm::Value* r, bool is_signed, bool remainder) {
  Type type = Type::integer(64, is_signed);
  // BPF returns 0 for x / 0 (and x for x % 0); LLVM calls that undefined, so
  // guard the divisor and produce the kernel's answer ourselves.
  llvm::Value* result = buffer(8, false);
  builder_.CreateStore(remainder ? l : i64(0), result);
  if_then(is_true(r), [&] {
    llvm::Value* v;
    if (!is_signed) {
      v = remainder ? builder_.CreateURem(l, r) : builder_.CreateUDiv(l, r);
    } else {
      // ISA v3 has no signed division: divide magnitudes, then fix the sign
      // (C semantics: the quotient truncates toward zero, the remainder takes
      // the dividend's sign).
      llvm::Value* l_neg = builder_.CreateICmpSLT(l, i64(0));
      llvm::Value* r_neg = builder_.CreateICmpSLT(r, i64(0));
      llvm::Value* l_abs = builder_.CreateSelect(l_neg, builder_.CreateNeg(l), l);
      llvm::Value* r_abs = builder_.CreateSelect(r_neg, builder_.CreateNeg(r), r);
      if (remainder) {
        llvm::Value* m = builder_.CreateURem(l_abs, r_abs);
        v = builder_.CreateSelect(l_neg, builder_.CreateNeg(m), m);
      } else {
        llvm::Value* q = builder_.CreateUDiv(l_abs, r_abs);
        v = builder_.CreateSelect(builder_.CreateXor(l_neg, r_neg), builder_.CreateNeg(q), q);
      }
    }
    builder_.CreateStore(v, result);
  });
  return {builder_.CreateLoad(i64_type(), result), type};
}

Val ProgramEmitter::logical(const Binary& e) {
  const Type& type = state_.sema.type_of(&e);
  llvm::Value* result = temporary();
  Val l = expr(*e.lhs);
  llvm::Value* l_true = is_true(l.v);
  builder_.CreateStore(builder_.CreateZExt(l_true, i64_type()), result);
  // && evaluates the right side only when the left is true; || only when false.
  llvm::Value* need_rhs = e.op == BinaryOp::LogAnd ? l_true : builder_.CreateNot(l_true);
  if_then(need_rhs, [&] {
    Val r = expr(*e.rhs);
    builder_.CreateStore(builder_.CreateZExt(is_true(r.v), i64_type()), result);
  });
  return {builder_.CreateLoad(i64_type(), result), type};
}

Val ProgramEmitter::string_equal(const Val& a, const Val& b, const Expr* lhs, const Expr* rhs) {
  // C semantics over bounded buffers: equal when the bytes agree up to and
  // including the first NUL. A literal operand is compared as constants.
  auto& ctx = llvm_context();
  llvm::Value* result = buffer(8, false);
  builder_.CreateStore(i64(0), result);
  auto* done = llvm::BasicBlock::Create(ctx, "streq.done", function_);
  auto* equal = llvm::BasicBlock::Create(ctx, "streq.equal", function_);

  const std::string* literal = nullptr;
  const Val* other = &a;
  if (const auto* l = dyn_cast<StringLiteral>(rhs)) {
    literal = &l->value;
  } else if (const auto* l2 = dyn_cast<StringLiteral>(lhs)) {
    literal = &l2->value;
    other = &b;
  }
  auto byte_of = [&](const Val& v, uint32_t i) -> llvm::Value* {
    if (literal != nullptr && &v != other) {
      return builder_.getInt8(i < literal->size() ? static_cast<uint8_t>((*literal)[i]) : 0);
    }
    return builder_.CreateLoad(builder_.getInt8Ty(), at_offset(v.v, i));
  };
  uint32_t n = std::min(a.type.size, b.type.size);
  bool terminated = false;
  for (uint32_t i = 0; i < n; ++i) {
    llvm::Value* x = byte_of(a, i);
    llvm::Value* y = byte_of(b, i);
    auto* next = llvm::BasicBlock::Create(ctx, "streq.next", function_);
    if (literal != nullptr) {
      uint8_t c = i < literal->size() ? static_cast<uint8_t>((*literal)[i]) : 0;
      llvm::Value* same = builder_.CreateICmpEQ(x, y);
      if (c == 0) {
        builder_.CreateCondBr(same, equal, done);
        next->eraseFromParent();
        terminated = true;
        break;
      }
      builder_.CreateCondBr(same, next, done);
    } else {
      auto* check_end = llvm::BasicBlock::Create(ctx, "streq.nul", function_);
      builder_.CreateCondBr(builder_.CreateICmpEQ(x, y), check_end, done);
      builder_.SetInsertPoint(check_end);
      builder_.CreateCondBr(builder_.CreateICmpEQ(x, builder_.getInt8(0)), equal, next);
    }
    builder_.SetInsertPoint(next);
  }
  if (!terminated) {
    if (a.type.size == b.type.size) {
      builder_.CreateBr(equal);
    } else {
      // The shorter buffer ended without a NUL: equal when the longer ends here.
      const Val& longer = a.type.size > b.type.size ? a : b;
      llvm::Value* end = byte_of(longer, n);
      builder_.CreateCondBr(builder_.CreateICmpEQ(end, builder_.getInt8(0)), equal, done);
    }
  }
  builder_.SetInsertPoint(equal);
  builder_.CreateStore(i64(1), result);
  builder_.CreateBr(done);
  done->moveAfter(equal);
  builder_.SetInsertPoint(done);
  return {builder_.CreateLoad(i64_type(), result), Type::u64()};
}

Val ProgramEmitter::ternary(const Ternary& e) {
  const Type& type = state_.sema.type_of(&e);
  Val c = expr(*e.cond);
  if (type.by_reference()) {
    llvm::Value* buf = buffer(type.byte_size(), true);
    runtime::ValueLayout layout = layout_of(type);
    if_then(
        is_true(c.v), [&] { store_value(buf, expr(*e.then_expr), layout); },
        [&] { store_value(buf, expr(*e.else_expr), layout); });
    return {buf, type};
  }
  llvm::Value* result = temporary();
  if_then(
      is_true(c.v), [&] { builder_.CreateStore(expr(*e.then_expr).v, result); },
      [&] { builder_.CreateStore(expr(*e.else_expr).v, result); });
  return {builder_.CreateLoad(i64_type(), result), type};
}

StringWriter ProgramEmitter::field_writer(const FieldAccess& f, uint32_t capacity) {
  const SemaResult& sema = state_.sema;
  if (sema.packet.count(f.id) != 0 || sema.members.count(f.id) != 0 || sema.type_of(f.base).is_tuple()) return {};
  if (plan_.args.count(f.field) == 0) return {};
  const Type& type = state_.sema.type_of(&f);
  const TracepointField& layout = plan_.args.at(f.field);
  if (!type.is_string()) return {};
  uint32_t limit = std::min(type.size, capacity);
  if (layout.data_loc) {
    // __data_loc: u32 at the field holding (length << 16 | offset into the
    // record). The helper NUL-terminates (and clears on failure).
    return [this, offset = layout.offset, limit](llvm::Value* dst) {
      llvm::Value* loc = builder_.CreateLoad(builder_.getInt32Ty(), at_offset(ctx_, offset));
      llvm::Value* start = builder_.CreateZExt(builder_.CreateAnd(loc, builder_.getInt32(0xffff)), i64_type());
      llvm::Value* src = builder_.CreateGEP(builder_.getInt8Ty(), ctx_, start);
      call_helper(BPF_FUNC_probe_read_kernel_str, i64_type(), {dst, builder_.getInt32(limit), src});
    };
  }
  // A char array: copied whole, which must fill the destination.
  if (std::min(limit, layout.size) != capacity) return {};
  return [this, offset = layout.offset, capacity](llvm::Value* dst) { copy_field(dst, offset, capacity); };
}

void ProgramEmitter::copy_field(llvm::Value* dst, uint32_t offset, uint32_t bytes) {
  // A tracepoint's record is readable in place, in loads aligned to their
  // size (as the verifier wants): the widest that fit, at most 8 bytes.
  std::vector<uint32_t> chunks;
  for (uint32_t done = 0; done < bytes; done += chunks.back()) {
    uint32_t size = 8;
    while (size > 1 && ((offset + done) % size != 0 || done % size != 0 || bytes - done < size)) size /= 2;
    chunks.push_back(size);
  }
  // A load and a store per chunk; the helper call takes about 6 instructions.
  if (plan_.provider->program_type() != ProgramType::Tracepoint || chunks.size() > 3) {
    call_helper(BPF_FUNC_probe_read_kernel, i64_type(), {dst, builder_.getInt32(bytes), at_offset(ctx_, offset)});
    return;
  }
  uint32_t done = 0;
  for (uint32_t size : chunks) {
    llvm::Type* type = builder_.getIntNTy(size * 8);
    llvm::Value* v = builder_.CreateAlignedLoad(type, at_offset(ctx_, offset + done), llvm::MaybeAlign(size));
    builder_.CreateAlignedStore(v, at_offset(dst, done), llvm::MaybeAlign(size));
    done += size;
  }
}

Val ProgramEmitter::field(const FieldAccess& f) {
  // Only `args.NAME` reaches here (the type checker guarantees it).
  const Type& type = state_.sema.type_of(&f);
  const TracepointField& layout = plan_.args.at(f.field);
  if (layout.data_loc) {
    // Zeroed: the value may become a map key or be compared, byte for byte.
    llvm::Value* buf = buffer(type.size, true);
    field_writer(f, type.size)(buf);
    return {buf, type};
  }
  if (type.is_string() || type.is_array()) {
    uint32_t bytes = type.is_string() ? type.size : type.native_size();
    uint32_t copied = std::min(bytes, layout.size);
    llvm::Value* buf = buffer(bytes, copied < bytes);
    copy_field(buf, layout.offset, copied);
    return {buf, type};
  }
  // Tracepoint records are readable in place (ctx is the record). The type
  // may be narrower than the slot ("int dfd; size:8"): little-endian, so the
  // value's bytes start at the slot's offset.
  uint32_t bytes = type.bits / 8;
  llvm::Type* int_type = builder_.getIntNTy(type.bits);
  llvm::Value* raw;
  if (plan_.provider->program_type() == ProgramType::Tracing) {
    // fentry/fexit arguments are u64 slots; the verifier wants whole-slot loads.
    raw = builder_.CreateAlignedLoad(i64_type(), at_offset(ctx_, layout.offset), llvm::MaybeAlign(8));
    if (type.bits < 64) raw = builder_.CreateTrunc(raw, int_type);
  } else {
    raw = builder_.CreateAlignedLoad(int_type, at_offset(ctx_, layout.offset), llvm::MaybeAlign(bytes));
  }
  llvm::Value* wide = type.is_signed ? builder_.CreateSExt(raw, i64_type()) : builder_.CreateZExt(raw, i64_type());
  return {wide, type};
}

}  // namespace stratoshark::codegen
