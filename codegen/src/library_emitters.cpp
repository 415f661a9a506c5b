// Code for buf, strncmp, strcontains, time, strftime, join, cat, cgroupid,
// reg, kaddr, uaddr, ksym, usym, kstack and ustack.
#include "library_emitters.h"

#include "map_function_emitters.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

uint64_t constant(ProgramEmitter& e, const Call& call) {
  return static_cast<uint64_t>(e.state().sema.constants.at(call.id).integer);
}

constexpr uint32_t kRegisterIp = 128;  // pt_regs offsets (x86-64)

}  // namespace

llvm::Value* emit_register(ProgramEmitter& e, uint32_t offset) {
  return e.b().CreateAlignedLoad(e.i64_type(), e.at_offset(e.ctx(), offset), llvm::MaybeAlign(8));
}

// {u64 length, bytes}: n bytes at a pointer, or an array's or a string's bytes.
Val emit_Buf(ProgramEmitter& e, const Call& call, MapTarget*) {
  const Type& type = e.state().sema.type_of(&call);
  Val source = e.expr(*call.args[0]);
  llvm::Value* length = e.i64(type.size);
  if (call.args.size() > 1 && !isa<IntegerLiteral>(call.args[1])) {
    llvm::Value* n = e.expr(*call.args[1]).v;
    length = e.b().CreateSelect(e.b().CreateICmpUGT(n, e.i64(type.size)), e.i64(type.size), n);
  }
  llvm::Value* buf = e.buffer(type.byte_size(), true);
  llvm::Value* data = e.at_offset(buf, 8);
  if (source.type.is_array() || source.type.is_string()) {
    e.copy(data, source.v, type.size, 8, source.type.alignment());
  } else {
    e.probe_read(data, e.b().CreateTrunc(length, e.b().getInt32Ty()), e.b().CreateIntToPtr(source.v, e.ptr_type()),
                 source.type.user, call.loc);
  }
  store64(e, length, buf, 0);
  return {buf, type};
}

// 0 when the first n bytes agree (stopping at a NUL both have), else 1.
Val emit_Strncmp(ProgramEmitter& e, const Call& call, MapTarget*) {
  Val a = e.expr(*call.args[0]);
  Val b = e.expr(*call.args[1]);
  uint64_t n = std::min<uint64_t>({constant(e, call), a.type.size, b.type.size});
  auto& ctx = e.llvm_context();
  llvm::Function* f = e.function();
  llvm::Value* result = e.buffer(8, false);
  e.b().CreateStore(e.i64(1), result);
  auto* equal = llvm::BasicBlock::Create(ctx, "strncmp.equal", f);
  auto* done = llvm::BasicBlock::Create(ctx, "strncmp.done", f);
  for (uint64_t i = 0; i < n; ++i) {
    llvm::Value* x = e.b().CreateLoad(e.b().getInt8Ty(), e.at_offset(a.v, static_cast<uint32_t>(i)));
    llvm::Value* y = e.b().CreateLoad(e.b().getInt8Ty(), e.at_offset(b.v, static_cast<uint32_t>(i)));
    auto* same = llvm::BasicBlock::Create(ctx, "strncmp.same", f);
    auto* next = llvm::BasicBlock::Create(ctx, "strncmp.next", f);
    e.b().CreateCondBr(e.b().CreateICmpEQ(x, y), same, done);
    e.b().SetInsertPoint(same);
    e.b().CreateCondBr(e.b().CreateICmpEQ(x, e.b().getInt8(0)), equal, next);
    e.b().SetInsertPoint(next);
  }
  e.b().CreateBr(equal);
  e.b().SetInsertPoint(equal);
  e.b().CreateStore(e.i64(0), result);
  e.b().CreateBr(done);
  done->moveAfter(equal);
  e.b().SetInsertPoint(done);
  return {e.b().CreateLoad(e.i64_type(), result), Type::i64()};
}

// A bounded loop over the haystack's starting positions; at each, the
// needle's bytes (unrolled) until its NUL (found) or a mismatch.
Val emit_Strcontains(ProgramEmitter& e, const Call& call, MapTarget*) {
  Val haystack = e.expr(*call.args[0]);
  Val needle = e.expr(*call.args[1]);
  const auto* literal = dyn_cast<StringLiteral>(call.args[1]);
  uint32_t hay = haystack.type.size;
  uint32_t need = literal != nullptr ? static_cast<uint32_t>(literal->value.size()) : needle.type.size - 1;
  auto& ctx = e.llvm_context();
  llvm::Function* f = e.function();
  llvm::Value* found = e.buffer(8, false);
  e.b().CreateStore(e.i64(literal != nullptr && literal->value.empty() ? 1 : 0), found);
  if (literal != nullptr && literal->value.empty()) return {e.b().CreateLoad(e.i64_type(), found), Type::boolean_type()};
  e.counted_loop(hay, [&](llvm::Value* i) {
    auto* fail = llvm::BasicBlock::Create(ctx, "strstr.fail", f);
    auto* hit = llvm::BasicBlock::Create(ctx, "strstr.hit", f);
    // The haystack ended: the needle is not in it (an empty needle matched before).
    llvm::Value* at_i = e.b().CreateLoad(e.b().getInt8Ty(), e.b().CreateGEP(e.b().getInt8Ty(), haystack.v, i));
    auto* compare = llvm::BasicBlock::Create(ctx, "strstr.compare", f);
    if (literal != nullptr) {
      e.b().CreateCondBr(e.b().CreateICmpEQ(at_i, e.b().getInt8(0)), e.loop_exit(), compare);
    } else {
      llvm::Value* first = e.b().CreateLoad(e.b().getInt8Ty(), needle.v);
      auto* not_empty = llvm::BasicBlock::Create(ctx, "strstr.needle", f);
      e.b().CreateCondBr(e.b().CreateICmpEQ(first, e.b().getInt8(0)), hit, not_empty);
      e.b().SetInsertPoint(not_empty);
      e.b().CreateCondBr(e.b().CreateICmpEQ(at_i, e.b().getInt8(0)), e.loop_exit(), compare);
    }
    e.b().SetInsertPoint(compare);
    for (uint32_t j = 0; j < need; ++j) {
      llvm::Value* c = literal != nullptr
                           ? static_cast<llvm::Value*>(e.b().getInt8(static_cast<uint8_t>(literal->value[j])))
                           : static_cast<llvm::Value*>(e.b().CreateLoad(e.b().getInt8Ty(), e.at_offset(needle.v, j)));
      auto* check = llvm::BasicBlock::Create(ctx, "strstr.byte", f);
      if (literal == nullptr) {
        // The needle's NUL: every byte before it matched.
        e.b().CreateCondBr(e.b().CreateICmpEQ(c, e.b().getInt8(0)), hit, check);
        e.b().SetInsertPoint(check);
        check = llvm::BasicBlock::Create(ctx, "strstr.byte", f);
      }
      llvm::Value* pos = e.b().CreateAdd(i, e.i64(j));
      auto* inside = llvm::BasicBlock::Create(ctx, "strstr.inside", f);
      e.b().CreateCondBr(e.b().CreateICmpULT(pos, e.i64(hay)), inside, fail);
      e.b().SetInsertPoint(inside);
      llvm::Value* h = e.b().CreateLoad(e.b().getInt8Ty(), e.b().CreateGEP(e.b().getInt8Ty(), haystack.v, pos));
      e.b().CreateCondBr(e.b().CreateICmpEQ(h, c), check, fail);
      e.b().SetInsertPoint(check);
    }
    e.b().CreateBr(hit);
    e.b().SetInsertPoint(hit);
    e.b().CreateStore(e.i64(1), found);
    e.b().CreateBr(e.loop_exit());
    e.b().SetInsertPoint(fail);
  });
  return {e.b().CreateLoad(e.i64_type(), found), Type::boolean_type()};
}

Val emit_Time(ProgramEmitter& e, const Call& call, MapTarget*) {
  uint32_t format = static_cast<uint32_t>(constant(e, call));
  emit_event(e, sizeof(runtime::EventHeader), [&](llvm::Value* record) {
    store_header(e, record, runtime::EventType::Time, e.b().getInt32(format));
  });
  return nothing();
}

Val emit_Strftime(ProgramEmitter& e, const Call& call, MapTarget*) {
  return {e.expr(*call.args[1]).v, e.state().sema.type_of(&call)};
}

// The strings of a NULL-terminated array, each in its slot of the event (an
// empty first slot byte ends the list).
Val emit_Join(ProgramEmitter& e, const Call& call, MapTarget*) {
  CodegenState& s = e.state();
  const ConstantValue& c = s.sema.constants.at(call.id);
  runtime::JoinSpec spec;  // 16 strings
  spec.separator = c.text;
  spec.size = static_cast<uint32_t>(c.integer);
  uint32_t id = static_cast<uint32_t>(s.artifact.joins.size());
  s.artifact.joins.push_back(spec);
  Val array = e.expr(*call.args[0]);
  bool user = array.type.is_pointer() ? array.type.user : e.plan().provider->user_space();
  bool strings_user = array.type.is_pointer() && array.type.inner().is_pointer() ? array.type.inner().user : user;
  uint32_t size = sizeof(runtime::EventHeader) + spec.count * spec.size;
  emit_event(e, size, [&](llvm::Value* record) {
    store_header(e, record, runtime::EventType::Join, e.b().getInt32(id));
    for (uint32_t i = 0; i < spec.count; ++i) {
      e.b().CreateStore(e.b().getInt8(0), e.at_offset(record, sizeof(runtime::EventHeader) + i * spec.size));
    }
    auto* done = llvm::BasicBlock::Create(e.llvm_context(), "join.done", e.function());
    llvm::Value* slot = e.buffer(8, false);
    for (uint32_t i = 0; i < spec.count; ++i) {
      e.b().CreateStore(e.i64(0), slot);
      llvm::Value* address = e.b().CreateAdd(array.v, e.i64(8ull * i));
      e.probe_read(slot, 8, e.b().CreateIntToPtr(address, e.ptr_type()), user, call.loc);
      llvm::Value* string = e.b().CreateLoad(e.i64_type(), slot);
      auto* next = llvm::BasicBlock::Create(e.llvm_context(), "join.next", e.function());
      e.b().CreateCondBr(e.b().CreateICmpEQ(string, e.i64(0)), done, next);
      e.b().SetInsertPoint(next);
      e.call_helper(strings_user ? BPF_FUNC_probe_read_user_str : BPF_FUNC_probe_read_kernel_str, e.i64_type(),
                    {e.at_offset(record, sizeof(runtime::EventHeader) + i * spec.size), e.b().getInt32(spec.size),
                     e.b().CreateIntToPtr(string, e.ptr_type())});
    }
    e.b().CreateBr(done);
    e.b().SetInsertPoint(done);
  });
  return nothing();
}

Val emit_Cat(ProgramEmitter& e, const Call& call, MapTarget*) {
  return emit_formatted(e, call, runtime::EventType::Cat);
}

Val emit_Cgroupid(ProgramEmitter& e, const Call& call, MapTarget*) { return {e.i64(constant(e, call)), Type::u64()}; }
Val emit_Kaddr(ProgramEmitter& e, const Call& call, MapTarget*) { return {e.i64(constant(e, call)), Type::u64()}; }

Val emit_Reg(ProgramEmitter& e, const Call& call, MapTarget*) {
  return {emit_register(e, static_cast<uint32_t>(constant(e, call))), Type::u64()};
}

// The symbol's file address, moved by the load address of the binary when
// the probe says where its function is (uprobe entry: ip - that address).
Val emit_Uaddr(ProgramEmitter& e, const Call& call, MapTarget*) {
  const UserAddress& address = e.state().sema.user_addresses.at(call.id);
  llvm::Value* value = e.i64(address.symbol);
  if (address.probed != 0) {
    llvm::Value* bias = e.b().CreateSub(emit_register(e, kRegisterIp), e.i64(address.probed));
    value = e.b().CreateAdd(value, bias);
  }
  return {value, e.state().sema.type_of(&call)};
}

namespace {
// {u64 address, u64 pid (user space) or 0}.
Val symbol_value(ProgramEmitter& e, const Call& call, bool user) {
  Val address = e.expr(*call.args[0]);
  llvm::Value* buf = e.buffer(16, true);
  store64(e, address.v, buf, 0);
  if (user) {
    llvm::Value* pid = e.b().CreateLShr(e.call_helper(BPF_FUNC_get_current_pid_tgid, e.i64_type(), {}), 32);
    store64(e, pid, buf, 8);
  }
  return {buf, Type::symbol(user)};
}
}  // namespace

Val emit_Ksym(ProgramEmitter& e, const Call& call, MapTarget*) { return symbol_value(e, call, false); }
Val emit_Usym(ProgramEmitter& e, const Call& call, MapTarget*) { return symbol_value(e, call, true); }

Val emit_stack(ProgramEmitter& e, const Type& type) {
  llvm::Value* map = e.stack_map(type.size);
  uint64_t flags = type.user ? BPF_F_USER_STACK : 0;
  llvm::Value* id = e.call_helper(BPF_FUNC_get_stackid, e.i64_type(), {e.ctx(), map, e.i64(flags)});
  llvm::Value* buf = e.buffer(16, true);
  store64(e, id, buf, 0);
  if (type.user) {
    llvm::Value* pid = e.b().CreateLShr(e.call_helper(BPF_FUNC_get_current_pid_tgid, e.i64_type(), {}), 32);
    store64(e, pid, buf, 8);
  }
  return {buf, type};
}

Val emit_KstackCall(ProgramEmitter& e, const Call& call, MapTarget*) {
  return emit_stack(e, e.state().sema.type_of(&call));
}
Val emit_UstackCall(ProgramEmitter& e, const Call& call, MapTarget*) {
  return emit_stack(e, e.state().sema.type_of(&call));
}

}  // namespace stratoshark::codegen
