// ProgramOutput: where a running program's output goes (stdout or -o FILE)
// and in which form (-f text|json): printf lines, print() of maps and
// values, the maps at exit, and captured packets.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "options.h"
#include "stratoshark/dissect/format.h"
#include "stratoshark/pcap/pcapng_writer.h"
#include "stratoshark/runtime/session.h"

namespace stratoshark::cli {

enum class OutputFormat { Text, Json };

class ProgramOutput final : public runtime::EventSink {
 public:
  // Stops the run (sets `stop`) after `count` packets when count > 0, or
  // when `out` can no longer be written. Does not own `out`.
  ProgramOutput(std::FILE* out, OutputFormat format, std::atomic<bool>& stop, uint64_t count)
      : out_(out), format_(format), stop_(stop), count_(count) {}
  // Packets: the dissected one-line summary ("INDEX SUMMARY", INDEX being
  // the position in the file on replay), the field tree with -V, or, with
  // -w, records in a pcapng file instead. Packets are frames of
  // `link_type` (LINKTYPE_*: Ethernet, or the -r file's). Prints the problem
  // and returns false when -w's file cannot be created.
  bool open_packet_output(const Options& o, uint32_t link_type);
  void text(const std::string& text) override;
  void packet(const runtime::CapturedPacket& packet) override;
  void map(const runtime::MapSnapshot& map, const runtime::MapView& view) override;
  void value(const runtime::Value& value) override;
  // Run-time warnings (-k, cat() of a missing file) go to stderr, in both formats.
  void warning(const std::string& text) override;
  // The maps when tracing ends: text puts a blank line before each
  // non-empty map; JSON writes one line per non-empty map.
  void maps_at_exit(const runtime::MapSnapshot& map);
  uint64_t packets() const { return packets_; }

 private:
  void write(const std::string& s);

  std::FILE* out_;
  OutputFormat format_;
  std::atomic<bool>& stop_;
  uint64_t count_;
  uint64_t packets_ = 0;
  uint32_t link_type_ = 1;
  dissect::PacketRenderer renderer_{dissect::PacketRenderer::Style::Summary};
  std::unique_ptr<pcap::PcapngWriter> writer_;
  std::string line_;
};

}  // namespace stratoshark::cli
