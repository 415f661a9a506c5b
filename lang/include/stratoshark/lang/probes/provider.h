// Probe providers, compile side.
//
// A provider owns one kind of attach point (tracepoint, kprobe, interval, ...):
// it parses the attach point text, expands wildcards against the running
// kernel, describes the context (the `args` record) and chooses the BPF
// program type. Attaching is the runtime's half of the same provider
// (runtime/probes/), which needs none of this and keeps the runtime free of
// the compiler. All providers are listed once, in probes/registry.cpp.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/lang/kernel_catalog.h"

namespace stratoshark::lang {

// The BPF program type a probe compiles to.
enum class ProgramType : uint8_t {
  RawTracepoint,  // BEGIN/END: run once with BPF_PROG_TEST_RUN
  Tracepoint,
  Kprobe,
  PerfEvent,      // interval, profile, software, hardware
  SocketFilter,   // socket:IFACE, run on a raw packet socket (what tcpdump sees)
  SchedCls,       // tc:IFACE:ingress|egress
  Xdp,            // xdp:IFACE
  Tracing,        // fentry/fexit: BPF trampolines, one program per kernel function
};

// How a provider's programs read the positional arguments arg0..argN.
enum class ArgAccess : uint8_t {
  None,       // no argN (tracepoints use args.NAME)
  Registers,  // struct pt_regs: kprobe, uprobe (x86-64 calling convention)
  RawArray,   // an array of u64: raw tracepoints
  Usdt,       // libbpf's USDT argument specs, found through the attach cookie
};

// Network probes see packets: protocol layers and filter() work in them.
bool is_network_program(ProgramType type);

// One concrete thing to attach to, after wildcard expansion.
struct ProbeTarget {
  std::string name;                 // canonical, e.g. "tracepoint:syscalls:sys_enter_openat"
  std::vector<std::string> params;  // provider-specific, e.g. {"syscalls", "sys_enter_openat"}
  uint64_t number = 0;              // provider-specific, e.g. a period in ns
  bool retprobe = false;
};

// What happens to an attach point that names a probe the kernel or binary
// does not have (config missing_probes): an error, a warning and the attach
// point is dropped, or it is dropped silently.
enum class MissingProbes { Error, Warn, Ignore };

struct ProviderContext {
  KernelCatalog& catalog;
  Diagnostics& diags;
  uint32_t string_capacity;
  MissingProbes missing_probes = MissingProbes::Error;

  // Reports that `point` names a probe that does not exist (no such
  // tracepoint, function, binary or USDT probe), by missing_probes; a
  // provider reports every other problem with diags.error().
  void missing(const SourceRange& loc, std::string message, std::string hint) const;
};

class ProbeProvider {
 public:
  virtual ~ProbeProvider() = default;

  virtual std::string_view name() const = 0;
  virtual std::vector<std::string_view> aliases() const { return {}; }
  virtual ProgramType program_type() const = 0;
  // One line for `--help`-style listings: what the provider attaches to and its syntax.
  virtual std::string_view synopsis() const = 0;

  // Parses one attach point and expands its wildcards. Problems are reported
  // against `point` (with a hint) and give an empty result.
  virtual std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const = 0;

  // The fields of `args` for one target; nullopt when this provider has no
  // `args` (then using `args` is an error naming the provider).
  virtual std::optional<std::vector<TracepointField>> args(const ProbeTarget& target, ProviderContext& ctx) const {
    return std::nullopt;
  }

  // Appends the probes matching `pattern` (full attach point syntax with
  // wildcards) for `-l`.
  virtual void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const {}

  // When this kernel cannot attach the target: a probe that covers the same
  // event and can be attached (used in the runtime's error). Empty if none.
  virtual std::string alternative(const ProbeTarget& target, KernelCatalog& catalog) const { return {}; }

  // Positional arguments: how they are read and how many there are at most.
  virtual ArgAccess arg_access() const { return ArgAccess::None; }
  virtual uint32_t max_args() const { return 0; }
  // Where `retval` is in the context and its type; nullopt when the probe has
  // no return value (everything but kretprobe, uretprobe and fexit).
  virtual std::optional<TracepointField> retval(const ProbeTarget& target, ProviderContext& ctx) const {
    return std::nullopt;
  }
  // Whether the probed code runs in user space (uprobe, usdt): pointers made
  // from integers (casts, arg0..argN) then point into the traced process's
  // memory, and ustack/usym/uaddr/func refer to its binary.
  virtual bool user_space() const { return false; }
  // Whether the context is a struct pt_regs (reg("ip") and sargN read it).
  virtual bool has_registers() const { return arg_access() == ArgAccess::Registers; }
  // The probed function of a target (func), or empty when there is none.
  virtual std::string function_of(const ProbeTarget& target) const { return {}; }
  // Whether targets can share one program and tell themselves apart by the
  // attach cookie. When not, every target gets its own program.
  virtual bool shares_programs() const { return true; }
  // The ELF section of the program (libbpf derives the program type and
  // attach kind from it).
  virtual std::string section(const ProbeTarget& first_target) const;
};

// x86-64: registers holding the first six integer arguments and the return
// value, as offsets into struct pt_regs.
inline constexpr uint32_t kPtRegsArgOffsets[6] = {112, 104, 96, 88, 72, 64};  // di, si, dx, cx, r8, r9
inline constexpr uint32_t kPtRegsReturnOffset = 80;                           // ax
// `retval` of return probes on struct pt_regs: the ax register, as u64.
TracepointField register_retval();

// The tracepoint that sees the same event as kernel function `function`
// (its return when `ret`), for kernels that can attach neither kprobes nor
// fentry. Empty when none is known or available.
std::string tracepoint_covering(const std::string& function, bool ret, KernelCatalog& catalog);

// Looks a provider up by name or alias ("tracepoint", "t", "BEGIN").
const ProbeProvider* find_provider(std::string_view name);
std::span<const ProbeProvider* const> all_providers();

// Glob matching for attach point wildcards: '*', '?' and '[set]'.
bool glob_match(std::string_view pattern, std::string_view text);
bool has_wildcard(std::string_view text);

// Splits attach point text at ':' (quoted segments keep their colons).
std::vector<std::string> split_attach_point(std::string_view text);

// Checks that `name` can be a network interface name (1 to 15 bytes, no '/',
// ':' or white space); reports against `point` otherwise. The interface's
// existence is checked when attaching.
bool check_interface_name(std::string_view name, const AttachPoint& point, ProviderContext& ctx,
                          std::string_view syntax);

}  // namespace stratoshark::lang
