// The one list of runtime attachers.
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cstring>

#include "attacher.h"

namespace stratoshark::runtime {

const Attacher& tracepoint_attacher();
const Attacher& kprobe_attacher();
const Attacher& perf_attacher();
const Attacher& rawtracepoint_attacher();
const Attacher& uprobe_attacher();
const Attacher& usdt_attacher();
const Attacher& fentry_attacher();
const Attacher& socket_attacher();
const Attacher& tc_attacher();
const Attacher& xdp_attacher();

const Attacher* find_attacher(std::string_view provider) {
  static const std::array<const Attacher*, 10> attachers = {
      &tracepoint_attacher(), &kprobe_attacher(), &perf_attacher(), &rawtracepoint_attacher(),
      &uprobe_attacher(),     &usdt_attacher(),   &fentry_attacher(), &socket_attacher(),
      &tc_attacher(),         &xdp_attacher(),
  };
  for (const Attacher* a : attachers) {
    if (a->handles(provider)) return a;
  }
  return nullptr;
}

std::string errno_text(int negative_errno) {
  int e = negative_errno < 0 ? -negative_errno : negative_errno;
  return std::strerror(e);
}

const char* permission_hint() {
  return "run as root (sudo stratoshark ...), or give the binary the capabilities it needs: "
         "sudo setcap cap_bpf,cap_perfmon,cap_net_admin+ep $(command -v stratoshark)";
}

bool has_capability(int cap) {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (::syscall(SYS_capget, &header, data) != 0) return false;
  return (data[cap / 32].effective & (1u << (cap % 32))) != 0;
}

}  // namespace stratoshark::runtime
