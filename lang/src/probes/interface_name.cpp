// Interface names in network attach points (socket:, tc:, xdp:).
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

bool is_network_program(ProgramType type) {
  return type == ProgramType::SocketFilter || type == ProgramType::SchedCls || type == ProgramType::Xdp;
}

bool check_interface_name(std::string_view name, const AttachPoint& point, ProviderContext& ctx,
                          std::string_view syntax) {
  bool ok = !name.empty() && name.size() <= 15 && name.find_first_of("/: \t") == std::string_view::npos &&
            !has_wildcard(name);
  if (!ok) {
    ctx.diags.error(point.loc,
                    name.empty() ? fmt::format("'{}' names no interface", point.text)
                                 : fmt::format("'{}' is not a network interface name", name),
                    fmt::format("write {} with an interface such as eth0 (see 'ip link')", syntax));
  }
  return ok;
}

}  // namespace stratoshark::lang
