// Reading capture files (pcap, pcap with nanosecond timestamps, pcapng)
// through libpcap.
//
// CaptureReader::open() opens a file; next() hands out one packet at a time
// with a nanosecond timestamp, the captured bytes and the length on the wire.
// link_type() is the file's LINKTYPE_* value (libpcap's DLT_RAW is reported
// as LINKTYPE_RAW, 101). libpcap 1.10 reads pcapng files whose interfaces all
// share one link type and snap length; others fail to open, with libpcap's
// message. Errors are returned, never printed; nothing here exits.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace stratoshark::pcap {

struct Record {
  uint64_t timestamp_ns = 0;  // since the Unix epoch
  uint32_t wire_length = 0;   // bytes on the wire (may exceed bytes.size())
  std::span<const uint8_t> bytes;  // the captured bytes; valid until the next call to next()
};

class CaptureReader {
 public:
  // Opens `path` ("-" for standard input). On failure returns nullptr and
  // sets `error` to libpcap's reason (without the path).
  static std::unique_ptr<CaptureReader> open(const std::string& path, std::string& error);
  ~CaptureReader();
  CaptureReader(const CaptureReader&) = delete;
  CaptureReader& operator=(const CaptureReader&) = delete;

  uint32_t link_type() const { return link_type_; }
  // libpcap's name for the link type ("EN10MB", "LINUX_SLL2"), or its number.
  std::string link_type_name() const;
  uint32_t snap_length() const { return snap_length_; }
  // The byte order the file (for pcapng, its first section) was written in:
  // that of the host that wrote it, which LINKTYPE_NULL's header uses.
  bool big_endian() const { return big_endian_; }

  enum class Next { Packet, End, Error };
  // Reads the next packet into `record`. Error: error() says what happened.
  Next next(Record& record);
  const std::string& error() const { return error_; }

 private:
  struct Handle;
  explicit CaptureReader(Handle* handle);

  Handle* handle_;
  uint32_t link_type_ = 0;
  uint32_t snap_length_ = 0;
  bool big_endian_ = false;
  std::string error_;
};

}  // namespace stratoshark::pcap
