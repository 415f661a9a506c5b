// The one list of probe providers.
#include <array>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

const ProbeProvider& begin_provider();
const ProbeProvider& end_provider();
const ProbeProvider& tracepoint_provider();
const ProbeProvider& kprobe_provider();
const ProbeProvider& kretprobe_provider();
const ProbeProvider& interval_provider();
const ProbeProvider& profile_provider();
const ProbeProvider& socket_provider();
const ProbeProvider& tc_provider();
const ProbeProvider& xdp_provider();
const ProbeProvider& rawtracepoint_provider();
const ProbeProvider& uprobe_provider();
const ProbeProvider& uretprobe_provider();
const ProbeProvider& usdt_provider();
const ProbeProvider& software_provider();
const ProbeProvider& hardware_provider();
const ProbeProvider& fentry_provider();
const ProbeProvider& fexit_provider();

std::span<const ProbeProvider* const> all_providers() {
  static const std::array<const ProbeProvider*, 18> providers = {
      &begin_provider(),     &end_provider(),      &tracepoint_provider(), &kprobe_provider(),
      &kretprobe_provider(), &interval_provider(), &profile_provider(),    &socket_provider(),
      &tc_provider(),        &xdp_provider(),
      &rawtracepoint_provider(), &uprobe_provider(), &uretprobe_provider(), &usdt_provider(),
      &software_provider(),  &hardware_provider(), &fentry_provider(),     &fexit_provider(),
  };
  return providers;
}

std::string ProbeProvider::section(const ProbeTarget&) const {
  switch (program_type()) {
    case ProgramType::RawTracepoint: return "raw_tp";
    case ProgramType::Tracepoint: return "tracepoint";
    case ProgramType::Kprobe: return std::string(name());  // kprobe, kretprobe, uprobe, uretprobe, usdt
    case ProgramType::PerfEvent: return "perf_event";
    case ProgramType::SocketFilter: return "socket";
    case ProgramType::SchedCls: return "tc";
    case ProgramType::Xdp: return "xdp";
    case ProgramType::Tracing: return "fentry";
  }
  return "raw_tp";
}

const ProbeProvider* find_provider(std::string_view name) {
  for (const ProbeProvider* p : all_providers()) {
    if (p->name() == name) return p;
    for (auto alias : p->aliases()) {
      if (alias == name) return p;
    }
  }
  return nullptr;
}

void ProviderContext::missing(const SourceRange& loc, std::string message, std::string hint) const {
  switch (missing_probes) {
    case MissingProbes::Error:
      diags.error(loc, std::move(message), std::move(hint));
      return;
    case MissingProbes::Warn:
      diags.warning(loc, message + "; skipped", "missing_probes = warn drops probes that do not exist");
      return;
    case MissingProbes::Ignore:
      return;
  }
}

}  // namespace stratoshark::lang
