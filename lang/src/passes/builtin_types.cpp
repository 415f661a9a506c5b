// Type rules of the builtin variables, one function per builtins.def entry.
#include <array>

#include <fmt/format.h>

#include "type_checker.h"

namespace stratoshark::lang {

namespace {

Type type_Pid(BuiltinUse&) { return Type::u32(); }
Type type_Tid(BuiltinUse&) { return Type::u32(); }
Type type_Uid(BuiltinUse&) { return Type::u32(); }
Type type_Gid(BuiltinUse&) { return Type::u32(); }
Type type_Comm(BuiltinUse&) { return Type::string(16); }
Type type_Nsecs(BuiltinUse&) { return Type::u64(); }
Type type_Cpu(BuiltinUse&) { return Type::u32(); }
Type type_Probe(BuiltinUse&) { return Type::probe_name(); }
Type type_Elapsed(BuiltinUse&) { return Type::u64(); }
Type type_Numaid(BuiltinUse&) { return Type::u32(); }
Type type_Cgroup(BuiltinUse&) { return Type::u64(); }
Type type_Curtask(BuiltinUse&) { return Type::u64(); }
Type type_Rand(BuiltinUse&) { return Type::u32(); }
Type type_Jiffies(BuiltinUse&) { return Type::u64(); }

Type type_Args(BuiltinUse& use) {
  std::string without;
  if (!use.checker.probe_has_args(use.probe, without)) {
    use.checker.diags().error(use.node.loc, fmt::format("'args' is not available in {} probes", without),
                              "args holds tracepoint arguments; use it in tracepoint:CATEGORY:EVENT probes");
    return Type::none();
  }
  return Type::record();
}

constexpr std::array<BuiltinRule, kBuiltinCount> kRules = {
#define SS_BUILTIN(id, name, description) &type_##id,
#include "stratoshark/lang/builtins.def"
#undef SS_BUILTIN
};

}  // namespace

BuiltinRule builtin_rule(BuiltinId id) { return kRules[static_cast<size_t>(id)]; }

}  // namespace stratoshark::lang
