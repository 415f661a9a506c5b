// xdp:IFACE — an XDP program on IFACE's receive path (native mode where the
// driver supports it, generic otherwise; the runtime reports which). It
// observes and passes every packet on. A target's params are {IFACE}.
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class XdpProvider final : public ProbeProvider {
 public:
  std::string_view name() const override { return "xdp"; }
  ProgramType program_type() const override { return ProgramType::Xdp; }
  std::string_view synopsis() const override {
    return "xdp:IFACE  packets IFACE receives, before the network stack; packet fields, filter()";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() != 2) {
      ctx.diags.error(point.loc, fmt::format("malformed xdp probe '{}'", point.text), "write xdp:IFACE, e.g. xdp:eth0");
      return {};
    }
    if (!check_interface_name(parts[1], point, ctx, "xdp:IFACE")) return {};
    return {ProbeTarget{fmt::format("xdp:{}", parts[1]), {parts[1]}, 0, false}};
  }

  void list(std::string_view pattern, KernelCatalog&, std::vector<std::string>& out) const override {
    if (glob_match(pattern, "xdp:IFACE")) out.emplace_back("xdp:IFACE");
  }
};

}  // namespace

const ProbeProvider& xdp_provider() {
  static const XdpProvider provider;
  return provider;
}

}  // namespace stratoshark::lang
