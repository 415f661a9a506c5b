// xdp:IFACE — an XDP program on IFACE's receive path, through a bpf_link:
// native mode where the driver has it (veth does), generic (skb) mode where
// it has not or refuses this program; which one is reported (-v).
#include <linux/if_link.h>

#include <cerrno>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

const char* mode_name(uint8_t attach_mode) {
  switch (attach_mode) {
    case XDP_ATTACHED_DRV: return "native";
    case XDP_ATTACHED_SKB: return "generic";
    case XDP_ATTACHED_HW: return "offloaded";
    case XDP_ATTACHED_MULTI: return "several modes";
    default: return "unknown";
  }
}

class XdpAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "xdp"; }

  std::string method(const ProgramSpec& program) const override {
    return fmt::format("an XDP bpf_link on {}: native mode where the driver has it, else generic (skb) mode",
                       program.targets.front().params.at(0));
  }

  Status preflight(const ProgramSpec& program) const override { return preflight_interface_hook(program, "XDP"); }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      if (Status s = check_target(t); !s) return s;
      auto index = interface_index(t.params.at(0), t);
      if (!index) return index.error();
      int ifindex = static_cast<int>(*index);
      // No mode flag: the kernel takes native mode when the driver has it.
      int fd = bpf_link_create(bpf_program__fd(prog), ifindex, BPF_XDP, nullptr);
      std::string why;
      if (fd < 0 && fd != -EPERM && fd != -EACCES && fd != -EBUSY && fd != -EEXIST) {
        // The driver refused (its MTU, a feature it lacks for XDP): generic mode always works.
        why = fmt::format(" (the driver refused native mode: {})", errno_text(fd));
        LIBBPF_OPTS(bpf_link_create_opts, generic, .flags = XDP_FLAGS_SKB_MODE);
        fd = bpf_link_create(bpf_program__fd(prog), ifindex, BPF_XDP, &generic);
      }
      if (fd < 0) return attach_error(t, fd);
      out.owned.push_back(std::make_unique<FdAttachment>(fd));
      LIBBPF_OPTS(bpf_xdp_query_opts, query);
      const char* mode = bpf_xdp_query(ifindex, 0, &query) == 0 ? mode_name(query.attach_mode) : "unknown";
      out.notes.push_back(fmt::format("{}: {} XDP{}", t.name, mode, why));
    }
    return {};
  }

 private:
  static Status check_target(const AttachTarget& t) { return require_one_interface(t, "XDP"); }

  static Error attach_error(const AttachTarget& t, int err) {
    if (err == -EBUSY || err == -EEXIST) {
      return Error{ErrorKind::Attach,
                   fmt::format("cannot attach {}: another XDP program is attached to {}", t.name, t.params.at(0)),
                   fmt::format("an interface takes one XDP program at a time; see it with 'ip link show {}', or use "
                               "tc:{}:ingress, which takes several",
                               t.params.at(0), t.params.at(0)),
                   t.position, {}};
    }
    return network_attach_error(t, err, "CAP_NET_ADMIN");
  }
};

}  // namespace

const Attacher& xdp_attacher() {
  static const XdpAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
