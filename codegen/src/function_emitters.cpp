// Code for each function and aggregation, one function per functions.def entry.
#include <array>

#include "layout.h"
#include "packet_emitter.h"
#include "library_emitters.h"
#include "map_function_emitters.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

using namespace lang;

Val nothing() { return {nullptr, Type::void_type()}; }

void store_header(ProgramEmitter& e, llvm::Value* record, runtime::EventType type, llvm::Value* id32) {
  e.b().CreateAlignedStore(e.b().getInt32(static_cast<uint32_t>(type)), record, llvm::MaybeAlign(4));
  e.b().CreateAlignedStore(id32, e.at_offset(record, 4), llvm::MaybeAlign(4));
}

// Per-CPU aggregations: this CPU's slot is updated without atomics; a missing
// entry is created with the first value.
void update_or_insert(ProgramEmitter& e, MapTarget& t, const std::function<void(llvm::Value*)>& update,
                      const std::function<void(llvm::Value*)>& initial) {
  llvm::Value* slot = e.lookup(t.map, t.key);
  e.if_then(
      e.b().CreateIsNotNull(slot), [&] { update(slot); },
      [&] {
        llvm::Value* value = e.buffer(t.map.spec->value_size, false);
        initial(value);
        t.map.first_inserts.push_back(e.update(t.map, t.key, value, BPF_NOEXIST));
      });
}

llvm::Value* load64(ProgramEmitter& e, llvm::Value* p, uint32_t offset) {
  return e.b().CreateLoad(e.i64_type(), e.at_offset(p, offset));
}
void store64(ProgramEmitter& e, llvm::Value* v, llvm::Value* p, uint32_t offset) {
  e.b().CreateStore(v, e.at_offset(p, offset));
}

// printf(), system() and cat(): the formatted arguments in one event. The
// strings that str() reads and comm are written straight into their slots of
// the record once it is reserved (no staging buffer, no copy, and no work
// when the reservation fails); the other arguments are evaluated first.
Val emit_formatted(ProgramEmitter& e, const Call& call, runtime::EventType type) {
  CodegenState& s = e.state();
  std::vector<Type> types;
  for (size_t i = 1; i < call.args.size(); ++i) types.push_back(s.sema.type_of(call.args[i]));
  auto [it, inserted] = s.printf_ids.emplace(call.id, static_cast<uint32_t>(s.artifact.printfs.size()));
  if (inserted) s.artifact.printfs.push_back(printf_spec(s.sema.formats.at(call.id), types));
  uint32_t id = it->second;
  std::vector<const runtime::ValueLayout*> slots;
  for (const auto& segment : s.artifact.printfs[id].segments) {
    if (segment.conversion) slots.push_back(&segment.arg);
  }
  std::vector<Val> args;
  std::vector<StringWriter> writers;
  for (size_t i = 1; i < call.args.size(); ++i) {
    const runtime::ValueLayout& slot = *slots.at(i - 1);
    StringWriter writer =
        slot.kind == runtime::ValueKind::String ? string_writer(e, *call.args[i], slot.size) : StringWriter{};
    args.push_back(writer ? Val{} : e.expr(*call.args[i]));
    writers.push_back(std::move(writer));
  }
  emit_event(e, s.artifact.printfs[id].event_size, [&](llvm::Value* record) {
    store_header(e, record, type, e.b().getInt32(id));
    for (size_t arg = 0; arg < args.size(); ++arg) {
      if (writers[arg]) {
        writers[arg](e.at_offset(record, slots[arg]->offset));
      } else {
        e.store_value(record, args[arg], *slots[arg]);
      }
    }
  });
  return nothing();
}

namespace {

// Reads the NUL-terminated string at `src` (i64) into `dst`, at most `size`
// (i32) bytes with the NUL. The helpers terminate the string, and clear
// `dst` when they fail, so `dst` needs no zeroing for an event. A pointer
// known to be user memory (syscall arguments; any address in a uprobe or
// USDT program) is read with the user helper only; any other is read as
// user memory first and, when that faults, as kernel memory, so one str()
// serves both.
void read_string(ProgramEmitter& e, llvm::Value* dst, llvm::Value* size, llvm::Value* address, bool user_only,
                 SourceRange where) {
  llvm::Value* src = e.b().CreateIntToPtr(address, e.ptr_type());
  llvm::Value* got = e.call_helper(BPF_FUNC_probe_read_user_str, e.i64_type(), {dst, size, src});
  if (user_only) {
    e.check_helper(got, "probe_read_user_str", where);
    return;
  }
  e.if_then(e.b().CreateICmpSLT(got, e.i64(0)), [&] {
    llvm::Value* kernel = e.call_helper(BPF_FUNC_probe_read_kernel_str, e.i64_type(), {dst, size, src});
    e.check_helper(kernel, "probe_read_str (user and kernel)", where);
  });
}

// str(ptr[, n]) of an address: evaluates the address and length now; the
// writer reads the string into a buffer of `capacity` bytes.
StringWriter str_writer(ProgramEmitter& e, const Call& call, const Val& address, uint32_t capacity) {
  const Type& type = e.state().sema.type_of(&call);
  bool user_only = address.type.is_pointer() ? address.type.user : e.plan().provider->user_space();
  llvm::Value* n = nullptr;
  // A run-time length: n + 1 bytes with the NUL (clamped to the buffer by the writer).
  if (call.args.size() > 1) n = e.b().CreateAdd(e.expr(*call.args[1]).v, e.i64(1));
  uint32_t limit = std::min(type.size, capacity);
  return [&e, &call, limit, address, user_only, n](llvm::Value* dst) {
    llvm::Value* size = e.b().getInt32(limit);
    if (n != nullptr) {
      llvm::Value* clamped = e.b().CreateSelect(e.b().CreateICmpUGT(n, e.i64(limit)), e.i64(limit), n);
      size = e.b().CreateTrunc(clamped, e.b().getInt32Ty());
    }
    read_string(e, dst, size, address.v, user_only, call.loc);
  };
}

}  // namespace

namespace {

StringWriter writer_here(ProgramEmitter& e, const Expr& x, uint32_t capacity) {
  const SemaResult& sema = e.state().sema;
  if (const auto* f = dyn_cast<FieldAccess>(&x)) return e.field_writer(*f, capacity);
  if (isa<Identifier>(&x)) {
    if (!e.is_builtin(x, BuiltinId::Comm)) return {};
    // The kernel pads comm with zeros up to the size it is given.
    return [&e, capacity](llvm::Value* dst) {
      e.call_helper(BPF_FUNC_get_current_comm, e.i64_type(), {dst, e.b().getInt32(std::min<uint32_t>(16, capacity))});
    };
  }
  const auto* call = dyn_cast<Call>(&x);
  if (call == nullptr) return {};
  auto it = sema.functions.find(call->id);
  if (it == sema.functions.end() || it->second != FunctionId::Str) return {};
  if (sema.type_of(call->args[0]).is_string()) {
    // str() of a string: that string, cut to str()'s capacity.
    if (call->args.size() > 1) return {};
    return writer_here(e, *call->args[0], std::min(sema.type_of(call).size, capacity));
  }
  return str_writer(e, *call, e.expr(*call->args[0]), capacity);
}

}  // namespace

StringWriter string_writer(ProgramEmitter& e, const Expr& x, uint32_t capacity) {
  StringWriter write = writer_here(e, x, capacity);
  if (!write) return {};
  // The reads carry the position of the expression, as expr() gives them.
  return [&e, &x, write](llvm::Value* dst) { e.at_location(x.loc, [&] { write(dst); }); };
}

namespace {

using FunctionEmitter = Val (*)(ProgramEmitter&, const Call&, MapTarget*);

Val emit_Printf(ProgramEmitter& e, const Call& call, MapTarget*) {
  return emit_formatted(e, call, runtime::EventType::Printf);
}

Val emit_System(ProgramEmitter& e, const Call& call, MapTarget*) {
  return emit_formatted(e, call, runtime::EventType::System);
}

Val emit_Signal(ProgramEmitter& e, const Call& call, MapTarget*) {
  int64_t number = e.state().sema.constants.at(call.id).integer;
  e.call_helper(BPF_FUNC_send_signal, e.i64_type(), {e.b().getInt32(static_cast<uint32_t>(number))});
  return nothing();
}

Val emit_Exit(ProgramEmitter& e, const Call& call, MapTarget*) {
  llvm::Value* code = call.args.empty() ? e.i64(0) : e.expr(*call.args[0]).v;
  llvm::Value* code32 = e.b().CreateTrunc(code, e.b().getInt32Ty());
  emit_event(e, sizeof(runtime::EventHeader),
             [&](llvm::Value* record) { store_header(e, record, runtime::EventType::Exit, code32); });
  e.return_now();
  return nothing();
}

Val emit_Count(ProgramEmitter& e, const Call&, MapTarget* t) {
  update_or_insert(
      e, *t, [&](llvm::Value* p) { store64(e, e.b().CreateAdd(load64(e, p, 0), e.i64(1)), p, 0); },
      [&](llvm::Value* p) { store64(e, e.i64(1), p, 0); });
  return nothing();
}

Val emit_Sum(ProgramEmitter& e, const Call& call, MapTarget* t) {
  llvm::Value* v = e.expr(*call.args[0]).v;
  update_or_insert(
      e, *t, [&](llvm::Value* p) { store64(e, e.b().CreateAdd(load64(e, p, 0), v), p, 0); },
      [&](llvm::Value* p) { store64(e, v, p, 0); });
  return nothing();
}

// {value, set}: `set` tells a CPU slot that saw no value from one holding 0.
Val min_max(ProgramEmitter& e, const Call& call, MapTarget* t, bool is_min) {
  llvm::Value* v = e.expr(*call.args[0]).v;
  bool is_signed = t->map.spec->value.is_signed;
  update_or_insert(
      e, *t,
      [&](llvm::Value* p) {
        llvm::Value* current = load64(e, p, 0);
        llvm::Value* unset = e.b().CreateICmpEQ(load64(e, p, 8), e.i64(0));
        llvm::Value* better = is_min ? (is_signed ? e.b().CreateICmpSLT(v, current) : e.b().CreateICmpULT(v, current))
                                     : (is_signed ? e.b().CreateICmpSGT(v, current) : e.b().CreateICmpUGT(v, current));
        e.if_then(e.b().CreateOr(unset, better), [&] {
          store64(e, v, p, 0);
          store64(e, e.i64(1), p, 8);
        });
      },
      [&](llvm::Value* p) {
        store64(e, v, p, 0);
        store64(e, e.i64(1), p, 8);
      });
  return nothing();
}

Val emit_Min(ProgramEmitter& e, const Call& call, MapTarget* t) { return min_max(e, call, t, true); }
Val emit_Max(ProgramEmitter& e, const Call& call, MapTarget* t) { return min_max(e, call, t, false); }

Val emit_Avg(ProgramEmitter& e, const Call& call, MapTarget* t) {
  llvm::Value* v = e.expr(*call.args[0]).v;
  update_or_insert(
      e, *t,
      [&](llvm::Value* p) {
        store64(e, e.b().CreateAdd(load64(e, p, 0), v), p, 0);
        store64(e, e.b().CreateAdd(load64(e, p, 8), e.i64(1)), p, 8);
      },
      [&](llvm::Value* p) {
        store64(e, v, p, 0);
        store64(e, e.i64(1), p, 8);
      });
  return nothing();
}

Val emit_Filter(ProgramEmitter& e, const Call& call, MapTarget*) {
  return e.packet().filter(*e.state().sema.filters.at(call.id));
}

// Addresses are bytes in network order in a stack buffer. An integer IPv4
// address holds them as memory does (its low byte first), as bpftrace reads
// it, except packet fields, which are in host order (Type::host_address).
llvm::Value* ipv4_bytes(ProgramEmitter& e, const Val& v) {
  llvm::Value* buffer = e.buffer(8, true);
  llvm::Value* word = e.b().CreateTrunc(v.v, e.b().getInt32Ty());
  if (v.type.host_address) word = e.b().CreateUnaryIntrinsic(llvm::Intrinsic::bswap, word);
  e.b().CreateAlignedStore(word, buffer, llvm::MaybeAlign(8));
  return buffer;
}

Val emit_Ntop(ProgramEmitter& e, const Call& call, MapTarget*) {
  const Type& type = e.state().sema.type_of(&call);
  Val v = e.expr(*call.args.back());
  v.type.host_address = e.state().sema.type_of(call.args.back()).host_address;
  if (type.size != 24) return {v.type.is_int() ? ipv4_bytes(e, v) : v.v, type};
  // A family known only at run time: {u64 family, 16 address bytes}.
  Val family = e.expr(*call.args.front());
  llvm::Value* buffer = e.buffer(24, true);
  store64(e, family.v, buffer, 0);
  if (v.type.is_int()) {
    e.copy(e.at_offset(buffer, 8), ipv4_bytes(e, v), 4);
  } else {
    e.copy(e.at_offset(buffer, 8), v.v, std::min<uint32_t>(16, v.type.byte_size()), 8, v.type.alignment());
  }
  return {buffer, type};
}

Val emit_Macaddr(ProgramEmitter& e, const Call& call, MapTarget*) {
  Val v = e.expr(*call.args[0]);
  const Type& type = e.state().sema.type_of(&call);
  if (v.type.kind == TypeKind::Address || v.type.is_array()) return {v.v, type};
  llvm::Value* buffer = e.buffer(8, true);
  if (v.type.is_pointer()) {
    e.probe_read(buffer, 6, e.b().CreateIntToPtr(v.v, e.ptr_type()), v.type.user, call.loc);
    return {buffer, type};
  }
  // The 48-bit value, most significant byte first.
  llvm::Value* shifted = e.b().CreateShl(v.v, 16);
  e.b().CreateAlignedStore(e.b().CreateUnaryIntrinsic(llvm::Intrinsic::bswap, shifted), buffer, llvm::MaybeAlign(8));
  return {buffer, type};
}

Val emit_Pton(ProgramEmitter& e, const Call& call, MapTarget*) {
  const Type& type = e.state().sema.type_of(&call);
  const std::string& bytes = e.state().sema.constants.at(call.id).text;
  llvm::Value* buffer = e.buffer(16, false);
  e.store_string_literal(buffer, bytes, std::max<uint32_t>(8, type.native_size()));
  return {buffer, type};
}

Val emit_Capture(ProgramEmitter& e, const Call&, MapTarget*) {
  uint32_t id = e.plan().probe_ids.size() == 1 ? e.plan().probe_ids[0] : 0;
  e.packet().capture(id, e.state().module.options().snaplen, e.state().packet_scratch);
  return nothing();
}

Val emit_Str(ProgramEmitter& e, const Call& call, MapTarget*) {
  const Type& type = e.state().sema.type_of(&call);
  Val v = e.expr(*call.args[0]);
  if (v.type.is_string()) return {v.v, type};
  StringWriter writer = str_writer(e, call, v, type.size);
  // Zeroed: the value may become a map key or be compared, byte for byte.
  llvm::Value* buf = e.buffer(type.size, true);
  writer(buf);
  return {buf, type};
}

Val emit_NsecsClock(ProgramEmitter& e, const Call& call, MapTarget*) {
  bpf_func_id helper = BPF_FUNC_ktime_get_ns;
  if (!call.args.empty()) {
    const std::string& clock = cast<Identifier>(call.args[0])->name;
    if (clock == "boot") helper = BPF_FUNC_ktime_get_boot_ns;
    if (clock == "tai") helper = BPF_FUNC_ktime_get_tai_ns;
  }
  return {e.call_helper(helper, e.i64_type(), {}), Type::u64()};
}

constexpr std::array<FunctionEmitter, kFunctionCount> kEmitters = {
#define SS_FUNCTION(id, name, min_args, max_args, signature, description) &emit_##id,
#include "stratoshark/lang/functions.def"
#undef SS_FUNCTION
};

}  // namespace

Val emit_function(ProgramEmitter& e, const Call& call, FunctionId id, MapTarget* target) {
  return kEmitters[static_cast<size_t>(id)](e, call, target);
}

}  // namespace stratoshark::codegen
