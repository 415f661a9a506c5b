// `stratoshark capture`: what it adds around the common pipeline — the packet
// lines it prints, the options that act on the process (--netns,
// --cpu-affinity), and the closing "Captured: N packets, Dropped: M (x%)".
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "options.h"
#include "stratoshark/dissect/format.h"
#include "stratoshark/pcap/pcapng_writer.h"
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

// Prints each packet as its dissected one-line summary ("INDEX SUMMARY",
// INDEX being the position in the file on replay), or its field tree with
// -V, or writes it to -w's pcapng file instead; stops the run after -c
// packets.
class PacketPrinter final : public runtime::EventSink {
 public:
  PacketPrinter(std::atomic<bool>& stop, const Options& o);
  // Creates -w's file (if any); prints the problem and returns false on failure.
  bool open();
  void text(const std::string& text) override;
  void packet(const runtime::CapturedPacket& packet) override;
  uint64_t printed() const { return printed_; }

 private:
  std::atomic<bool>& stop_;
  uint64_t count_;
  uint32_t snaplen_;
  std::string write_file_;
  dissect::PacketRenderer renderer_;
  std::unique_ptr<pcap::PcapngWriter> writer_;
  std::string line_;
  uint64_t printed_ = 0;
};

// "Captured: N packets, Dropped: M (x%)"
std::string capture_summary(uint64_t captured, uint64_t dropped);

}  // namespace stratoshark::cli
