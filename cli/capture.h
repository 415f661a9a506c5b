// `stratoshark capture` and the options that act on the process around the
// common pipeline: the probe the capture runs in, --netns, where the event
// reader runs (--cpu-affinity, --numa-node), and the closing
// "Captured: N packets, Dropped: M (x%)" (also for scripts with network probes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "options.h"
#include "stratoshark/pcap/capture_reader.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::cli {

// The attach point `capture -i` names: an interface (socket:IFACE; "" and
// "any" are every interface) or a network probe written out
// (socket:IFACE, tc:IFACE:ingress|egress, xdp:IFACE).
std::string capture_attach_point(const std::string& interface);

// Checks the options this machine cannot honour (a NUMA node it lacks);
// prints why and returns the exit code, or kExitOk.
int check_event_options(const Options& o);

// Enters the network namespace of --netns (a name under /run/netns or a
// path); prints the problem and returns false on failure.
bool enter_netns(const std::string& netns);
// Pins the calling thread (the event reader) to --cpu-affinity's CPUs, or
// else to the CPUs of --numa-node; prints the problem and returns false on failure.
bool place_reader(const Options& o);

// -r FILE: opens the file, whose link layer the programs are compiled for
// (docs/capture.md#link-types); prints why and returns null when it cannot be
// read or holds a link type replay does not handle.
std::unique_ptr<pcap::CaptureReader> open_replay_file(const std::string& path, protocols::CaptureLink& link);

// "Captured: N packets, Dropped: M (x%)"
std::string capture_summary(uint64_t captured, uint64_t dropped);

}  // namespace stratoshark::cli
