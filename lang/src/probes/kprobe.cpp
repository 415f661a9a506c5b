// kprobe:FUNCTION[+OFFSET] and kretprobe:FUNCTION — dynamic kernel probes.
//
// Kprobe programs compile and load (the verifier checks them) on any kernel;
// attaching needs CONFIG_KPROBES. Where the kernel lacks kprobes the runtime
// reports so and suggests alternative(): a tracepoint for the same event.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

// Kernel functions people probe most, and the tracepoint that sees the same event.
struct Equivalent {
  std::string_view function;
  std::string_view tracepoint;
};
constexpr Equivalent kEquivalents[] = {
    {"tcp_v4_connect", "sock:inet_sock_set_state"},
    {"tcp_v6_connect", "sock:inet_sock_set_state"},
    {"tcp_connect", "sock:inet_sock_set_state"},
    {"tcp_set_state", "sock:inet_sock_set_state"},
    {"inet_csk_accept", "sock:inet_sock_set_state"},
    {"tcp_close", "sock:inet_sock_set_state"},
    {"tcp_retransmit_skb", "tcp:tcp_retransmit_skb"},
    {"tcp_send_reset", "tcp:tcp_send_reset"},
    {"do_sys_open", "syscalls:sys_enter_openat"},
    {"do_sys_openat2", "syscalls:sys_enter_openat"},
    {"vfs_open", "syscalls:sys_enter_openat"},
    {"vfs_read", "syscalls:sys_enter_read"},
    {"vfs_write", "syscalls:sys_enter_write"},
    {"ksys_read", "syscalls:sys_enter_read"},
    {"ksys_write", "syscalls:sys_enter_write"},
    {"do_exit", "sched:sched_process_exit"},
    {"kernel_clone", "sched:sched_process_fork"},
    {"_do_fork", "sched:sched_process_fork"},
    {"do_execve", "sched:sched_process_exec"},
    {"do_execveat_common", "sched:sched_process_exec"},
    {"finish_task_switch", "sched:sched_switch"},
    {"try_to_wake_up", "sched:sched_wakeup"},
    {"blk_account_io_start", "block:block_io_start"},
    {"blk_account_io_done", "block:block_io_done"},
    {"blk_mq_start_request", "block:block_rq_issue"},
    {"kfree_skb", "skb:kfree_skb"},
    {"kfree_skb_reason", "skb:kfree_skb"},
    {"oom_kill_process", "oom:mark_victim"},
    {"security_file_open", "syscalls:sys_enter_openat"},
    {"handle_mm_fault", "exceptions:page_fault_user"},
};

}  // namespace

TracepointField register_retval() {
  TracepointField f;
  f.name = "retval";
  f.c_type = "u64";
  f.offset = kPtRegsReturnOffset;
  f.size = 8;
  f.type = Type::u64();
  return f;
}

std::string tracepoint_covering(const std::string& function, bool ret, KernelCatalog& catalog) {
  const auto& all = catalog.tracepoints();
  auto available = [&](std::string_view tp) { return catalog.has_tracepoint(std::string(tp)); };
  for (const auto& e : kEquivalents) {
    if (e.function != function) continue;
    std::string tp(e.tracepoint);
    // A return probe of a system call path matches the syscall's exit.
    if (ret && tp.rfind("syscalls:sys_enter_", 0) == 0) tp = "syscalls:sys_exit_" + tp.substr(19);
    if (available(tp)) return "tracepoint:" + tp;
  }
  // System call entry points: __x64_sys_NAME, __se_sys_NAME, ksys_NAME, sys_NAME.
  for (std::string_view prefix : {"__x64_sys_", "__ia32_sys_", "__se_sys_", "__do_sys_", "ksys_", "sys_"}) {
    if (function.rfind(prefix, 0) == 0) {
      std::string tp = fmt::format("syscalls:sys_{}_{}", ret ? "exit" : "enter", function.substr(prefix.size()));
      if (available(tp)) return "tracepoint:" + tp;
    }
  }
  // A tracepoint with the function's own name (tcp_probe, kfree_skb, ...).
  for (const auto& tp : all) {
    auto colon = tp.find(':');
    if (colon != std::string::npos && tp.compare(colon + 1, std::string::npos, function) == 0) {
      return "tracepoint:" + tp;
    }
  }
  return {};
}

namespace {

class KprobeProvider final : public ProbeProvider {
 public:
  explicit KprobeProvider(bool ret) : ret_(ret) {}

  std::string_view name() const override { return ret_ ? "kretprobe" : "kprobe"; }
  std::vector<std::string_view> aliases() const override {
    if (ret_) return {"kr"};
    return {"k"};
  }
  ProgramType program_type() const override { return ProgramType::Kprobe; }
  std::string_view synopsis() const override {
    return ret_ ? "kretprobe:FUNCTION  return of a kernel function (needs CONFIG_KPROBES)"
                : "kprobe:FUNCTION[+OFFSET]  entry of a kernel function (needs CONFIG_KPROBES)";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    // kprobe:FUNC or kprobe:MODULE:FUNC
    if (parts.size() < 2 || parts.size() > 3 || parts.back().empty()) {
      ctx.diags.error(point.loc, fmt::format("malformed {} '{}'", name(), point.text),
                      fmt::format("write {}:FUNCTION, e.g. {}:tcp_v4_connect", name(), name()));
      return {};
    }
    std::string function = parts.back();
    uint64_t offset = 0;
    if (auto plus = function.find('+'); plus != std::string::npos) {
      std::string digits = function.substr(plus + 1);
      function.resize(plus);
      int base = 10;
      std::string_view view(digits);
      if (view.rfind("0x", 0) == 0) {
        base = 16;
        view.remove_prefix(2);
      }
      auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), offset, base);
      if (ret_ || ec != std::errc() || ptr != view.data() + view.size() || view.empty()) {
        ctx.diags.error(point.loc, ret_ ? "kretprobe does not take an offset" : fmt::format("bad offset '{}'", digits),
                        ret_ ? "remove '+OFFSET'" : "write the offset in decimal or 0x-hex, e.g. kprobe:f+0x10");
        return {};
      }
    }
    std::vector<ProbeTarget> targets;
    if (has_wildcard(function)) {
      const auto& functions = ctx.catalog.kprobe_functions();
      if (functions.empty()) {
        ctx.diags.error(point.loc,
                        fmt::format("cannot expand '{}': this kernel lists no functions for kprobes "
                                    "(available_filter_functions is missing; kprobes are probably not enabled)",
                                    point.text),
                        "name one function without wildcards, or use a tracepoint");
        return {};
      }
      for (const auto& f : functions) {
        if (glob_match(function, f)) targets.push_back(make_target(f, offset));
      }
      if (targets.empty()) {
        ctx.missing(point.loc, fmt::format("no kernel function matches '{}'", point.text),
                    fmt::format("list them with: stratoshark -l '{}:*'", name()));
      }
      return targets;
    }
    targets.push_back(make_target(function, offset));
    return targets;
  }

  void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const override {
    for (const auto& f : catalog.kprobe_functions()) {
      std::string full = std::string(name()) + ":" + f;
      if (glob_match(pattern, full)) out.push_back(std::move(full));
    }
  }

  std::string alternative(const ProbeTarget& target, KernelCatalog& catalog) const override {
    if (catalog.has_kprobes()) return {};  // nothing to suggest where kprobes attach
    return tracepoint_covering(target.params[0], ret_, catalog);
  }

  ArgAccess arg_access() const override { return ArgAccess::Registers; }
  uint32_t max_args() const override { return 6; }
  std::string function_of(const ProbeTarget& target) const override { return target.params[0]; }
  std::optional<TracepointField> retval(const ProbeTarget&, ProviderContext&) const override {
    if (!ret_) return std::nullopt;
    return register_retval();
  }

 private:
  ProbeTarget make_target(const std::string& function, uint64_t offset) const {
    ProbeTarget t;
    t.name = fmt::format("{}:{}", name(), function);
    if (offset != 0) t.name += fmt::format("+{}", offset);
    t.params = {function};
    t.number = offset;
    t.retprobe = ret_;
    return t;
  }

  bool ret_;
};

}  // namespace

const ProbeProvider& kprobe_provider() {
  static const KprobeProvider provider(false);
  return provider;
}

const ProbeProvider& kretprobe_provider() {
  static const KprobeProvider provider(true);
  return provider;
}

}  // namespace stratoshark::lang
