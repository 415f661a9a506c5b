// rawtracepoint:EVENT — a kernel tracepoint without its trace record: the
// program gets the tracepoint's C arguments as arg0..argN (u64 each), as the
// kernel passes them (pointers stay pointers). Names are the events of
// tracefs without their category; the syscalls:* events are not real
// tracepoints (they all sit behind raw_syscalls:sys_enter/sys_exit).
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

// The raw tracepoint names of this kernel, from the tracefs event list.
std::vector<std::string> raw_tracepoints(KernelCatalog& catalog) {
  std::vector<std::string> names;
  for (const auto& tp : catalog.tracepoints()) {
    auto colon = tp.find(':');
    if (colon == std::string::npos || tp.compare(0, colon, "syscalls") == 0) continue;
    names.push_back(tp.substr(colon + 1));
  }
  return names;
}

class RawTracepointProvider final : public ProbeProvider {
 public:
  std::string_view name() const override { return "rawtracepoint"; }
  std::vector<std::string_view> aliases() const override { return {"rt"}; }
  ProgramType program_type() const override { return ProgramType::RawTracepoint; }
  std::string_view synopsis() const override {
    return "rawtracepoint:EVENT  kernel tracepoint's raw arguments as arg0..argN; wildcards allowed";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() != 2 || parts[1].empty()) {
      ctx.diags.error(point.loc, fmt::format("malformed rawtracepoint '{}'", point.text),
                      "write rawtracepoint:EVENT, e.g. rawtracepoint:sched_switch");
      return {};
    }
    const std::string& wanted = parts[1];
    auto names = raw_tracepoints(ctx.catalog);
    if (names.empty()) {
      ctx.diags.error(point.loc, "cannot list the kernel's tracepoints: tracefs is not available",
                      "mount it with: mount -t tracefs tracefs /sys/kernel/tracing");
      return {};
    }
    std::vector<ProbeTarget> targets;
    for (const auto& n : names) {
      bool match = has_wildcard(wanted) ? glob_match(wanted, n) : n == wanted;
      if (!match) continue;
      bool seen = false;
      for (const auto& t : targets) seen = seen || t.params[0] == n;
      if (!seen) targets.push_back(make_target(n));
      if (!has_wildcard(wanted)) break;
    }
    if (!targets.empty()) return targets;
    if (has_wildcard(wanted)) {
      ctx.missing(point.loc, fmt::format("no raw tracepoint matches '{}'", point.text),
                  "list them with: stratoshark -l 'rawtracepoint:*'");
      return {};
    }
    std::string suggestion = closest_match(wanted, names);
    bool is_syscall = wanted.rfind("sys_enter_", 0) == 0 || wanted.rfind("sys_exit_", 0) == 0;
    ctx.missing(point.loc, fmt::format("raw tracepoint '{}' does not exist", wanted),
                is_syscall ? std::string("system calls have no raw tracepoint each: use rawtracepoint:sys_enter "
                                         "(arg1 is the system call number) or tracepoint:syscalls:" + wanted)
                : suggestion.empty() ? std::string("list them with: stratoshark -l 'rawtracepoint:*'")
                                     : fmt::format("did you mean 'rawtracepoint:{}'?", suggestion));
    return {};
  }

  void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const override {
    for (const auto& n : raw_tracepoints(catalog)) {
      std::string full = "rawtracepoint:" + n;
      if (glob_match(pattern, full)) out.push_back(std::move(full));
    }
  }

  ArgAccess arg_access() const override { return ArgAccess::RawArray; }
  uint32_t max_args() const override { return 12; }  // MAX_BPF_FUNC_ARGS
  // libbpf 1.1 cannot give raw tracepoint links a cookie.
  bool shares_programs() const override { return false; }

 private:
  static ProbeTarget make_target(const std::string& event) {
    ProbeTarget t;
    t.name = "rawtracepoint:" + event;
    t.params = {event};
    return t;
  }
};

}  // namespace

const ProbeProvider& rawtracepoint_provider() {
  static const RawTracepointProvider provider;
  return provider;
}

}  // namespace stratoshark::lang
