// Probe providers, runtime side: how each provider's programs attach, and the
// kernel requirements to check first. One file per provider, listed once in
// registry.cpp. The compile side of each provider lives in lang/probes/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/error.h"

struct bpf_program;
struct bpf_link;

namespace stratoshark::runtime {

// What a run adds to the artifact when attaching.
struct AttachContext {
  int pid = -1;  // > 0 (-p, -c): only this process (uprobes, usdt, software/hardware counters)
  bool tc_clsact = false;  // tc: use clsact + cls_bpf even where the kernel has tcx links
};

// A kernel attachment that is not a libbpf bpf_link (a packet socket with a
// program attached, a tcx link fd, a cls_bpf filter): its destructor detaches.
class Attachment {
 public:
  virtual ~Attachment() = default;
};

// An attachment held by one file descriptor (a link fd, a packet socket):
// closing it detaches.
class FdAttachment final : public Attachment {
 public:
  explicit FdAttachment(int fd) : fd_(fd) {}
  ~FdAttachment() override;

 private:
  int fd_;
};

// What attaching created, released by the session in reverse order of kind:
// links first (in parallel), then the other attachments.
struct Attachments {
  std::vector<bpf_link*> links;
  std::vector<std::unique_ptr<Attachment>> owned;
  // How each network probe attached in the end ("tc:eth0:ingress: tcx link"),
  // where that is only known after trying (shown with -v).
  std::vector<std::string> notes;
};

class Attacher {
 public:
  virtual ~Attacher() = default;
  virtual bool handles(std::string_view provider) const = 0;
  // Whether the kernel has what this provider needs; an error names the
  // missing feature, the probe, and what to use instead.
  virtual Status preflight(const ProgramSpec& program) const { return {}; }
  // Attaches every target of `program`, appending what it creates to `out`
  // (also on failure, so the caller can release it).
  virtual Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const = 0;
  // The same within a run's context; providers that can be scoped to one
  // process override this one.
  virtual Status attach_scoped(bpf_program* prog, const ProgramSpec& program, const AttachContext&,
                               Attachments& out) const {
    return attach(prog, program, out);
  }
  // How this provider attaches, in words (for --explain).
  virtual std::string method(const ProgramSpec& program) const = 0;
};

// Null for BEGIN/END, which are run rather than attached.
const Attacher* find_attacher(std::string_view provider);

// The error for an fentry/fexit program the kernel refused to load
// (`load_error` negative errno) on a kernel without BPF trampolines.
Error trampoline_error(const ProgramSpec& program, int load_error);

// "<what failed>: <strerror>" with the errno libbpf returned (negative).
std::string errno_text(int negative_errno);

// The fix for missing privileges (sudo, or the capabilities to give the binary).
const char* permission_hint();

// Network probes (socket.cpp, tc.cpp, xdp.cpp share these, in network.cpp):
// the index of interface `name` in this network namespace, or an error that
// names it and lists the interfaces there.
Result<unsigned> interface_index(const std::string& name, const AttachTarget& target);
// Whether the calling process has capability `cap` (effective).
bool has_capability(int cap);
// The error for a network probe the kernel refused with EPERM/EACCES: what
// it needs (`capability`) and the fixes.
Error network_permission_error(const AttachTarget& target, const char* capability);
// The error for a failed network attach (negative errno): missing
// `capability`, an interface gone, or the errno in words.
Error network_attach_error(const AttachTarget& target, int err, const char* capability);
// tc and XDP (`hook`) attach to one interface: the error for `any`.
Status require_one_interface(const AttachTarget& target, const char* hook);
// The preflight of tc and XDP probes: one interface each, and CAP_NET_ADMIN.
Status preflight_interface_hook(const ProgramSpec& program, const char* hook);

}  // namespace stratoshark::runtime
