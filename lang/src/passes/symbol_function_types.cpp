// Type rules of the functions that name the system: cgroupid(), reg(),
// kaddr(), uaddr(), ksym(), usym(), kstack() and ustack(). What can be known
// when compiling (ids, register offsets, addresses) is resolved here and
// kept in SemaResult::constants under the call's id.
#include <fmt/format.h>

#include "library_rules.h"
#include "stratoshark/lang/ast_printer.h"

namespace stratoshark::lang {

namespace {

constexpr uint32_t kMaxStackFrames = 127;  // the kernel's default perf_event_max_stack

const StringLiteral* name_argument(CallUse& use, const char* example) {
  const auto* literal = dyn_cast<StringLiteral>(use.call.args[0]);
  if (literal == nullptr) {
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("{}() needs a string literal, but '{}' is not one", use.call.name,
                                          print_expr(*use.call.args[0])),
                              fmt::format("it is resolved when the program is compiled, e.g. {}", example));
  }
  return literal;
}

void keep(CallUse& use, uint64_t value) {
  ConstantValue c;
  c.integer = static_cast<int64_t>(value);
  use.checker.result().constants[use.call.id] = c;
}

// The providers of the probe that lack a capability, for messages ("" when all have it).
std::string providers_without(CallUse& use, bool (*has)(const ProbeProvider&)) {
  std::string names;
  for (const auto& attach : use.checker.result().probes[use.probe.index].attaches) {
    if (has(*attach.provider)) continue;
    std::string n(attach.provider->name());
    if (names.find(n) == std::string::npos) names += (names.empty() ? "" : ", ") + n;
  }
  return names;
}

bool symbol_address(CallUse& use, bool user) {
  if (!TypeChecker::integral(use.args[0])) {
    use.checker.diags().error(use.call.args[0]->loc,
                              fmt::format("{}() needs an address, but '{}' is {}", use.call.name,
                                          print_expr(*use.call.args[0]), use.args[0].to_string()),
                              user ? "e.g. usym(reg(\"ip\"))" : "e.g. ksym(reg(\"ip\"))");
    return false;
  }
  return true;
}

Type stack_call(CallUse& use, bool user) {
  std::string mode = use.checker.context().options.stack_mode;  // config stack_mode
  uint32_t frames = kMaxStackFrames;
  for (const Expr* arg : use.call.args) {
    if (const auto* m = dyn_cast<Identifier>(arg)) {
      if (m->name != "bpftrace" && m->name != "perf" && m->name != "raw") {
        use.checker.diags().error(arg->loc, fmt::format("'{}' is not a stack mode", m->name),
                                  "the modes are bpftrace (the default, unless the config block's stack_mode "
                                  "says otherwise), perf and raw");
        return Type::none();
      }
      if (arg != use.call.args.front()) {
        use.checker.diags().error(arg->loc, "the stack mode comes first", fmt::format("write {}({}, N)",
                                                                                      use.call.name, m->name));
        return Type::none();
      }
      mode = m->name;
      continue;
    }
    auto n = use.checker.constant_int(*arg);
    if (!n || *n < 1 || *n > kMaxStackFrames) {
      use.checker.diags().error(arg->loc,
                                fmt::format("the frames of {}() must be a constant from 1 to {}", use.call.name,
                                            kMaxStackFrames),
                                fmt::format("e.g. {}(5) or {}(perf, 5)", use.call.name, use.call.name));
      return Type::none();
    }
    frames = static_cast<uint32_t>(*n);
  }
  return stack_type(user, frames, mode);
}

}  // namespace

Type stack_type(bool user, uint32_t frames, const std::string& mode) {
  Type t = Type::stack(user, frames);
  t.name = mode;
  return t;
}

int register_offset(std::string_view name) {
  // struct pt_regs on x86-64, in order.
  static constexpr std::string_view kRegisters[] = {"r15", "r14", "r13", "r12", "bp", "bx", "r11",
                                                    "r10", "r9",  "r8",  "ax",  "cx", "dx", "si",
                                                    "di",  "orig_ax", "ip", "cs", "flags", "sp", "ss"};
  for (size_t i = 0; i < std::size(kRegisters); ++i) {
    if (kRegisters[i] == name) return static_cast<int>(i * 8);
  }
  return -1;
}

Type check_Cgroupid(CallUse& use) {
  const StringLiteral* path = name_argument(use, "cgroupid(\"/sys/fs/cgroup/system.slice\")");
  if (path == nullptr) return Type::none();
  std::string error;
  auto id = use.checker.context().catalog.cgroup_id(path->value, error);
  if (!id) {
    use.checker.diags().error(path->loc, fmt::format("cannot get the cgroup id of '{}': {}", path->value, error),
                              "give the path of a cgroup v2 directory, e.g. /sys/fs/cgroup/system.slice");
    return Type::none();
  }
  keep(use, *id);
  return Type::u64();
}

Type check_Reg(CallUse& use) {
  const StringLiteral* name = name_argument(use, "reg(\"ip\")");
  if (name == nullptr) return Type::none();
  std::string without = providers_without(use, [](const ProbeProvider& p) { return p.has_registers(); });
  if (!without.empty()) {
    use.checker.diags().error(use.call.loc, fmt::format("reg() is not available in {} probes", without),
                              "registers are read in kprobe and uprobe probes (their context is struct pt_regs)");
    return Type::none();
  }
  int offset = register_offset(name->value);
  if (offset < 0) {
    use.checker.diags().error(name->loc, fmt::format("'{}' is not an x86-64 register", name->value),
                              "registers: ip sp bp ax bx cx dx si di r8 .. r15 flags cs ss orig_ax");
    return Type::none();
  }
  keep(use, static_cast<uint64_t>(offset));
  return Type::u64();
}

Type check_Kaddr(CallUse& use) {
  const StringLiteral* name = name_argument(use, "kaddr(\"vfs_read\")");
  if (name == nullptr) return Type::none();
  std::string error;
  auto address = use.checker.context().catalog.kernel_symbol(name->value, error);
  if (!address) {
    use.checker.diags().error(name->loc, fmt::format("cannot find kernel symbol '{}': {}", name->value, error),
                              "kernel symbols are listed in /proc/kallsyms (data symbols only with "
                              "CONFIG_KALLSYMS_ALL)");
    return Type::none();
  }
  keep(use, *address);
  return Type::u64();
}

// uaddr("sym"): the symbol's address in the probed binary, as a pointer sized
// by the symbol (uint8 * .. uint64 *). In uprobe entry probes the address is
// moved by where the binary is loaded (PIE), measured from the probed
// function's address; elsewhere it is the file's address.
Type check_Uaddr(CallUse& use) {
  const StringLiteral* name = name_argument(use, "uaddr(\"ps1_prompt\")");
  if (name == nullptr) return Type::none();
  const auto& attaches = use.checker.result().probes[use.probe.index].attaches;
  std::string binary;
  bool one_binary = true;
  size_t targets = 0;
  for (const auto& attach : attaches) {
    if (!attach.provider->user_space()) {
      use.checker.diags().error(use.call.loc, fmt::format("uaddr() is not available in {} probes", attach.provider->name()),
                                "uaddr() names a symbol of the binary a uprobe or usdt probe attaches to");
      return Type::none();
    }
    for (const ProbeTarget& t : attach.targets) {
      if (binary.empty()) binary = t.params[0];
      one_binary = one_binary && t.params[0] == binary;
      ++targets;
    }
  }
  if (!one_binary || binary.empty()) {
    use.checker.diags().error(use.call.loc, "uaddr() needs a probe on one binary",
                              "split the probe so that each one attaches to a single binary");
    return Type::none();
  }
  std::string error;
  auto symbol = use.checker.context().catalog.binary_symbol(binary, name->value, error);
  if (!symbol) {
    use.checker.diags().error(name->loc, fmt::format("cannot find symbol '{}' in {}: {}", name->value, binary, error));
    return Type::none();
  }
  UserAddress address{symbol->address, 0};
  if (targets == 1 && attaches.size() == 1 && attaches[0].provider->function_of(attaches[0].targets[0]) != "" &&
      !attaches[0].targets[0].retprobe) {
    const ProbeTarget& t = attaches[0].targets[0];
    if (auto function = use.checker.context().catalog.binary_symbol(binary, t.params[1], error)) {
      address.probed = function->address + t.number;
    }
  }
  use.checker.result().user_addresses[use.call.id] = address;
  uint64_t size = symbol->size;
  uint8_t bits = size == 1 ? 8 : size == 2 ? 16 : size == 4 ? 32 : 64;
  return Type::pointer(Type::integer(bits, false), true);
}

Type check_Ksym(CallUse& use) { return symbol_address(use, false) ? Type::symbol(false) : Type::none(); }

// usym(addr) is resolved in the current process, in any probe.
Type check_Usym(CallUse& use) { return symbol_address(use, true) ? Type::symbol(true) : Type::none(); }

Type check_KstackCall(CallUse& use) { return stack_call(use, false); }
Type check_UstackCall(CallUse& use) { return stack_call(use, true); }

}  // namespace stratoshark::lang
