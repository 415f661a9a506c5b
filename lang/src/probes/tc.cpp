// tc:IFACE:ingress|egress — a traffic-control classifier (tcx link, or
// clsact + cls_bpf on kernels without tcx). It observes and passes every
// packet on. A target's params are {IFACE, ingress|egress}.
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class TcProvider final : public ProbeProvider {
 public:
  std::string_view name() const override { return "tc"; }
  ProgramType program_type() const override { return ProgramType::SchedCls; }
  std::string_view synopsis() const override {
    return "tc:IFACE:ingress|egress  packets entering or leaving IFACE (traffic control); packet fields, filter()";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() != 3 || (parts[2] != "ingress" && parts[2] != "egress")) {
      ctx.diags.error(point.loc, fmt::format("malformed tc probe '{}'", point.text),
                      "write tc:IFACE:ingress or tc:IFACE:egress, e.g. tc:eth0:ingress");
      return {};
    }
    if (!check_interface_name(parts[1], point, ctx, "tc:IFACE:ingress|egress")) return {};
    return {ProbeTarget{fmt::format("tc:{}:{}", parts[1], parts[2]), {parts[1], parts[2]}, 0, false}};
  }

  void list(std::string_view pattern, KernelCatalog&, std::vector<std::string>& out) const override {
    for (const char* d : {"tc:IFACE:ingress", "tc:IFACE:egress"}) {
      if (glob_match(pattern, d)) out.emplace_back(d);
    }
  }
};

}  // namespace

const ProbeProvider& tc_provider() {
  static const TcProvider provider;
  return provider;
}

}  // namespace stratoshark::lang
