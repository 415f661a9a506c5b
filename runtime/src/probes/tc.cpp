// tc:IFACE:ingress|egress — a traffic-control classifier. Where the kernel
// has tcx (Linux 6.6+), a tcx bpf_link: closing it detaches, however the
// process ends. Elsewhere a cls_bpf filter on a clsact qdisc (created when
// missing): removed on every exit path stratoshark controls, but a SIGKILL
// leaves the filter, and with it the program, until `tc filter del`.
#include <linux/pkt_cls.h>

#include <cerrno>
#include <optional>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

// tcx attach types (Linux 6.6). Debian bookworm's 6.1 UAPI headers and
// libbpf 1.1 do not name them; the values are the kernel's, from enum
// bpf_attach_type in include/uapi/linux/bpf.h.
constexpr int kAttachTcxIngress = 46;
constexpr int kAttachTcxEgress = 47;

bool ingress(const AttachTarget& t) { return t.params.at(1) == "ingress"; }

// Whether the running kernel knows the tcx attach types (its BTF names them).
bool kernel_has_tcx() {
  static const bool has = [] {
    btf* vmlinux = btf__load_vmlinux_btf();
    if (vmlinux == nullptr) return false;
    bool found = false;
    int id = btf__find_by_name_kind(vmlinux, "bpf_attach_type", BTF_KIND_ENUM);
    if (id > 0) {
      const btf_type* type = btf__type_by_id(vmlinux, static_cast<uint32_t>(id));
      const struct btf_enum* values = btf_enum(type);
      for (uint16_t i = 0; i < btf_vlen(type) && !found; ++i) {
        const char* name = btf__name_by_offset(vmlinux, values[i].name_off);
        found = name != nullptr && std::string_view(name) == "BPF_TCX_INGRESS" &&
                values[i].val == kAttachTcxIngress;
      }
    }
    btf__free(vmlinux);
    return found;
  }();
  return has;
}

// A cls_bpf filter on a clsact qdisc; the qdisc goes too when we created it.
class ClsactFilter final : public Attachment {
 public:
  ClsactFilter(const bpf_tc_hook& hook, bool created_qdisc) : hook_(hook), created_qdisc_(created_qdisc) {}
  ~ClsactFilter() override {
    if (attached_) {
      LIBBPF_OPTS(bpf_tc_opts, opts, .handle = handle_, .priority = priority_);
      bpf_tc_detach(&hook_, &opts);
    }
    if (created_qdisc_) {
      bpf_tc_hook whole = hook_;
      whole.attach_point = static_cast<bpf_tc_attach_point>(BPF_TC_INGRESS | BPF_TC_EGRESS);
      bpf_tc_hook_destroy(&whole);
    }
  }
  void attached(uint32_t handle, uint32_t priority) {
    attached_ = true;
    handle_ = handle;
    priority_ = priority;
  }

 private:
  bpf_tc_hook hook_;
  bool created_qdisc_;
  bool attached_ = false;
  uint32_t handle_ = 0;
  uint32_t priority_ = 0;
};

class TcAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "tc"; }

  std::string method(const ProgramSpec& program) const override {
    const AttachTarget& t = program.targets.front();
    // Both read the packet directly, and hand packets partly in pages to a twin subprogram.
    if (kernel_has_tcx()) {
      return fmt::format("a tcx bpf_link on the {} of {} (clsact + cls_bpf only where the kernel lacks tcx); "
                         "packets partly in pages go to the twin subprogram {}_pg",
                         t.params.at(1), t.params.at(0), program.function);
    }
    return fmt::format("a cls_bpf filter on a clsact qdisc, {} of {} (this kernel has no tcx links; the filter is "
                       "removed at exit); packets partly in pages go to the twin subprogram {}_pg",
                       t.params.at(1), t.params.at(0), program.function);
  }

  Status preflight(const ProgramSpec& program) const override { return preflight_interface_hook(program, "tc"); }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    return attach_scoped(prog, program, {}, out);
  }

  Status attach_scoped(bpf_program* prog, const ProgramSpec& program, const AttachContext& context,
                       Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      if (Status s = check_target(t); !s) return s;
      auto index = interface_index(t.params.at(0), t);
      if (!index) return index.error();
      if (!context.tc_clsact && kernel_has_tcx()) {
        int fd = bpf_link_create(bpf_program__fd(prog), static_cast<int>(*index),
                                 static_cast<bpf_attach_type>(ingress(t) ? kAttachTcxIngress : kAttachTcxEgress),
                                 nullptr);
        if (fd >= 0) {
          out.owned.push_back(std::make_unique<FdAttachment>(fd));
          out.notes.push_back(fmt::format("{}: tcx link", t.name));
          continue;
        }
        if (fd != -EINVAL && fd != -EOPNOTSUPP) return attach_error(t, fd);
        // The kernel names tcx but refuses it here: take the older way.
      }
      if (Status s = attach_clsact(prog, t, *index, out); !s) return s;
    }
    return {};
  }

 private:
  static Status check_target(const AttachTarget& t) { return require_one_interface(t, "tc"); }
  static Error attach_error(const AttachTarget& t, int err) { return network_attach_error(t, err, "CAP_NET_ADMIN"); }

  static Status attach_clsact(bpf_program* prog, const AttachTarget& t, unsigned index, Attachments& out) {
    LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = static_cast<int>(index),
                .attach_point = ingress(t) ? BPF_TC_INGRESS : BPF_TC_EGRESS);
    int err = bpf_tc_hook_create(&hook);
    if (err != 0 && err != -EEXIST) return attach_error(t, err);
    bool created = err == 0;
    auto filter = std::make_unique<ClsactFilter>(hook, created);
    ClsactFilter* handle = filter.get();
    out.owned.push_back(std::move(filter));
    LIBBPF_OPTS(bpf_tc_opts, opts, .prog_fd = bpf_program__fd(prog));
    err = bpf_tc_attach(&hook, &opts);
    if (err != 0) return attach_error(t, err);
    handle->attached(opts.handle, opts.priority);
    out.notes.push_back(fmt::format("{}: cls_bpf filter (handle {}, priority {}) on {} clsact qdisc", t.name,
                                    opts.handle, opts.priority, created ? "a new" : "the existing"));
    return {};
  }
};

}  // namespace

const Attacher& tc_attacher() {
  static const TcAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
