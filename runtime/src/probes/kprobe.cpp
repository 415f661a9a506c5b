// kprobe / kretprobe: need CONFIG_KPROBES. Where the kernel has none, say so
// and name the tracepoint that sees the same event.
#include <sys/stat.h>

#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

bool kernel_has_kprobes() {
  struct stat st {};
  return ::stat("/sys/bus/event_source/devices/kprobe/type", &st) == 0 ||
         ::stat("/sys/kernel/tracing/kprobe_events", &st) == 0 ||
         ::stat("/sys/kernel/debug/tracing/kprobe_events", &st) == 0;
}

class KprobeAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "kprobe" || provider == "kretprobe"; }

  Status preflight(const ProgramSpec& program) const override {
    if (kernel_has_kprobes()) return {};
    const AttachTarget& t = program.targets.front();
    const std::string& alternative = program.alternatives.empty() ? std::string() : program.alternatives.front();
    std::string hint = alternative.empty()
                           ? "use a tracepoint for the same event instead (list them with: stratoshark -l 'tracepoint:*')"
                           : fmt::format("use {} instead, which sees the same event", alternative);
    return Error{ErrorKind::MissingFeature,
                 fmt::format("kprobes are not enabled in this kernel (CONFIG_KPROBES is off), so {} cannot be attached",
                             t.name),
                 hint, t.position, {}};
  }

  std::string method(const ProgramSpec& program) const override { return program.targets.front().retprobe ? "a kretprobe perf event per function, each with a bpf_link" : "a kprobe perf event per function, each with a bpf_link"; }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      LIBBPF_OPTS(bpf_kprobe_opts, opts, .bpf_cookie = t.cookie, .offset = static_cast<size_t>(t.number),
                  .retprobe = t.retprobe);
      bpf_link* link = bpf_program__attach_kprobe_opts(prog, t.params.at(0).c_str(), &opts);
      if (link == nullptr) {
        int err = -errno;
        return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)),
                     err == -ENOENT ? "the function does not exist or cannot be probed (inlined or blacklisted)" : "",
                     t.position, {}};
      }
      out.links.push_back(link);
    }
    return {};
  }
};

}  // namespace

const Attacher& kprobe_attacher() {
  static const KprobeAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
