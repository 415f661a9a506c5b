#include "capture_reader.h"

#include <pcap/pcap.h>

namespace stratoshark::runtime {

struct CaptureReader::State {
  pcap_t* handle = nullptr;
};

std::unique_ptr<CaptureReader> CaptureReader::open(const std::string& path, std::string& error) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_t* handle = pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf);
  if (handle == nullptr) {
    error = errbuf;
    return nullptr;
  }
  std::unique_ptr<CaptureReader> reader(new CaptureReader());
  reader->state_ = std::make_unique<State>();
  reader->state_->handle = handle;
  return reader;
}

CaptureReader::~CaptureReader() {
  if (state_ && state_->handle != nullptr) pcap_close(state_->handle);
}

bool CaptureReader::is_ethernet() const { return pcap_datalink(state_->handle) == DLT_EN10MB; }

std::string CaptureReader::link_type_name() const {
  int link = pcap_datalink(state_->handle);
  const char* name = pcap_datalink_val_to_name(link);
  return name != nullptr ? name : std::to_string(link);
}

int CaptureReader::next(FilePacket& packet) {
  pcap_pkthdr* header = nullptr;
  const u_char* bytes = nullptr;
  int rc = pcap_next_ex(state_->handle, &header, &bytes);
  if (rc == PCAP_ERROR_BREAK) return 0;
  if (rc != 1) return -1;
  // Opened with nanosecond precision: tv_usec holds nanoseconds.
  packet.timestamp_ns = static_cast<uint64_t>(header->ts.tv_sec) * 1'000'000'000ULL + static_cast<uint64_t>(header->ts.tv_usec);
  packet.wire_len = header->len;
  packet.data = std::span<const uint8_t>(bytes, header->caplen);
  return 1;
}

std::string CaptureReader::error() const { return pcap_geterr(state_->handle); }

}  // namespace stratoshark::runtime
