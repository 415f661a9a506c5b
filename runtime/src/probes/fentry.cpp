// fentry / fexit: BPF trampolines. The kernel binds each program to its
// function when loading it (libbpf finds the BTF id from the section name),
// so attaching is one tracing link per program. Kernels without trampoline
// support refuse the program at load; Session::load reports that with
// trampoline_error().
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

class FentryAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "fentry" || provider == "fexit"; }

  std::string method(const ProgramSpec& program) const override {
    return fmt::format("a BPF trampoline ({}) bound to the function's BTF id at load, with a tracing bpf_link",
                       program.provider);
  }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    const AttachTarget& t = program.targets.front();
    LIBBPF_OPTS(bpf_trace_opts, opts, .cookie = t.cookie);
    bpf_link* link = bpf_program__attach_trace_opts(prog, &opts);
    if (link == nullptr) {
      int err = -errno;
      return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)), "", t.position,
                   {}};
    }
    out.links.push_back(link);
    return {};
  }
};

}  // namespace

const Attacher& fentry_attacher() {
  static const FentryAttacher attacher;
  return attacher;
}

Error trampoline_error(const ProgramSpec& program, int load_error) {
  const AttachTarget& t = program.targets.front();
  const std::string& alternative = program.alternatives.empty() ? std::string() : program.alternatives.front();
  return Error{ErrorKind::MissingFeature,
               fmt::format("this kernel cannot load {} programs (no BPF trampoline support: {}), so {} cannot be "
                           "attached",
                           program.provider, errno_text(load_error), t.name),
               alternative.empty()
                   ? "use a tracepoint for the same event instead (list them with: stratoshark -l 'tracepoint:*')"
                   : fmt::format("use {} instead, which sees the same event", alternative),
               t.position, {}};
}

}  // namespace stratoshark::runtime
