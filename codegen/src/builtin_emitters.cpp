// Code for each builtin variable, one function per builtins.def entry.
#include <array>

#include "context_emitter.h"
#include "library_emitters.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

namespace {

using BuiltinEmitter = Val (*)(ProgramEmitter&, const Identifier&);

llvm::Value* pid_tgid(ProgramEmitter& e) { return e.call_helper(BPF_FUNC_get_current_pid_tgid, e.i64_type(), {}); }
llvm::Value* uid_gid(ProgramEmitter& e) { return e.call_helper(BPF_FUNC_get_current_uid_gid, e.i64_type(), {}); }

Val emit_Pid(ProgramEmitter& e, const Identifier&) { return {e.b().CreateLShr(pid_tgid(e), 32), Type::u32()}; }
Val emit_Tid(ProgramEmitter& e, const Identifier&) { return {e.b().CreateAnd(pid_tgid(e), 0xffffffffULL), Type::u32()}; }
Val emit_Uid(ProgramEmitter& e, const Identifier&) { return {e.b().CreateAnd(uid_gid(e), 0xffffffffULL), Type::u32()}; }
Val emit_Gid(ProgramEmitter& e, const Identifier&) { return {e.b().CreateLShr(uid_gid(e), 32), Type::u32()}; }

Val emit_Comm(ProgramEmitter& e, const Identifier&) {
  // The kernel pads comm with zeros, so the buffer needs no clearing.
  llvm::Value* buf = e.buffer(16, false);
  e.call_helper(BPF_FUNC_get_current_comm, e.i64_type(), {buf, e.b().getInt32(16)});
  return {buf, Type::string(16)};
}

Val emit_Nsecs(ProgramEmitter& e, const Identifier&) {
  return {e.call_helper(BPF_FUNC_ktime_get_ns, e.i64_type(), {}), Type::u64()};
}

Val emit_Cpu(ProgramEmitter& e, const Identifier&) {
  return {e.call_helper(BPF_FUNC_get_smp_processor_id, e.i64_type(), {}), Type::u32()};
}

Val emit_Probe(ProgramEmitter& e, const Identifier&) {
  // One target: a constant. Several: each attachment carries its probe id as cookie.
  if (e.plan().probe_ids.size() == 1) return {e.i64(e.plan().probe_ids[0]), Type::probe_name()};
  return {e.call_helper(BPF_FUNC_get_attach_cookie, e.i64_type(), {e.ctx()}), Type::probe_name()};
}

Val emit_Args(ProgramEmitter& e, const Identifier&) {
  // `args` is only ever read through a field (see ProgramEmitter::field).
  return {e.i64(0), Type::record()};
}

Val emit_ArgN(ProgramEmitter& e, const Identifier& node) {
  return emit_positional_arg(e, static_cast<uint32_t>(positional_arg_index(node.name)));
}

Val emit_Retval(ProgramEmitter& e, const Identifier& node) { return emit_retval(e, e.state().sema.type_of(&node)); }

Val emit_Elapsed(ProgramEmitter& e, const Identifier&) {
  // The start time is written into `ss_start` (section .data.ss_start) by
  // the runtime after loading, before BEGIN runs.
  llvm::Value* now = e.call_helper(BPF_FUNC_ktime_get_ns, e.i64_type(), {});
  return {e.b().CreateSub(now, e.read_runtime_word(e.start_map())), Type::u64()};
}

Val emit_Numaid(ProgramEmitter& e, const Identifier&) {
  return {e.call_helper(BPF_FUNC_get_numa_node_id, e.i64_type(), {}), Type::u32()};
}

Val emit_Cgroup(ProgramEmitter& e, const Identifier&) {
  return {e.call_helper(BPF_FUNC_get_current_cgroup_id, e.i64_type(), {}), Type::u64()};
}

Val emit_Curtask(ProgramEmitter& e, const Identifier&) {
  return {e.call_helper(BPF_FUNC_get_current_task, e.i64_type(), {}), Type::u64()};
}

Val emit_Rand(ProgramEmitter& e, const Identifier&) {
  llvm::Value* r = e.call_helper(BPF_FUNC_get_prandom_u32, e.b().getInt32Ty(), {});
  return {e.b().CreateZExt(r, e.i64_type()), Type::u32()};
}

Val emit_Jiffies(ProgramEmitter& e, const Identifier&) {
  return {e.call_helper(BPF_FUNC_jiffies64, e.i64_type(), {}), Type::u64()};
}

Val emit_Kstack(ProgramEmitter& e, const Identifier& node) { return emit_stack(e, e.state().sema.type_of(&node)); }
Val emit_Ustack(ProgramEmitter& e, const Identifier& node) { return emit_stack(e, e.state().sema.type_of(&node)); }

// The probe id, as `probe` has it; the runtime maps it to the function's name.
Val emit_Func(ProgramEmitter& e, const Identifier& node) {
  Val id = emit_Probe(e, node);
  return {id.v, Type::of(TypeKind::FuncName)};
}

// sargN: the u64 at sp + 8 * (N + 1) (above the return address), in the
// probed code's memory.
Val emit_SargN(ProgramEmitter& e, const Identifier& node) {
  constexpr uint32_t kRegisterSp = 152;
  uint64_t n = static_cast<uint64_t>(stack_arg_index(node.name));
  llvm::Value* address = e.b().CreateAdd(emit_register(e, kRegisterSp), e.i64(8 * (n + 1)));
  return e.read_memory(address, Type::u64(), e.plan().provider->user_space(), node.loc);
}

Val emit_Cpid(ProgramEmitter& e, const Identifier&) { return {e.read_runtime_word(e.cpid_map()), Type::u32()}; }

constexpr std::array<BuiltinEmitter, kBuiltinCount> kEmitters = {
#define SS_BUILTIN(id, name, description) &emit_##id,
#include "stratoshark/lang/builtins.def"
#undef SS_BUILTIN
};

}  // namespace

Val emit_builtin(ProgramEmitter& e, const Identifier& node, BuiltinId id) {
  return kEmitters[static_cast<size_t>(id)](e, node);
}

}  // namespace stratoshark::codegen
