// ProgramEmitter: program skeleton, statements, maps and shared helpers.
// Expressions are in expr_emitter.cpp.
#include "program_emitter.h"

#include <fmt/format.h>

#include "layout.h"
#include "stratoshark/lang/limits.h"
#include "stratoshark/lang/probes/provider.h"
#include "map_function_emitters.h"
#include "packet_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

std::string section_for(const ProgramPlan& plan) { return plan.provider->section(plan.targets.front()); }

// What a probe returns: socket filters 0 (we keep nothing on the socket;
// capture() copies what it needs), tc "no verdict" so the packet goes on to
// the next classifier, XDP_PASS.
int32_t return_code(ProgramType type) {
  switch (type) {
    case ProgramType::SchedCls: return -1;  // TC_ACT_UNSPEC / TCX_NEXT
    case ProgramType::Xdp: return 2;        // XDP_PASS
    default: return 0;
  }
}

bool is_aggregation(FunctionId id) {
  return id == FunctionId::Count || id == FunctionId::Sum || id == FunctionId::Min || id == FunctionId::Max ||
         id == FunctionId::Avg || id == FunctionId::Stats || id == FunctionId::Hist || id == FunctionId::Lhist;
}

}  // namespace

ProgramEmitter::ProgramEmitter(CodegenState& state, const ProgramPlan& plan)
    : state_(state), plan_(plan), probe_(*state.program.probes.at(plan.probe)), builder_(state.module.context()) {}

ProgramEmitter::~ProgramEmitter() = default;

PacketEmitter& ProgramEmitter::packet() {
  if (!packet_) {
    // Built at the start of the body (emit()), where its set-up dominates every packet access.
    const CodegenOptions& options = state_.module.options();
    packet_ = std::make_unique<PacketEmitter>(*this, plan_.provider->program_type(), options.replay, options.link,
                                              tc_twin_);
  }
  return *packet_;
}

llvm::Type* ProgramEmitter::i64_type() { return builder_.getInt64Ty(); }
llvm::Type* ProgramEmitter::ptr_type() { return builder_.getPtrTy(); }
llvm::Value* ProgramEmitter::i64(uint64_t v) { return builder_.getInt64(v); }
llvm::Value* ProgramEmitter::is_true(llvm::Value* v) { return builder_.CreateICmpNE(v, llvm::ConstantInt::get(v->getType(), 0)); }

void ProgramEmitter::set_location(SourceRange where) {
  current_range_ = where;
  builder_.SetCurrentDebugLocation(state_.module.location(where, scope_));
}

std::string ProgramEmitter::function_name() const {
  return tc_twin_ && tc_twin_->is_twin ? plan_.function_name + "_pg" : plan_.function_name;
}

void ProgramEmitter::emit() {
  auto& ctx = llvm_context();
  auto* type = llvm::FunctionType::get(builder_.getInt32Ty(), {ptr_type()}, false);
  bool twin = tc_twin_ && tc_twin_->is_twin;
  function_ = llvm::Function::Create(type, twin ? llvm::GlobalValue::InternalLinkage : llvm::GlobalValue::ExternalLinkage,
                                     function_name(), state_.module.module());
  function_->setSection(twin ? ".text" : section_for(plan_));  // a tc twin is a subprogram of its program
  function_->addFnAttr(llvm::Attribute::NoUnwind);  // no .eh_frame in the object
  if (twin) function_->addFnAttr(llvm::Attribute::NoInline);
  ctx_ = function_->getArg(0);
  ctx_->setName("ctx");
  scope_ = twin ? state_.module.callback_subprogram(function_, 1, probe_.loc) : state_.module.subprogram(function_, probe_.loc);

  entry_ = llvm::BasicBlock::Create(ctx, "entry", function_);
  body_ = llvm::BasicBlock::Create(ctx, "body", function_);
  return_block_ = llvm::BasicBlock::Create(ctx, "return", function_);
  builder_.SetInsertPoint(return_block_);
  set_location(probe_.body->loc);
  builder_.CreateRet(builder_.getInt32(static_cast<uint32_t>(return_code(plan_.provider->program_type()))));

  builder_.SetInsertPoint(entry_);
  set_location(probe_.loc);
  builder_.CreateBr(body_);  // becomes a null check when the program needs scratch space

  builder_.SetInsertPoint(body_);
  if (lang::is_network_program(plan_.provider->program_type())) packet();
  // Scratch variables live for one run of the probe; start them at zero.
  for (const auto& [name, type_] : state_.sema.variables.at(probe_.index)) {
    if (!type_.by_reference() && Variable::renamed(name)) {
      // A function's or macro's integer variable (renamed apart, one per
      // call): a register after SROA, so calls take no stack or scratch.
      variables_[name] = temporary();
      builder_.CreateStore(i64(0), variables_[name]);
      continue;
    }
    uint32_t bytes = type_.by_reference() ? std::max<uint32_t>(8, type_.byte_size()) : 8;
    variables_[name] = buffer(bytes, /*zeroed=*/true);
  }
  if (probe_.predicate != nullptr) {
    set_location(probe_.predicate->loc);
    Val cond = expr(*probe_.predicate);
    auto* body = llvm::BasicBlock::Create(ctx, "body", function_);
    builder_.CreateCondBr(is_true(cond.v), body, return_block_);
    builder_.SetInsertPoint(body);
  }
  if (lang::is_network_program(plan_.provider->program_type())) {
    packet().body_starts();
    if (state_.matched != nullptr) increment_counter(state_.matched);
  }
  block(*probe_.body);
  if (builder_.GetInsertBlock()->getTerminator() == nullptr) builder_.CreateBr(return_block_);
  // Keep the return block last, for readable -d ir output.
  return_block_->moveAfter(&function_->back());
}

void ProgramEmitter::block(const Block& b) {
  for (const Stmt* s : b.stmts) stmt(*s);
}

void ProgramEmitter::stmt(const Stmt& s) {
  set_location(s.loc);
  switch (s.kind) {
    case NodeKind::ExprStmt:
      expr(*cast<ExprStmt>(&s)->expr);
      break;
    case NodeKind::Assign:
      assign(*cast<AssignStmt>(&s));
      break;
    case NodeKind::If: {
      const auto& i = *cast<IfStmt>(&s);
      Val cond = expr(*i.cond);
      if (i.else_stmt != nullptr) {
        if_then(is_true(cond.v), [&] { block(*i.then_block); }, [&] { stmt(*i.else_stmt); });
      } else {
        if_then(is_true(cond.v), [&] { block(*i.then_block); });
      }
      break;
    }
    case NodeKind::Block:
      block(*cast<Block>(&s));
      break;
    case NodeKind::While:
      while_loop(*cast<WhileStmt>(&s));
      break;
    case NodeKind::ForRange:
      for_range(*cast<ForRangeStmt>(&s));
      break;
    case NodeKind::Unroll:
      unroll(*cast<UnrollStmt>(&s));
      break;
    case NodeKind::ForMap:
      for_map(*cast<ForMapStmt>(&s));
      break;
    case NodeKind::Jump:
      jump(*cast<JumpStmt>(&s));
      break;
    case NodeKind::Let:
      let(*cast<LetStmt>(&s));
      break;
    default:
      break;
  }
}

namespace {
llvm::Instruction::BinaryOps plain_op(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return llvm::Instruction::Add;
    case BinaryOp::Sub: return llvm::Instruction::Sub;
    case BinaryOp::Mul: return llvm::Instruction::Mul;
    case BinaryOp::BitAnd: return llvm::Instruction::And;
    case BinaryOp::BitOr: return llvm::Instruction::Or;
    case BinaryOp::BitXor: return llvm::Instruction::Xor;
    case BinaryOp::Shl: return llvm::Instruction::Shl;
    default: return llvm::Instruction::Add;
  }
}
}  // namespace

void ProgramEmitter::assign(const AssignStmt& a) {
  if (isa<MapRef>(a.target)) {
    assign_map(a);
    return;
  }
  const auto& var = *cast<Variable>(a.target);
  llvm::Value* slot = variables_.at(var.name);
  const Type& var_type = state_.sema.variables.at(probe_.index).at(var.name);
  Val value = expr(*a.value);
  if (var_type.by_reference()) {
    if (var_type.is_string() || var_type.is_tuple()) zero(slot, var_type.byte_size());
    store_value(slot, value, layout_of(var_type));
    return;
  }
  llvm::Value* result = value.v;
  if (a.compound && var_type.is_pointer()) {
    // $p += n: n elements on.
    const Type& pointee = var_type.inner();
    uint64_t size = pointee.kind == TypeKind::Void ? 1 : pointee.kind == TypeKind::Struct ? pointee.size : pointee.native_size();
    llvm::Value* offset = builder_.CreateMul(value.v, i64(std::max<uint64_t>(1, size)));
    llvm::Value* old = builder_.CreateLoad(i64_type(), slot);
    result = a.op == BinaryOp::Sub ? builder_.CreateSub(old, offset) : builder_.CreateAdd(old, offset);
  } else if (a.compound) {
    llvm::Value* old = builder_.CreateLoad(i64_type(), slot);
    bool is_signed = var_type.is_signed || value.type.is_signed;
    bool divide_signed = var_type.is_signed || (value.type.is_signed && !nonnegative_literal(a.value));
    switch (a.op) {
      case BinaryOp::Div: result = divide(old, value.v, divide_signed, false).v; break;
      case BinaryOp::Mod: result = divide(old, value.v, divide_signed, true).v; break;
      case BinaryOp::Shr: result = is_signed ? builder_.CreateAShr(old, value.v) : builder_.CreateLShr(old, value.v); break;
      default: result = builder_.CreateBinOp(plain_op(a.op), old, value.v); break;
    }
  }
  builder_.CreateStore(result, slot);
}

void ProgramEmitter::assign_map(const AssignStmt& a) {
  const auto& target = *cast<MapRef>(a.target);
  MapHandle& m = map(target.name);
  if (!a.compound) {
    if (const auto* call = dyn_cast<Call>(a.value)) {
      FunctionId id = state_.sema.functions.at(call->id);
      if (is_aggregation(id)) {
        llvm::Value* key = map_key(target);
        MapTarget t{m, key};
        emit_function(*this, *call, id, &t);
        return;
      }
    }
    Val value = expr(*a.value);
    llvm::Value* key = map_key(target);
    llvm::Value* buf = buffer(m.spec->value_size, /*zeroed=*/value.type.by_reference());
    store_value(buf, value, m.spec->value);
    update(m, key, buf, BPF_ANY);
    return;
  }

  // Compound assignment: read, combine, write back (missing entries start at 0).
  Val value = expr(*a.value);
  llvm::Value* key = map_key(target);
  llvm::Value* slot = lookup(m, key);
  bool is_signed = m.spec->value.is_signed || value.type.is_signed;
  bool divide_signed = m.spec->value.is_signed || (value.type.is_signed && !nonnegative_literal(a.value));
  auto combine = [&](llvm::Value* old) -> llvm::Value* {
    switch (a.op) {
      case BinaryOp::Div: return divide(old, value.v, divide_signed, false).v;
      case BinaryOp::Mod: return divide(old, value.v, divide_signed, true).v;
      case BinaryOp::Shr: return is_signed ? builder_.CreateAShr(old, value.v) : builder_.CreateLShr(old, value.v);
      default: return builder_.CreateBinOp(plain_op(a.op), old, value.v);
    }
  };
  if_then(
      builder_.CreateIsNotNull(slot),
      [&] {
        if (a.op == BinaryOp::Add || a.op == BinaryOp::Sub) {
          // Concurrent updates from other CPUs must not be lost.
          llvm::Value* delta = a.op == BinaryOp::Add ? value.v : builder_.CreateNeg(value.v);
          builder_.CreateAtomicRMW(llvm::AtomicRMWInst::Add, slot, delta, llvm::MaybeAlign(8),
                                   llvm::AtomicOrdering::Monotonic);
        } else {
          llvm::Value* old = builder_.CreateLoad(i64_type(), slot);
          builder_.CreateStore(combine(old), slot);
        }
      },
      [&] {
        llvm::Value* buf = buffer(8, false);
        builder_.CreateStore(combine(i64(0)), buf);
        update(m, key, buf, BPF_NOEXIST);
      });
}

// ------------------------------------------------------------------ helpers

namespace {

// Helpers whose result cannot change during one run of a program (it runs
// on one CPU, with migration disabled, in one task's context) and that touch
// no memory: calls to them are marked so, and the optimiser keeps one of
// several (`pid` and `tid` in one probe call bpf_get_current_pid_tgid once).
bool same_within_a_run(bpf_func_id id) {
  switch (id) {
    case BPF_FUNC_get_current_pid_tgid:
    case BPF_FUNC_get_current_uid_gid:
    case BPF_FUNC_get_current_task:
    case BPF_FUNC_get_current_cgroup_id:
    case BPF_FUNC_get_smp_processor_id:
    case BPF_FUNC_get_numa_node_id:
      return true;
    default:
      return false;
  }
}

// What other helpers touch, where it is less than "any memory": clocks and
// the random generator only state of their own; comm and the probe reads
// only the buffers they are given (and the memory they read from). Other
// calls (map updates, events) may write anything, maps included.
std::optional<llvm::MemoryEffects> helper_effects(bpf_func_id id) {
  switch (id) {
    case BPF_FUNC_ktime_get_ns:
    case BPF_FUNC_ktime_get_boot_ns:
    case BPF_FUNC_ktime_get_tai_ns:
    case BPF_FUNC_jiffies64:
    case BPF_FUNC_get_prandom_u32:
      return llvm::MemoryEffects::inaccessibleMemOnly();
    case BPF_FUNC_get_current_comm:
      return llvm::MemoryEffects::argMemOnly(llvm::ModRefInfo::Mod);
    case BPF_FUNC_probe_read_kernel:
    case BPF_FUNC_probe_read_user:
    case BPF_FUNC_probe_read_kernel_str:
    case BPF_FUNC_probe_read_user_str:
      return llvm::MemoryEffects::argMemOnly();
    default:
      return std::nullopt;
  }
}

}  // namespace

llvm::Value* ProgramEmitter::call_helper(bpf_func_id id, llvm::Type* ret, llvm::ArrayRef<llvm::Value*> args) {
  std::vector<llvm::Type*> types;
  for (llvm::Value* a : args) types.push_back(a->getType());
  auto* type = llvm::FunctionType::get(ret, types, false);
  auto* callee = llvm::ConstantExpr::getIntToPtr(builder_.getInt64(static_cast<uint64_t>(id)), ptr_type());
  llvm::CallInst* call = builder_.CreateCall(type, callee, args);
  if (same_within_a_run(id)) {
    call->setDoesNotAccessMemory();
    call->setDoesNotThrow();
    call->addFnAttr(llvm::Attribute::WillReturn);
  } else if (auto effects = helper_effects(id)) {
    call->setMemoryEffects(*effects);
    call->setDoesNotThrow();
    call->addFnAttr(llvm::Attribute::WillReturn);
  }
  return call;
}

llvm::Value* ProgramEmitter::buffer(uint32_t bytes, bool zeroed) {
  uint32_t rounded = lang::limits::rounded_buffer(bytes);
  llvm::Value* slot;
  if (lang::limits::buffer_on_stack(rounded, stack_used_, state_.module.options().on_stack_limit)) {
    slot = stack_slot(rounded);
  } else {
    slot = at_offset(scratch_base(), scratch_used_);
    scratch_used_ += rounded;
  }
  if (zeroed) zero(slot, bytes);
  return slot;
}

llvm::Value* ProgramEmitter::stack_slot(uint32_t bytes) {
  uint32_t rounded = lang::limits::rounded_buffer(bytes);
  llvm::IRBuilder<> at_entry(entry_, entry_->begin());
  auto* alloca = at_entry.CreateAlloca(llvm::ArrayType::get(builder_.getInt8Ty(), rounded));
  alloca->setAlignment(llvm::Align(8));
  stack_used_ += rounded;
  return alloca;
}

llvm::Value* ProgramEmitter::temporary() {
  llvm::IRBuilder<> at_entry(entry_, entry_->begin());
  return at_entry.CreateAlloca(i64_type());
}

llvm::Value* ProgramEmitter::scratch_base() {
  if (scratch_base_ != nullptr) return scratch_base_;
  CodegenState& s = state_;
  if (s.scratch == nullptr) s.scratch = s.module.declare_map("ss_scratch");
  // One entry per program: a for-map callback looks the program's entry up again.
  if (scratch_index_ < 0) scratch_index_ = static_cast<int>(s.scratch_users++);
  auto index = static_cast<uint32_t>(scratch_index_);
  // In the entry block: look this program's entry up once per run.
  llvm::Instruction* branch = entry_->getTerminator();
  llvm::IRBuilder<> pro(branch);
  pro.SetCurrentDebugLocation(branch->getDebugLoc());
  auto* key = pro.CreateAlloca(pro.getInt32Ty());
  pro.CreateStore(pro.getInt32(index), key);
  auto* type = llvm::FunctionType::get(ptr_type(), {ptr_type(), ptr_type()}, false);
  auto* callee = llvm::ConstantExpr::getIntToPtr(pro.getInt64(BPF_FUNC_map_lookup_elem), ptr_type());
  scratch_base_ = pro.CreateCall(type, callee, {s.scratch, key});
  pro.CreateCondBr(pro.CreateIsNull(scratch_base_), return_block_, body_);
  branch->eraseFromParent();
  return scratch_base_;
}

void ProgramEmitter::zero(llvm::Value* ptr, uint32_t bytes) {
  if (bytes > 0) builder_.CreateMemSet(ptr, builder_.getInt8(0), bytes, llvm::MaybeAlign(8));
}

void ProgramEmitter::copy(llvm::Value* dst, llvm::Value* src, uint32_t bytes, uint32_t dst_align, uint32_t src_align) {
  // Sources are stack buffers or map values (8-byte aligned) unless the
  // caller says otherwise (elements inside them).
  if (bytes > 0) builder_.CreateMemCpy(dst, llvm::MaybeAlign(dst_align), src, llvm::MaybeAlign(src_align), bytes);
}

llvm::Value* ProgramEmitter::at_offset(llvm::Value* base, uint32_t offset) {
  if (offset == 0) return base;
  return builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), base, offset);
}

void ProgramEmitter::store_string_literal(llvm::Value* dst, const std::string& text, uint32_t capacity) {
  // Immediate stores, 8 bytes at a time: no .rodata for libbpf to map.
  for (uint32_t offset = 0; offset < capacity; offset += 8) {
    uint64_t word = 0;
    uint32_t n = std::min<uint32_t>(8, capacity - offset);
    for (uint32_t i = 0; i < n; ++i) {
      uint8_t byte = offset + i < text.size() ? static_cast<uint8_t>(text[offset + i]) : 0;
      word |= static_cast<uint64_t>(byte) << (8 * i);
    }
    llvm::Value* where = at_offset(dst, offset);
    if (n == 8) {
      builder_.CreateAlignedStore(builder_.getInt64(word), where, llvm::MaybeAlign(8));
    } else {
      for (uint32_t i = 0; i < n; ++i) {
        builder_.CreateStore(builder_.getInt8(static_cast<uint8_t>(word >> (8 * i))), at_offset(where, i));
      }
    }
  }
}

bool ProgramEmitter::is_builtin(const Expr& x, BuiltinId id) const {
  auto it = state_.sema.builtins.find(x.id);
  return isa<Identifier>(&x) && it != state_.sema.builtins.end() && it->second == id;
}

MapHandle& ProgramEmitter::map(const std::string& name) { return state_.maps.at(name); }

llvm::Value* ProgramEmitter::map_key(const MapRef& ref) {
  return map_key(map(ref.name), std::vector<const Expr*>(ref.keys.begin(), ref.keys.end()));
}

uint32_t ProgramEmitter::map_index(const MapHandle& m) const {
  return static_cast<uint32_t>(m.spec - state_.artifact.maps.data());
}

llvm::Value* ProgramEmitter::map_key(const MapHandle& m, const std::vector<const Expr*>& keys) {
  const runtime::MapSpec& spec = *m.spec;
  if (!spec.has_key) {
    llvm::Value* key = buffer(8, false);
    builder_.CreateStore(i64(0), key);
    return key;
  }
  // One key buffer per map (keys are used at once, by the next helper call):
  // two lookups of the same key then get the same arguments, and the
  // optimiser keeps the first (lookup()).
  auto key_buffer = [&] {
    llvm::Value*& cached = key_buffers_[spec.elf_name];
    if (cached == nullptr) {
      llvm::Value* fresh = buffer(spec.key_size, false);
      if (llvm::isa<llvm::AllocaInst>(fresh)) cached = fresh;  // a scratch slot is addressed here, not at entry
      return fresh;
    }
    return cached;
  };
  if (keys.size() == 1 && spec.key.kind == runtime::ValueKind::String) {
    // A string read straight into the key (str(), comm, a field of args);
    // comm is padded with zeros by the kernel, the others need zeroing.
    if (StringWriter write = string_writer(*this, *keys[0], spec.key.size)) {
      llvm::Value* key = key_buffer();
      bool padded = is_builtin(*keys[0], BuiltinId::Comm) && spec.key.offset == 0 && spec.key_size == 16;
      if (!padded) zero(key, spec.key_size);
      write(at_offset(key, spec.key.offset));
      return key;
    }
  }
  std::vector<Val> parts;
  for (const Expr* k : keys) parts.push_back(expr(*k));
  llvm::Value* key = key_buffer();
  bool whole = parts.size() == 1 && !parts[0].type.by_reference() && spec.key_size == 8;  // a single integer
  if (!whole) zero(key, spec.key_size);
  if (spec.key.kind == runtime::ValueKind::Tuple && parts.size() > 1) {
    for (size_t i = 0; i < parts.size(); ++i) store_value(key, parts[i], spec.key.elements[i]);
  } else {
    store_value(key, parts[0], spec.key);
  }
  return key;
}

llvm::Value* ProgramEmitter::lookup(const MapHandle& m, llvm::Value* key) {
  // It reads only the key (and the map, which only calls not so marked
  // change): a second lookup of the same key with no such call or store in
  // between reuses the first one's element.
  auto* call = llvm::cast<llvm::CallInst>(call_helper(BPF_FUNC_map_lookup_elem, ptr_type(), {m.global, key}));
  call->setMemoryEffects(llvm::MemoryEffects::argMemOnly(llvm::ModRefInfo::Ref));
  call->setDoesNotThrow();
  call->addFnAttr(llvm::Attribute::WillReturn);
  return call;
}

llvm::CallInst* ProgramEmitter::update(const MapHandle& m, llvm::Value* key, llvm::Value* value, uint64_t flags) {
  auto* result = llvm::cast<llvm::CallInst>(
      call_helper(BPF_FUNC_map_update_elem, i64_type(), {m.global, key, value, i64(flags)}));
  check_helper(result, "map_update_elem", current_range_, 2);
  return result;
}

void ProgramEmitter::if_then(llvm::Value* cond, const std::function<void()>& then,
                             const std::function<void()>& otherwise) {
  auto& ctx = llvm_context();
  auto* then_block = llvm::BasicBlock::Create(ctx, "then", function_);
  auto* merge = llvm::BasicBlock::Create(ctx, "merge", function_);
  auto* else_block = otherwise ? llvm::BasicBlock::Create(ctx, "else", function_) : merge;
  builder_.CreateCondBr(cond, then_block, else_block);
  builder_.SetInsertPoint(then_block);
  then();
  if (builder_.GetInsertBlock()->getTerminator() == nullptr) builder_.CreateBr(merge);
  if (otherwise) {
    builder_.SetInsertPoint(else_block);
    otherwise();
    if (builder_.GetInsertBlock()->getTerminator() == nullptr) builder_.CreateBr(merge);
  }
  merge->moveAfter(builder_.GetInsertBlock());
  builder_.SetInsertPoint(merge);
}

void ProgramEmitter::count_dropped_event() {
  builder_.CreateAtomicRMW(llvm::AtomicRMWInst::Add, state_.dropped, i64(1), llvm::MaybeAlign(8),
                           llvm::AtomicOrdering::Monotonic);
}

void ProgramEmitter::increment_counter(llvm::GlobalVariable* map) {
  llvm::Value* key = buffer(4, false);
  builder_.CreateStore(builder_.getInt32(0), key);
  llvm::Value* slot = call_helper(BPF_FUNC_map_lookup_elem, ptr_type(), {map, key});
  if_then(builder_.CreateIsNotNull(slot), [&] {
    llvm::Value* old = builder_.CreateLoad(i64_type(), slot);
    builder_.CreateStore(builder_.CreateAdd(old, i64(1)), slot);
  });
}

// A u64 that the runtime writes after loading: a global in its own data
// section, which libbpf makes a one-entry array map named after the section
// (".data.NAME"); programs load it directly, with no lookup.
llvm::Value* ProgramEmitter::runtime_word(llvm::GlobalVariable*& map, std::string& artifact_name, const char* name) {
  if (map == nullptr) {
    artifact_name = std::string(".data.") + name;
    map = state_.module.define_global_word(name, artifact_name);
  }
  return map;
}

llvm::Value* ProgramEmitter::start_map() { return runtime_word(state_.start, state_.artifact.start_map, "ss_start"); }

llvm::Value* ProgramEmitter::stack_map(uint32_t frames) {
  CodegenState& s = state_;
  auto it = s.stack_maps.find(frames);
  if (it != s.stack_maps.end()) return it->second;
  std::string name = fmt::format("ss_stack_{}", frames);
  s.artifact.stack_maps.push_back({name, frames});
  auto* u64 = s.module.di_int(64, false);
  auto* range = s.module.di().getOrCreateSubrange(0, static_cast<int64_t>(frames));
  auto* value = s.module.di().createArrayType(static_cast<uint64_t>(frames) * 64, 64, u64,
                                              s.module.di().getOrCreateArray({range}));
  llvm::GlobalVariable* map = s.module.define_map(name, BPF_MAP_TYPE_STACK_TRACE, s.module.options().map_entries,
                                                  s.module.di_int(32, false), value);
  s.stack_maps.emplace(frames, map);
  return map;
}

llvm::Value* ProgramEmitter::cpid_map() { return runtime_word(state_.cpid, state_.artifact.cpid_map, "ss_cpid"); }

llvm::Value* ProgramEmitter::read_runtime_word(llvm::Value* word) {
  return builder_.CreateAlignedLoad(i64_type(), word, llvm::MaybeAlign(8));
}

void ProgramEmitter::return_now() {
  builder_.CreateBr(return_block_);
  auto* rest = llvm::BasicBlock::Create(llvm_context(), "after_exit", function_);
  builder_.SetInsertPoint(rest);
}

}  // namespace stratoshark::codegen
