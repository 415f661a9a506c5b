// Estimator: builtins, functions and the functions on whole maps (codegen/src/*_emitters.cpp).
#include <algorithm>

#include "estimator.h"

namespace stratoshark::lang::cost {

void Estimator::identifier(const Identifier& id) {
  switch (ctx_.result.builtins.at(id.id)) {
    case BuiltinId::Comm:
      buffer(16, false);
      e_.instructions += kHelperCall;
      break;
    case BuiltinId::Probe:
      e_.instructions += kHelperCall;
      break;
    case BuiltinId::Args:
      break;
    case BuiltinId::ArgN:
      positional_arg();
      break;
    case BuiltinId::Retval:
      e_.instructions += 3;  // a context load, narrowed and extended
      break;
    case BuiltinId::Elapsed:
      // The clock, the start-time lookup and its null check, the difference.
      buffer(4, false);
      buffer(8, false);
      e_.instructions += kHelperCall + kMapLookup + 8;
      branch();
      pending_ += 1;
      break;
    case BuiltinId::Rand:
      e_.instructions += kHelperCall + 1;
      break;
    case BuiltinId::Kstack:
    case BuiltinId::Ustack:
      stack(type_of(id));
      break;
    case BuiltinId::Func:
      e_.instructions += kHelperCall;
      break;
    case BuiltinId::SargN:
      e_.instructions += 3;  // the stack pointer and the offset
      memory_read(Type::u64());
      break;
    case BuiltinId::Cpid:
      buffer(4, false);
      buffer(8, false);
      e_.instructions += kMapLookup + 8;
      branch();
      pending_ += 1;
      break;
    default:
      e_.instructions += kHelperCall - 1;
      break;
  }
}

// kstack / ustack: the stack map, bpf_get_stackid, the 16-byte value (and the pid).
void Estimator::stack(const Type& t) {
  buffer(16, true);
  e_.instructions += kHelperCall + 4 + (t.user ? kHelperCall + 2 : 0);
}

// arg0..argN: one context load, except in USDT probes, where the spec is
// looked up by the attach cookie and the argument decoded (context_emitter.cpp).
void Estimator::positional_arg() {
  bool usdt = false;
  for (const auto& attach : ctx_.result.probes.at(probe_.index).attaches) {
    usdt = usdt || attach.provider->arg_access() == ArgAccess::Usdt;
  }
  if (!usdt) {
    e_.instructions += 1;
    return;
  }
  buffer(8, false);  // result
  buffer(8, false);  // spec id
  buffer(8, false);  // value
  e_.instructions += kHelperCall + kMapLookup + 38;
  e_.branches += 4;
  read_kernel(8);
  read_kernel(8);
}

void Estimator::call(const Call& c) {
  FunctionId id = ctx_.result.functions.at(c.id);
  if (id == FunctionId::Filter) {
    // The lowered filter, with its own reject path and result slot.
    buffer(8, false);
    e_.instructions += 8;
    e_.branches += 1;
    if (auto it = ctx_.result.filters.find(c.id); it != ctx_.result.filters.end()) expr(*it->second);
    return;
  }
  for (const Expr* arg : c.args) {
    if ((id == FunctionId::Printf || id == FunctionId::System) && arg == c.args.front()) continue;  // the format stays in user space
    if (id == FunctionId::Signal) continue;                            // a constant
    if (arg == c.args.front() && names_whole_map(id, *arg)) continue;  // a map named, not read
    if (id == FunctionId::NsecsClock) continue;                        // a clock name
    if (id == FunctionId::Pton || id == FunctionId::Cgroupid || id == FunctionId::Kaddr || id == FunctionId::Uaddr ||
        id == FunctionId::Reg || id == FunctionId::Time) {
      continue;  // resolved when compiling
    }
    if ((id == FunctionId::Strftime || id == FunctionId::Cat) && arg == c.args.front()) continue;  // a format
    if (id == FunctionId::Join && arg != c.args.front()) continue;                                // the separator
    if (id == FunctionId::KstackCall || id == FunctionId::UstackCall) continue;                   // mode and frames
    expr(*arg);
  }
  switch (id) {
    case FunctionId::Signal:
      e_.instructions += kHelperCall;
      break;
    case FunctionId::System:
    case FunctionId::Printf: {
      e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
      for (size_t i = 1; i < c.args.size(); ++i) store(type_of(*c.args[i]));
      event_drop_path();
      break;
    }
    case FunctionId::Exit:
      e_.instructions += kEventReserve + kEventHeader + kEventSubmit + 2;
      event_drop_path();
      break;
    case FunctionId::Capture:
      // CPU number, staging record lookup, the record header, the packet
      // bytes, the ring buffer output and two drop paths.
      packet_used_ = true;
      buffer(4, false);
      e_.instructions += 4 * kHelperCall + kMapLookup + 40;
      e_.branches += 4;
      event_drop_path();
      event_drop_path();
      break;
    case FunctionId::Print:
    case FunctionId::Clear:
    case FunctionId::Zero:
    case FunctionId::Delete:
    case FunctionId::HasKey:
    case FunctionId::Len:
      map_function(c, id);
      break;
    case FunctionId::NsecsClock:
      e_.instructions += kHelperCall;
      break;
    case FunctionId::Str:
      if (type_of(*c.args[0]).is_string()) break;
      buffer(type_of(c).size, true);
      read_kernel(type_of(c).size);
      e_.instructions += kHelperCall + 8;
      branch();
      break;
    case FunctionId::Ntop:
      buffer(type_of(c).size == 24 ? 24 : 8, true);
      e_.instructions += type_of(c).size == 24 ? 12 : 6;
      break;
    case FunctionId::Macaddr:
      buffer(8, true);
      e_.instructions += 6;
      if (type_of(*c.args[0]).is_pointer()) read_kernel(6);
      break;
    case FunctionId::Pton:
      buffer(16, false);
      e_.instructions += 6;
      break;
    case FunctionId::Buf: {
      const Type& t = type_of(c);
      buffer(t.byte_size(), true);
      if (type_of(*c.args[0]).is_scalar_number()) read_kernel(t.size);
      else copy(t.size);
      e_.instructions += 6;
      break;
    }
    case FunctionId::Strncmp: {
      uint64_t n = 0;
      if (auto it = ctx_.result.constants.find(c.id); it != ctx_.result.constants.end()) n = static_cast<uint64_t>(it->second.integer);
      n = std::min<uint64_t>({n, type_of(*c.args[0]).size, type_of(*c.args[1]).size});
      buffer(8, false);
      e_.instructions += static_cast<uint32_t>(5 * n) + 6;
      e_.branches += static_cast<uint32_t>(2 * n);
      pending_ += 2 * n;
      break;
    }
    case FunctionId::Strcontains:
      strcontains(c);
      break;
    case FunctionId::Time:
      e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
      event_drop_path();
      break;
    case FunctionId::Join:
      // Sixteen slots cleared, then per string: its pointer read, the NULL
      // test and the string read; the event's reservation and drop path.
      buffer(8, false);
      e_.instructions += kEventReserve + kEventHeader + kEventSubmit + 16 + 16 * (2 * kHelperCall + 10);
      e_.branches += 16;
      e_.copy_bytes += 16 * 8;
      for (int i = 0; i < 16; ++i) helper_warning(1);  // -k: each pointer read
      event_drop_path();
      break;
    case FunctionId::Cat:
      e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
      for (size_t i = 1; i < c.args.size(); ++i) store(type_of(*c.args[i]));
      event_drop_path();
      break;
    case FunctionId::Cgroupid:
    case FunctionId::Kaddr:
    case FunctionId::Reg:
      e_.instructions += 2;
      break;
    case FunctionId::Uaddr:
      e_.instructions += 4;
      break;
    case FunctionId::Ksym:
    case FunctionId::Usym:
      buffer(16, true);
      e_.instructions += 2 + (id == FunctionId::Usym ? kHelperCall + 2 : 0);
      break;
    case FunctionId::KstackCall:
    case FunctionId::UstackCall:
      stack(type_of(c));
      break;
    default:
      break;  // aggregations are costed with their assignment
  }
}

// strcontains(): a loop over the haystack's positions, the needle's bytes
// unrolled in it; the verifier walks the loop once per position.
void Estimator::strcontains(const Call& c) {
  const Type& hay = type_of(*c.args[0]);
  const Type& needle = type_of(*c.args[1]);
  const auto* literal = dyn_cast<StringLiteral>(c.args[1]);
  uint32_t need = literal != nullptr ? static_cast<uint32_t>(literal->value.size()) : needle.size - 1;
  buffer(8, false);  // found
  buffer(8, false);  // the loop counter
  uint32_t body = 10 + need * (literal != nullptr ? 6 : 8);
  uint32_t body_branches = 3 + need * (literal != nullptr ? 2 : 3);
  e_.instructions += body + 6;
  e_.branches += body_branches;
  uint64_t once = 2ull * body + 4ull * body_branches;
  loop_processed_ += hay.size > 1 ? (hay.size - 1) * once : 0;
}

void Estimator::map_function(const Call& c, FunctionId id) {
  const auto* m = dyn_cast<MapRef>(c.args.front());
  const MapInfo* info = nullptr;
  if (m != nullptr) {
    if (auto it = ctx_.result.maps.find(m->name); it != ctx_.result.maps.end()) info = &it->second;
  }
  bool whole = names_whole_map(id, *c.args.front()) && info != nullptr;
  auto key_from_arguments = [&] {
    buffer(info->key.byte_size(), true);
    for (size_t i = 1; i < c.args.size(); ++i) store(type_of(*c.args[i]));
  };
  switch (id) {
    case FunctionId::Print:
      if (whole) {
        e_.instructions += kEventReserve + kEventHeader + kEventSubmit + 4;
      } else {
        const Type& t = type_of(*c.args.front());
        e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
        store(t);
      }
      event_drop_path();
      break;
    case FunctionId::Clear:
    case FunctionId::Zero:
      e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
      event_drop_path();
      break;
    case FunctionId::Delete:
      if (!whole) break;
      if (c.args.size() > 1) key_from_arguments();
      else map_key(*m);
      e_.instructions += kHelperCall + 2;
      break;
    case FunctionId::HasKey:
      if (!whole) break;
      key_from_arguments();
      e_.instructions += kMapLookup + 2;
      branch();
      break;
    case FunctionId::Len:
      // The counter, the helper call, and the callback (a subprogram of the program).
      e_.stack_bytes += 8;  // always on the stack (the callback context)
      stack_used_ += 8;
      e_.instructions += kHelperCall + 4 + 8;
      break;
    default:
      break;
  }
}

}  // namespace stratoshark::lang::cost
