#include "capture.h"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "report.h"

namespace stratoshark::cli {

int check_capture_options(const Options& o) {
  if (o.event_mode == "perf") {
    print_error("--event-mode perf is not available in this build", "use the default, --event-mode ringbuf");
    return kExitUsage;
  }
  return kExitOk;
}

bool enter_netns(const std::string& netns) {
  std::string path = netns.find('/') == std::string::npos ? "/run/netns/" + netns : netns;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    print_error(fmt::format("cannot open network namespace '{}' ({}): {}", netns, path, std::strerror(errno)),
                "list the namespaces with 'ip netns', or give the path of one (e.g. /proc/PID/ns/net)");
    return false;
  }
  int rc = ::setns(fd, CLONE_NEWNET);
  int err = errno;
  ::close(fd);
  if (rc != 0) {
    print_error(fmt::format("cannot enter network namespace '{}': {}", netns, std::strerror(err)),
                err == EPERM ? "entering a namespace needs CAP_SYS_ADMIN (run as root)" : "");
    return false;
  }
  return true;
}

bool pin_to_cpus(const std::string& list) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : parse_cpu_list(list)) {
    if (cpu < CPU_SETSIZE) CPU_SET(cpu, &set);
  }
  if (sched_setaffinity(0, sizeof set, &set) != 0) {
    print_error(fmt::format("cannot pin the reader to CPUs {}: {}", list, std::strerror(errno)),
                "name CPUs that exist and are online (see /sys/devices/system/cpu/online)");
    return false;
  }
  return true;
}

std::string capture_summary(uint64_t captured, uint64_t dropped) {
  uint64_t total = captured + dropped;
  double percent = total == 0 ? 0.0 : 100.0 * static_cast<double>(dropped) / static_cast<double>(total);
  return fmt::format("Captured: {} packet{}, Dropped: {} ({:.1f}%)\n", captured, captured == 1 ? "" : "s", dropped,
                     percent);
}

}  // namespace stratoshark::cli
