// What the network attachers (socket, tc, xdp) share: finding the interface
// by name in the current network namespace, and the permission error.
#include <linux/capability.h>
#include <net/if.h>

#include <cerrno>
#include <unistd.h>

#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

// "lo, eth0, veth0" — the interfaces of the current network namespace.
std::string interface_list() {
  std::string names;
  if (struct if_nameindex* all = if_nameindex()) {
    for (struct if_nameindex* i = all; i->if_index != 0 && i->if_name != nullptr; ++i) {
      names += (names.empty() ? "" : ", ") + std::string(i->if_name);
    }
    if_freenameindex(all);
  }
  return names.empty() ? "none" : names;
}

}  // namespace

FdAttachment::~FdAttachment() { ::close(fd_); }

Result<unsigned> interface_index(const std::string& name, const AttachTarget& target) {
  unsigned index = if_nametoindex(name.c_str());
  if (index != 0) return index;
  return Error{ErrorKind::Attach,
               fmt::format("{}: no network interface named '{}' in this network namespace", target.name, name),
               fmt::format("the interfaces here are: {} (see 'ip link'); to capture inside another namespace, "
                           "give --netns NAME (capture) or run under 'ip netns exec NAME'",
                           interface_list()),
               target.position,
               {}};
}

Error network_permission_error(const AttachTarget& target, const char* capability) {
  return Error{ErrorKind::Permission,
               fmt::format("Failed to attach eBPF program: Operation not permitted ({} needs {})", target.name,
                           capability),
               std::string_view(capability) == "CAP_NET_RAW"
                   ? "run as root (sudo stratoshark ...), or give the binary the capabilities it needs: sudo setcap "
                     "cap_bpf,cap_perfmon,cap_net_admin,cap_net_raw+ep $(command -v stratoshark)"
                   : permission_hint(),
               target.position, {}};
}

Error network_attach_error(const AttachTarget& target, int err, const char* capability) {
  if (err == -EPERM || err == -EACCES) return network_permission_error(target, capability);
  return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", target.name, errno_text(err)),
               err == -ENODEV || err == -ENOENT || err == -ENXIO ? "the interface went away; list them with 'ip link'"
                                                                 : "",
               target.position, {}};
}

Status require_one_interface(const AttachTarget& target, const char* hook) {
  if (target.params.at(0) != "any") return {};
  return Error{ErrorKind::Attach, fmt::format("{}: {} attaches to one interface, not to 'any'", target.name, hook),
               "name an interface (see 'ip link'), or use socket:any to see every interface", target.position, {}};
}

Status preflight_interface_hook(const ProgramSpec& program, const char* hook) {
  for (const AttachTarget& t : program.targets) {
    if (Status s = require_one_interface(t, hook); !s) return s;
    if (!has_capability(CAP_NET_ADMIN)) return network_permission_error(t, "CAP_NET_ADMIN");
  }
  return {};
}

}  // namespace stratoshark::runtime
