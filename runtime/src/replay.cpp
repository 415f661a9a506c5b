// Session::replay: a pcap/pcapng file through the loaded network programs.
//
// Each packet runs through each network program with BPF_PROG_TEST_RUN, so
// offline answers come from the same programs as live ones. What differs is
// only where the program finds the packet's length: the file records the
// length on the wire, which can exceed what was captured, and the program
// (compiled with Artifact::replay) reads it from __sk_buff.cb[0], with the
// captured length in cb[1]; XDP programs, which have no cb, from 8 bytes of
// XDP metadata before the frame (the same two u32). Files are read with libpcap.
#include <linux/bpf.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "stratoshark/pcap/capture_reader.h"
#include "stratoshark/protocols/protocols.h"
#include "event_reader.h"
#include "stratoshark/runtime/session.h"

namespace stratoshark::runtime {

namespace {

bool is_network_provider(const std::string& p) { return p == "socket" || p == "tc" || p == "xdp"; }

// BPF_PROG_TEST_RUN refuses skb data larger than a page minus the skb's head
// and tail room; those packets run on their first bytes.
constexpr uint32_t kSkbTestRunLimit = 3710;
constexpr size_t kMinimumFrame = 14 + 60;  // Ethernet + the longest IPv4 header (IPv6's is 40)
constexpr uint32_t kXdpMetaBytes = 8;      // XDP metadata: wire length, captured length (u32 each)

}  // namespace

Result<ReplayStats> Session::replay(const std::string& path, EventSink& sink, const std::atomic<bool>& stop,
                                    uint64_t max_packets) {
  std::string open_error;
  std::unique_ptr<pcap::CaptureReader> file = pcap::CaptureReader::open(path, open_error);
  if (!file) {
    return Error{ErrorKind::Environment, fmt::format("cannot read capture file '{}': {}", path, open_error),
                 "give a pcap or pcapng file, e.g. one written by tcpdump -w", std::nullopt, {}};
  }
  return replay(*file, path, sink, stop, max_packets);
}

Result<ReplayStats> Session::replay(pcap::CaptureReader& file, const std::string& path, EventSink& sink,
                                    const std::atomic<bool>& stop, uint64_t max_packets) {
  // The programs read packets of one link layer (where the network header
  // starts, how the link header names it): the one they were compiled for.
  protocols::CaptureLink link = protocols::capture_link(file.link_type(), file.big_endian());
  if (link != protocols::CaptureLink{artifact_.link_type, artifact_.link_big_endian}) {
    const protocols::LinkLayer* compiled = protocols::find_link_layer(artifact_.link_type);
    return Error{ErrorKind::Environment,
                 fmt::format("'{}' holds {} frames{}, but the program was compiled for {} packets{}", path,
                             file.link_type_name(), link.big_endian ? " (big-endian)" : "",
                             compiled != nullptr ? std::string(compiled->name) : std::to_string(artifact_.link_type),
                             artifact_.link_big_endian ? " (big-endian)" : ""),
                 "compile the program with -r naming this file: stratoshark compiles for the file's link type",
                 std::nullopt, {}};
  }
  struct Runner {
    int fd;
    bool skb;
  };
  std::vector<Runner> runners;
  for (const ProgramSpec& p : artifact_.programs) {
    if (!is_network_provider(p.provider)) continue;
    bpf_program* prog = bpf_object__find_program_by_name(object_, p.function.c_str());
    if (prog == nullptr) {
      return Error{ErrorKind::Internal, fmt::format("program {} is missing from the object", p.function), "",
                   std::nullopt, {}};
    }
    runners.push_back({bpf_program__fd(prog), p.provider != "xdp"});
  }
  if (runners.empty()) {
    return Error{ErrorKind::Environment, "the program has no network probes to replay packets through",
                 "replay feeds socket:, tc: and xdp: probes, e.g. socket:any { @[ip.src] = count(); }", std::nullopt, {}};
  }

  bool has_skb_programs = false, has_xdp_programs = false;
  for (const Runner& r : runners) {
    has_skb_programs = has_skb_programs || r.skb;
    has_xdp_programs = has_xdp_programs || !r.skb;
  }
  std::vector<uint8_t> with_meta;  // XDP: the lengths, then the frame
  ReplayStats stats;
  stats.replay_limit = kSkbTestRunLimit;
  std::vector<uint8_t> data;
  replaying_ = true;
  sink_ = &sink;
  pcap::Record packet;
  Status failure;
  auto next = pcap::CaptureReader::Next::Packet;
  while (!exit_requested_ && !stop.load() && (next = file.next(packet)) == pcap::CaptureReader::Next::Packet) {
    ++stats.packets;
    replay_index_ = stats.packets;
    replay_timestamp_ns_ = packet.timestamp_ns;
    uint32_t captured = static_cast<uint32_t>(packet.bytes.size());
    uint32_t run_len = std::min(captured, kSkbTestRunLimit);
    if (run_len < captured) ++stats.truncated;
    // The kernel wants at least an Ethernet header and, for IP, a whole IP
    // header; shorter (truncated) frames are padded with zeros, and programs
    // that take packets from an skb bound their reads by the real captured
    // length in cb[1].
    data.assign(packet.bytes.begin(), packet.bytes.begin() + run_len);
    if (data.size() < kMinimumFrame && has_skb_programs) data.resize(kMinimumFrame, 0);
    if (data.size() < 14) data.resize(14, 0);
    uint32_t lengths[2] = {packet.wire_length, std::min(captured, run_len)};
    if (has_xdp_programs) {
      with_meta.assign(reinterpret_cast<const uint8_t*>(lengths), reinterpret_cast<const uint8_t*>(lengths) + 8);
      with_meta.insert(with_meta.end(), data.begin(), data.end());
    }
    for (const Runner& r : runners) {
      __sk_buff skb{};
      skb.cb[0] = lengths[0];
      skb.cb[1] = lengths[1];
      xdp_md xdp{};
      xdp.data = kXdpMetaBytes;
      xdp.data_end = static_cast<uint32_t>(with_meta.size());
      const std::vector<uint8_t>& in = r.skb ? data : with_meta;
      LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = in.data(), .data_size_in = static_cast<uint32_t>(in.size()),
                  .ctx_in = r.skb ? static_cast<const void*>(&skb) : &xdp,
                  .ctx_size_in = r.skb ? static_cast<uint32_t>(sizeof skb) : static_cast<uint32_t>(sizeof xdp),
                  .repeat = 1);
      if (bpf_prog_test_run_opts(r.fd, &run) != 0) {
        int err = errno;
        failure = Error{ErrorKind::Environment,
                        fmt::format("cannot run packet {} of '{}' through the program: {}", stats.packets, path,
                                    std::strerror(err)),
                        "replay uses BPF_PROG_TEST_RUN, which needs Linux 5.10 or later", std::nullopt, {}};
        break;
      }
    }
    if (failure.ok()) events_->consume();
    if (!failure.ok()) break;
    if (max_packets != 0 && captured_ >= max_packets) break;
  }
  replaying_ = false;
  sink_ = nullptr;
  if (!failure.ok()) return failure.error();
  if (next == pcap::CaptureReader::Next::Error && !exit_requested_ && !stop.load() && (max_packets == 0 || captured_ < max_packets)) {
    return Error{ErrorKind::Environment, fmt::format("error reading '{}': {}", path, file.error()),
                 "the file may be truncated", std::nullopt, {}};
  }
  return stats;
}

}  // namespace stratoshark::runtime
