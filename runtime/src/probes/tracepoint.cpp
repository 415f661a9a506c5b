// tracepoint: one perf-event link per target, the probe id as its cookie.
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

class TracepointAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "tracepoint"; }

  std::string method(const ProgramSpec& program) const override { return "a perf event per tracepoint, each with a bpf_link (cookie: the probe id)"; }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      LIBBPF_OPTS(bpf_tracepoint_opts, opts, .bpf_cookie = t.cookie);
      bpf_link* link = bpf_program__attach_tracepoint_opts(prog, t.params.at(0).c_str(), t.params.at(1).c_str(), &opts);
      if (link == nullptr) {
        int err = -errno;
        return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)),
                     err == -ENOENT ? "the tracepoint disappeared (a module unloaded?); list them with -l"
                                    : "check that tracefs is mounted at /sys/kernel/tracing",
                     t.position, {}};
      }
      out.links.push_back(link);
    }
    return {};
  }
};

}  // namespace

const Attacher& tracepoint_attacher() {
  static const TracepointAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
