// socket:IFACE — a raw packet socket (AF_PACKET, every protocol) bound to
// IFACE, or to every interface with socket:any, with the program attached by
// SO_ATTACH_BPF: it sees both directions, what tcpdump sees. The program
// returns 0, so the socket never queues a packet; it only carries the
// program, and closing it (however the process ends) detaches it.
#include <linux/capability.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <cerrno>

#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

bool every_interface(const AttachTarget& t) { return t.params.at(0) == "any"; }

class SocketAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "socket"; }

  std::string method(const ProgramSpec& program) const override {
    const AttachTarget& t = program.targets.front();
    return fmt::format("a raw packet socket (AF_PACKET, every protocol) bound to {}, the program attached with "
                       "SO_ATTACH_BPF; both directions",
                       every_interface(t) ? "every interface" : t.params.at(0));
  }

  Status preflight(const ProgramSpec& program) const override {
    for (const AttachTarget& t : program.targets) {
      if (!every_interface(t)) {
        auto index = interface_index(t.params.at(0), t);
        if (!index) return index.error();
      }
      if (!has_capability(CAP_NET_RAW)) return network_permission_error(t, "CAP_NET_RAW");
    }
    return {};
  }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      unsigned index = 0;
      if (!every_interface(t)) {
        auto found = interface_index(t.params.at(0), t);
        if (!found) return found.error();
        index = *found;
      }
      // Protocol 0 until bound: no packet reaches the socket before its program is in place.
      int fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
      if (fd < 0) return network_attach_error(t, -errno, "CAP_NET_RAW");
      out.owned.push_back(std::make_unique<FdAttachment>(fd));
      int prog_fd = bpf_program__fd(prog);
      if (::setsockopt(fd, SOL_SOCKET, SO_ATTACH_BPF, &prog_fd, sizeof prog_fd) != 0) {
        return network_attach_error(t, -errno, "CAP_NET_RAW");
      }
      sockaddr_ll address{};
      address.sll_family = AF_PACKET;
      address.sll_protocol = htons(ETH_P_ALL);
      address.sll_ifindex = static_cast<int>(index);
      if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        return network_attach_error(t, -errno, "CAP_NET_RAW");
      }
    }
    return {};
  }
};

}  // namespace

const Attacher& socket_attacher() {
  static const SocketAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
