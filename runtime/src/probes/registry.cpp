// The one list of runtime attachers.
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

const Attacher* find_attacher(std::string_view provider) {
  static const std::array<const Attacher*, 7> attachers = {
      &tracepoint_attacher(),    &kprobe_attacher(), &perf_attacher(),   &rawtracepoint_attacher(),
      &uprobe_attacher(),        &usdt_attacher(),   &fentry_attacher(),
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

}  // namespace stratoshark::runtime
