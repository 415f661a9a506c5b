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

std::span<const ProbeProvider* const> all_providers() {
  static const std::array<const ProbeProvider*, 10> providers = {
      &begin_provider(),     &end_provider(),      &tracepoint_provider(), &kprobe_provider(),
      &kretprobe_provider(), &interval_provider(), &profile_provider(),    &socket_provider(),
      &tc_provider(),        &xdp_provider(),
  };
  return providers;
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

}  // namespace stratoshark::lang
