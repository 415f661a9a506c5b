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
      break;
    case BuiltinId::Rand:
      e_.instructions += kHelperCall + 1;
      break;
    default:
      e_.instructions += kHelperCall - 1;
      break;
  }
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
    if (id == FunctionId::Pton) continue;                              // converted when compiling
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
    default:
      break;  // aggregations are costed with their assignment
  }
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
      buffer(8, false);
      e_.instructions += kHelperCall + 4 + 8;
      break;
    default:
      break;
  }
}

}  // namespace stratoshark::lang::cost
