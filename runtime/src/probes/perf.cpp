// interval (one CPU) and profile (every online CPU): software cpu-clock perf
// events with the program attached through a bpf_link each.
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <fstream>

#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "attacher.h"

namespace stratoshark::runtime {

namespace {

std::vector<int> online_cpus() {
  std::vector<int> cpus;
  std::ifstream in("/sys/devices/system/cpu/online");
  std::string text;
  std::getline(in, text);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t comma = text.find(',', pos);
    std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    auto dash = part.find('-');
    int first = std::stoi(part.substr(0, dash));
    int last = dash == std::string::npos ? first : std::stoi(part.substr(dash + 1));
    for (int c = first; c <= last; ++c) cpus.push_back(c);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (cpus.empty()) cpus.push_back(0);
  return cpus;
}

class PerfAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override { return provider == "interval" || provider == "profile"; }

  std::string method(const ProgramSpec& program) const override { return program.provider == "profile" ? "a cpu-clock perf event on every online CPU, each with a bpf_link" : "a cpu-clock perf event on CPU 0 with a bpf_link"; }

  Status attach(bpf_program* prog, const ProgramSpec& program, std::vector<bpf_link*>& links) const override {
    for (const AttachTarget& t : program.targets) {
      perf_event_attr attr{};
      attr.type = PERF_TYPE_SOFTWARE;
      attr.size = sizeof(attr);
      attr.config = PERF_COUNT_SW_CPU_CLOCK;
      if (t.params.at(0) == "frequency") {
        attr.freq = 1;
        attr.sample_freq = t.number;
      } else {
        attr.sample_period = t.number;  // cpu-clock counts nanoseconds
      }
      std::vector<int> cpus = program.provider == "profile" ? online_cpus() : std::vector<int>{0};
      for (int cpu : cpus) {
        int fd = static_cast<int>(::syscall(__NR_perf_event_open, &attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC));
        if (fd < 0) {
          int err = errno;
          return Error{ErrorKind::Attach,
                       fmt::format("cannot open a cpu-clock perf event for {} on CPU {}: {}", t.name, cpu,
                                   errno_text(err)),
                       err == EACCES || err == EPERM
                           ? "needs CAP_PERFMON (or root); check /proc/sys/kernel/perf_event_paranoid"
                           : "",
                       t.position, {}};
        }
        LIBBPF_OPTS(bpf_perf_event_opts, opts, .bpf_cookie = t.cookie);
        bpf_link* link = bpf_program__attach_perf_event_opts(prog, fd, &opts);
        if (link == nullptr) {
          int err = -errno;
          ::close(fd);
          return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)), "",
                       t.position, {}};
        }
        links.push_back(link);  // the link closes the perf event fd when destroyed
      }
    }
    return {};
  }
};

}  // namespace

const Attacher& perf_attacher() {
  static const PerfAttacher attacher;
  return attacher;
}

}  // namespace stratoshark::runtime
