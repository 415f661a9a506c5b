// CaptureReader: packets of a pcap or pcapng file, read with libpcap.
// Private to the runtime (kept apart from code that includes linux/bpf.h,
// whose struct bpf_insn clashes with libpcap's).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace stratoshark::runtime {

struct FilePacket {
  uint64_t timestamp_ns = 0;
  uint32_t wire_len = 0;
  std::span<const uint8_t> data;  // the captured bytes
};

class CaptureReader {
 public:
  // Opens `path`; on failure returns null with `error` set.
  static std::unique_ptr<CaptureReader> open(const std::string& path, std::string& error);
  ~CaptureReader();

  bool is_ethernet() const;
  std::string link_type_name() const;
  // 1: a packet; 0: end of file; -1: read error (see error()).
  int next(FilePacket& packet);
  std::string error() const;

 private:
  CaptureReader() = default;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace stratoshark::runtime
