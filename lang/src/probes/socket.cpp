// socket:IFACE — a socket filter on a raw packet socket bound to IFACE (or to
// every interface with "any"): both directions, what tcpdump sees. A target's
// params are {IFACE}.
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class SocketProvider final : public ProbeProvider {
 public:
  std::string_view name() const override { return "socket"; }
  ProgramType program_type() const override { return ProgramType::SocketFilter; }
  std::string_view synopsis() const override {
    return "socket:IFACE  every packet IFACE sends or receives (any: all interfaces); packet fields, filter()";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() != 2) {
      ctx.diags.error(point.loc, fmt::format("malformed socket probe '{}'", point.text),
                      "write socket:IFACE, e.g. socket:eth0 (socket:any for every interface)");
      return {};
    }
    if (!check_interface_name(parts[1], point, ctx, "socket:IFACE")) return {};
    return {ProbeTarget{fmt::format("socket:{}", parts[1]), {parts[1]}, 0, false}};
  }

  void list(std::string_view pattern, KernelCatalog&, std::vector<std::string>& out) const override {
    if (glob_match(pattern, "socket:IFACE")) out.emplace_back("socket:IFACE");
  }
};

}  // namespace

const ProbeProvider& socket_provider() {
  static const SocketProvider provider;
  return provider;
}

}  // namespace stratoshark::lang
