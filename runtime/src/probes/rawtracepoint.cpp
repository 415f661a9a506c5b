// rawtracepoint: one raw tracepoint link per program (raw tracepoint links
// take no cookie in libbpf 1.1, so each target has its own program).
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

class RawTracepointAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "rawtracepoint"; }

  std::string method(const ProgramSpec&) const override { return "a raw tracepoint link (BPF_RAW_TRACEPOINT_OPEN)"; }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      bpf_link* link = bpf_program__attach_raw_tracepoint(prog, t.params.at(0).c_str());
      if (link == nullptr) {
        int err = -errno;
        return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)),
                     err == -EINVAL ? "the program reads an argument beyond the ones this tracepoint has; "
                                      "use a lower argN"
                     : err == -ENOENT ? "the tracepoint disappeared (a module unloaded?); list them with -l"
                                      : "",
                     t.position, {}};
      }
      out.links.push_back(link);
    }
    return {};
  }
};

}  // namespace

const Attacher& rawtracepoint_attacher() {
  static const RawTracepointAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
