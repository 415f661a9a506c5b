#include "stratoshark/pcap/capture_reader.h"

#include <pcap/pcap.h>

namespace stratoshark::pcap {

namespace {
// libpcap reports DLT_* values; they equal the file's LINKTYPE_* values except
// for raw IP, whose DLT differs between systems.
constexpr uint32_t kLinkTypeRaw = 101;

uint32_t link_type_of(int dlt) { return dlt == DLT_RAW ? kLinkTypeRaw : static_cast<uint32_t>(dlt); }
}  // namespace

struct CaptureReader::Handle {
  pcap_t* pcap = nullptr;
};

CaptureReader::CaptureReader(Handle* handle) : handle_(handle) {}

CaptureReader::~CaptureReader() {
  if (handle_->pcap) pcap_close(handle_->pcap);
  delete handle_;
}

std::unique_ptr<CaptureReader> CaptureReader::open(const std::string& path, std::string& error) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_t* p = pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf);
  if (!p) {
    error = errbuf;
    return nullptr;
  }
  std::unique_ptr<CaptureReader> reader(new CaptureReader(new Handle{p}));
  reader->link_type_ = link_type_of(pcap_datalink(p));
  reader->snap_length_ = static_cast<uint32_t>(pcap_snapshot(p));
  return reader;
}

std::string CaptureReader::link_type_name() const {
  const int dlt = pcap_datalink(handle_->pcap);
  const char* name = pcap_datalink_val_to_name(dlt);
  return name != nullptr ? name : std::to_string(link_type_);
}

CaptureReader::Next CaptureReader::next(Record& record) {
  struct pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  const int rc = pcap_next_ex(handle_->pcap, &header, &data);
  if (rc == 1) {
    // Opened with nanosecond precision: tv_usec holds nanoseconds.
    record.timestamp_ns =
        static_cast<uint64_t>(header->ts.tv_sec) * 1000000000u + static_cast<uint64_t>(header->ts.tv_usec);
    record.wire_length = header->len;
    record.bytes = std::span<const uint8_t>(data, header->caplen);
    return Next::Packet;
  }
  if (rc == PCAP_ERROR_BREAK) return Next::End;
  error_ = pcap_geterr(handle_->pcap);
  return Next::Error;
}

}  // namespace stratoshark::pcap
