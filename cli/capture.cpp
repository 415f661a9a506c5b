#include "capture.h"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "report.h"

namespace stratoshark::cli {

namespace {

std::string node_dir(int node) { return fmt::format("/sys/devices/system/node/node{}", node); }

// "0-1" from /sys/devices/system/node/online (or nodeN/cpulist); "" when unreadable.
std::string read_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

std::string capture_attach_point(const std::string& interface) {
  if (interface.empty()) return "socket:any";
  if (interface.find(':') != std::string::npos) return interface;
  return "socket:" + interface;
}

int check_event_options(const Options& o) {
  if (o.numa_node >= 0 && ::access(node_dir(o.numa_node).c_str(), F_OK) != 0) {
    std::string online = read_line("/sys/devices/system/node/online");
    print_error(fmt::format("this machine has no NUMA node {} (--numa-node)", o.numa_node),
                fmt::format("its nodes are {} (/sys/devices/system/node/online)", online.empty() ? "0" : online));
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

bool place_reader(const Options& o) {
  std::string list = o.cpu_affinity;
  std::string origin = "--cpu-affinity";
  if (list.empty() && o.numa_node >= 0) {
    list = read_line(node_dir(o.numa_node) + "/cpulist");
    origin = fmt::format("the CPUs of NUMA node {}", o.numa_node);
    if (list.empty()) return true;  // a node without CPUs (memory only): nothing to pin to
  }
  if (list.empty()) return true;
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : parse_cpu_list(list)) {
    if (cpu < CPU_SETSIZE) CPU_SET(cpu, &set);
  }
  if (sched_setaffinity(0, sizeof set, &set) != 0) {
    print_error(fmt::format("cannot pin the reader to CPUs {} ({}): {}", list, origin, std::strerror(errno)),
                "name CPUs that exist and are online (see /sys/devices/system/cpu/online)");
    return false;
  }
  if (o.verbose) std::fprintf(stderr, "event reader on CPUs %s (%s)\n", list.c_str(), origin.c_str());
  return true;
}

std::unique_ptr<pcap::CaptureReader> open_replay_file(const std::string& path, protocols::CaptureLink& link) {
  std::string error;
  std::unique_ptr<pcap::CaptureReader> file = pcap::CaptureReader::open(path, error);
  if (!file) {
    print_error(fmt::format("cannot read capture file '{}': {}", path, error),
                "give a pcap or pcapng file, e.g. one written by tcpdump -w");
    return nullptr;
  }
  if (protocols::find_link_layer(file->link_type()) == nullptr) {
    print_error(fmt::format("'{}' holds {} frames, which replay does not read", path, file->link_type_name()),
                fmt::format("replay reads the link types {} (docs/capture.md#link-types)",
                            protocols::link_layer_names()));
    return nullptr;
  }
  link = protocols::capture_link(file->link_type(), file->big_endian());
  return file;
}

std::string capture_summary(uint64_t captured, uint64_t dropped) {
  uint64_t total = captured + dropped;
  double percent = total == 0 ? 0.0 : 100.0 * static_cast<double>(dropped) / static_cast<double>(total);
  return fmt::format("Captured: {} packet{}, Dropped: {} ({:.1f}%)\n", captured, captured == 1 ? "" : "s", dropped,
                     percent);
}

}  // namespace stratoshark::cli
