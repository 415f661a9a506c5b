// Probe providers, runtime side: how each provider's programs attach, and the
// kernel requirements to check first. One file per provider, listed once in
// registry.cpp. The compile side of each provider lives in lang/probes/.
#pragma once

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
};

class Attacher {
 public:
  virtual ~Attacher() = default;
  virtual bool handles(std::string_view provider) const = 0;
  // Whether the kernel has what this provider needs; an error names the
  // missing feature, the probe, and what to use instead.
  virtual Status preflight(const ProgramSpec& program) const { return {}; }
  // Attaches every target of `program`, appending the links it creates (also
  // on failure, so the caller can release them).
  virtual Status attach(bpf_program* prog, const ProgramSpec& program, std::vector<bpf_link*>& links) const = 0;
  // The same within a run's context; providers that can be scoped to one
  // process override this one.
  virtual Status attach_scoped(bpf_program* prog, const ProgramSpec& program, const AttachContext&,
                               std::vector<bpf_link*>& links) const {
    return attach(prog, program, links);
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

}  // namespace stratoshark::runtime
