// interval (one CPU) and profile (every online CPU): software cpu-clock perf
// events with the program attached through a bpf_link each. software and
// hardware: the counter the target names, sampled every COUNT events, on
// every online CPU, or in one process (-p, -c).
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/stat.h>

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

bool is_counter(const ProgramSpec& program) { return program.provider == "software" || program.provider == "hardware"; }

// A hardware PMU shows up as an event source ("cpu", or "cpu_core" and
// "cpu_atom" on hybrid CPUs); virtual machines often have none.
bool has_hardware_pmu() {
  struct stat st {};
  for (const char* dir : {"/sys/bus/event_source/devices/cpu", "/sys/bus/event_source/devices/cpu_core",
                          "/sys/bus/event_source/devices/armv8_pmuv3_0"}) {
    if (::stat(dir, &st) == 0) return true;
  }
  return false;
}

class PerfAttacher final : public Attacher {
 public:
  bool handles(std::string_view provider) const override {
    return provider == "interval" || provider == "profile" || provider == "software" || provider == "hardware";
  }

  Status preflight(const ProgramSpec& program) const override {
    if (program.provider != "hardware" || has_hardware_pmu()) return {};
    const AttachTarget& t = program.targets.front();
    return Error{ErrorKind::MissingFeature,
                 fmt::format("{} needs a hardware performance monitoring unit (PMU), which this machine does not "
                             "expose (no /sys/bus/event_source/devices/cpu; virtual machines often hide it)",
                             t.name),
                 "count a software event instead (software:cpu-clock, software:task-clock), or profile:hz:99 for "
                 "sampling",
                 t.position, {}};
  }

  std::string method(const ProgramSpec& program) const override {
    if (is_counter(program)) {
      const AttachTarget& t = program.targets.front();
      return fmt::format("a {} {} perf event (every {} events) on every online CPU, or in the -p/-c process, each "
                         "with a bpf_link",
                         t.params.at(0), t.params.at(1), t.number);
    }
    return program.provider == "profile" ? "a cpu-clock perf event on every online CPU, each with a bpf_link"
                                         : "a cpu-clock perf event on CPU 0 with a bpf_link";
  }

  Status attach(bpf_program* prog, const ProgramSpec& program, Attachments& out) const override {
    return attach_scoped(prog, program, {}, out);
  }

  Status attach_scoped(bpf_program* prog, const ProgramSpec& program, const AttachContext& scope,
                       Attachments& out) const override {
    for (const AttachTarget& t : program.targets) {
      perf_event_attr attr{};
      attr.size = sizeof(attr);
      std::string event = "cpu-clock";
      if (is_counter(program)) {
        attr.type = static_cast<uint32_t>(std::stoul(t.params.at(2)));
        attr.config = std::stoull(t.params.at(3));
        attr.sample_period = t.number;
        event = t.params.at(1);
      } else {
        attr.type = PERF_TYPE_SOFTWARE;
        attr.config = PERF_COUNT_SW_CPU_CLOCK;
        if (t.params.at(0) == "frequency") {
          attr.freq = 1;
          attr.sample_freq = t.number;
        } else {
          attr.sample_period = t.number;  // cpu-clock counts nanoseconds
        }
      }
      // Counters follow one process when asked (-p, -c), else watch every CPU.
      bool one_process = is_counter(program) && scope.pid > 0;
      std::vector<int> cpus = one_process ? std::vector<int>{-1}
                              : program.provider == "interval" ? std::vector<int>{0}
                                                               : online_cpus();
      for (int cpu : cpus) {
        int fd = static_cast<int>(
            ::syscall(__NR_perf_event_open, &attr, one_process ? scope.pid : -1, cpu, -1, PERF_FLAG_FD_CLOEXEC));
        if (fd < 0) {
          int err = errno;
          std::string hint;
          if (err == EACCES || err == EPERM) {
            hint = "needs CAP_PERFMON (or root); check /proc/sys/kernel/perf_event_paranoid";
          } else if (program.provider == "hardware" && (err == ENOENT || err == EOPNOTSUPP || err == EINVAL)) {
            hint = fmt::format("this machine's PMU does not count {}; try another hardware event or a software one",
                               event);
          } else if (err == ESRCH) {
            hint = "the process given with -p does not exist";
          }
          std::string where = cpu >= 0 ? fmt::format("on CPU {}", cpu) : fmt::format("in process {}", scope.pid);
          return Error{ErrorKind::Attach,
                       fmt::format("cannot open a {} perf event for {} {}: {}", event, t.name, where, errno_text(err)),
                       hint, t.position, {}};
        }
        LIBBPF_OPTS(bpf_perf_event_opts, opts, .bpf_cookie = t.cookie);
        bpf_link* link = bpf_program__attach_perf_event_opts(prog, fd, &opts);
        if (link == nullptr) {
          int err = -errno;
          ::close(fd);
          return Error{ErrorKind::Attach, fmt::format("cannot attach {}: {}", t.name, errno_text(err)), "",
                       t.position, {}};
        }
        out.links.push_back(link);  // the link closes the perf event fd when destroyed
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
