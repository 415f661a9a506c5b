// `stratoshark capture`: what it adds around the common pipeline — the packet
// lines it prints, the options that act on the process (--netns,
// --cpu-affinity), and the closing "Captured: N packets, Dropped: M (x%)".
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "options.h"
#include "stratoshark/runtime/session.h"

namespace stratoshark::cli {

// Checks the capture options this build cannot honour yet; prints why and
// returns the exit code, or kExitOk.
int check_capture_options(const Options& o);

// Enters the network namespace of --netns (a name under /run/netns or a
// path); prints the problem and returns false on failure.
bool enter_netns(const std::string& netns);
// Pins the calling thread to --cpu-affinity's CPUs; prints the problem and returns false on failure.
bool pin_to_cpus(const std::string& list);

// "Captured: N packets, Dropped: M (x%)"
std::string capture_summary(uint64_t captured, uint64_t dropped);

}  // namespace stratoshark::cli
