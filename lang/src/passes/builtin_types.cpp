// Type rules of the builtin variables, one function per builtins.def entry.
#include <array>

#include <fmt/format.h>

#include "library_rules.h"
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
// A pointer to the current task_struct where kernel BTF describes it.
Type type_Curtask(BuiltinUse& use) {
  const KernelStruct* task = use.checker.find_kernel_struct("struct task_struct");
  if (task == nullptr) return Type::u64();
  return Type::pointer(Type::struct_type(task->key, task->size), false);
}
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

// The names of the providers of `probe` that lack a capability, for messages.
std::string providers_without(BuiltinUse& use, bool (*has)(const ResolvedAttach&, BuiltinUse&)) {
  std::string names;
  for (const auto& attach : use.checker.result().probes[use.probe.index].attaches) {
    if (has(attach, use)) continue;
    std::string n(attach.provider->name());
    if (names.find(n) == std::string::npos) names += (names.empty() ? "" : ", ") + n;
  }
  return names;
}

Type type_ArgN(BuiltinUse& use) {
  int n = positional_arg_index(use.node.name);
  std::string without = providers_without(use, [](const ResolvedAttach& a, BuiltinUse&) {
    return a.provider->arg_access() != ArgAccess::None;
  });
  if (!without.empty()) {
    use.checker.diags().error(use.node.loc, fmt::format("'{}' is not available in {} probes", use.node.name, without),
                              "arg0..argN exist in kprobe, uprobe, usdt and rawtracepoint probes; "
                              "tracepoints and fentry name their arguments: args.NAME");
    return Type::none();
  }
  for (const auto& attach : use.checker.result().probes[use.probe.index].attaches) {
    uint32_t max = attach.provider->max_args();
    if (static_cast<uint32_t>(n) >= max) {
      use.checker.diags().error(use.node.loc,
                                fmt::format("{} probes have {} positional arguments, arg0 to arg{}; '{}' is beyond them",
                                            attach.provider->name(), max, max - 1, use.node.name),
                                attach.provider->arg_access() == ArgAccess::Registers
                                    ? "only the six arguments passed in registers are readable"
                                    : "use a lower argument number");
      return Type::none();
    }
  }
  // USDT argument specs carry their signedness; the decoded value is sign-extended.
  bool all_usdt = true;
  for (const auto& attach : use.checker.result().probes[use.probe.index].attaches) {
    all_usdt = all_usdt && attach.provider->arg_access() == ArgAccess::Usdt;
  }
  return all_usdt ? Type::i64() : Type::u64();
}

Type type_Retval(BuiltinUse& use) {
  Type result = Type::none();
  std::string without;
  ProviderContext pctx{use.checker.context().catalog, use.checker.diags(),
                       use.checker.context().options.string_capacity};
  for (const auto& attach : use.checker.result().probes[use.probe.index].attaches) {
    for (const ProbeTarget& target : attach.targets) {
      auto field = attach.provider->retval(target, pctx);
      if (!field) {
        without = std::string(attach.provider->name());
        break;
      }
      if (!field->unsupported.empty()) {
        use.checker.diags().error(use.node.loc, fmt::format("{}: {}", target.name, field->unsupported));
        return Type::none();
      }
      result = result.is_none() ? field->type : unify(result, field->type);
      if (result.is_none()) {
        use.checker.diags().error(use.node.loc, "'retval' has different types in the functions this probe matches",
                                  "narrow the wildcard to functions that return the same type");
        return Type::none();
      }
    }
    if (!without.empty()) break;
  }
  if (!without.empty()) {
    use.checker.diags().error(use.node.loc, fmt::format("'retval' is not available in {} probes", without),
                              "retval exists where a function returns: kretprobe, uretprobe and fexit");
    return Type::none();
  }
  return result;
}

Type type_Kstack(BuiltinUse& use) { return stack_type(false, 127, use.checker.context().options.stack_mode); }
Type type_Ustack(BuiltinUse& use) { return stack_type(true, 127, use.checker.context().options.stack_mode); }
Type type_Cpid(BuiltinUse&) { return Type::u32(); }

// func: the function a kprobe, uprobe or fentry probe (or its return probe) is on.
Type type_Func(BuiltinUse& use) {
  std::string without = providers_without(use, [](const ResolvedAttach& a, BuiltinUse&) {
    return !a.targets.empty() && !a.provider->function_of(a.targets.front()).empty();
  });
  if (!without.empty()) {
    use.checker.diags().error(use.node.loc, fmt::format("'func' is not available in {} probes", without),
                              "func names the probed function in kprobe, uprobe and fentry probes (and their "
                              "return probes); 'probe' names any probe");
    return Type::none();
  }
  return Type::of(TypeKind::FuncName);
}

// sargN: the N-th argument passed on the stack (x86-64: above the return address).
Type type_SargN(BuiltinUse& use) {
  std::string without = providers_without(use, [](const ResolvedAttach& a, BuiltinUse&) {
    return a.provider->has_registers();
  });
  if (!without.empty()) {
    use.checker.diags().error(use.node.loc, fmt::format("'{}' is not available in {} probes", use.node.name, without),
                              "stack arguments are read in kprobe and uprobe probes (from the stack pointer)");
    return Type::none();
  }
  return Type::u64();
}

constexpr std::array<BuiltinRule, kBuiltinCount> kRules = {
#define SS_BUILTIN(id, name, description) &type_##id,
#include "stratoshark/lang/builtins.def"
#undef SS_BUILTIN
};

}  // namespace

BuiltinRule builtin_rule(BuiltinId id) { return kRules[static_cast<size_t>(id)]; }

}  // namespace stratoshark::lang
