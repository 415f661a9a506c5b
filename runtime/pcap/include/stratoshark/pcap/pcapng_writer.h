// Writing pcapng files (draft-ietf-opsawg-pcapng) that tshark, Wireshark and
// tcpdump read: a Section Header Block, one Interface Description Block (link
// type, snap length, if_tsresol = 9 so timestamps are nanoseconds, optional
// interface name) and one Enhanced Packet Block per packet, in the host's
// byte order (readers follow the section's byte-order magic).
//
// One link type and snap length per file: libpcap 1.10 refuses files whose
// interfaces differ. Packets longer than the snap length are cut to it (the
// wire length is kept). Errors are returned with a sentence; nothing exits.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

namespace stratoshark::pcap {

struct PcapngInterface {
  uint32_t link_type = 1;         // LINKTYPE_* of every packet in the file
  uint32_t snap_length = 262144;  // 0 means no limit
  std::string name;               // if_name option; empty: none
  std::string application = "stratoshark";  // shb_userappl option
};

class PcapngWriter {
 public:
  // Creates (or truncates) `path` and writes the section and interface
  // headers; nullptr and `error` on failure.
  static std::unique_ptr<PcapngWriter> create(const std::string& path, const PcapngInterface& interface,
                                              std::string& error);
  // Writes to an open stream the caller keeps owning (stdout for pipes).
  static std::unique_ptr<PcapngWriter> attach(std::FILE* stream, const PcapngInterface& interface,
                                              std::string& error);
  ~PcapngWriter();  // flushes, and closes a file create() opened
  PcapngWriter(const PcapngWriter&) = delete;
  PcapngWriter& operator=(const PcapngWriter&) = delete;

  // Appends one packet; false (and error()) when writing fails.
  bool write(uint64_t timestamp_ns, uint32_t wire_length, std::span<const uint8_t> bytes);
  // Flushes buffered blocks to the file; false on failure.
  bool flush();
  const std::string& error() const { return error_; }
  uint64_t packets_written() const { return packets_; }

 private:
  PcapngWriter(std::FILE* stream, bool owned, const PcapngInterface& interface);
  bool write_headers();
  bool put(const std::string& block);

  std::FILE* stream_;
  bool owned_;
  PcapngInterface interface_;
  std::string block_;  // reused for each block
  std::string error_;
  uint64_t packets_ = 0;
};

}  // namespace stratoshark::pcap
