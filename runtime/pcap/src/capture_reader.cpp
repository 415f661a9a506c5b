#include "stratoshark/pcap/capture_reader.h"

#include <dlfcn.h>
#include <pcap/pcap.h>

#include <bit>

namespace stratoshark::pcap {

namespace {
// libpcap reports DLT_* values; they equal the file's LINKTYPE_* values except
// for raw IP, whose DLT differs between systems.
constexpr uint32_t kLinkTypeRaw = 101;

uint32_t link_type_of(int dlt) { return dlt == DLT_RAW ? kLinkTypeRaw : static_cast<uint32_t>(dlt); }

// libpcap is opened when the first capture file is, not linked: loading it
// pulls in libdbus, libsystemd and libgcrypt, whose relocations cost about a
// millisecond of every run's start-up (docs/PERFORMANCE.md), and only reading
// capture files needs it. The header still gives the types, so a signature
// that changed would not compile.
struct Libpcap {
  decltype(&pcap_open_offline_with_tstamp_precision) open_offline = nullptr;
  decltype(&pcap_close) close = nullptr;
  decltype(&pcap_datalink) datalink = nullptr;
  decltype(&pcap_datalink_val_to_name) datalink_val_to_name = nullptr;
  decltype(&pcap_snapshot) snapshot = nullptr;
  decltype(&pcap_next_ex) next_ex = nullptr;
  decltype(&pcap_geterr) geterr = nullptr;
  decltype(&pcap_is_swapped) is_swapped = nullptr;
};

template <typename F>
bool bind(void* library, const char* name, F& out) {
  out = reinterpret_cast<F>(dlsym(library, name));
  return out != nullptr;
}

// The library's functions, or nullptr with `error` set (cached either way).
const Libpcap* libpcap(std::string& error) {
  static std::string load_error;
  static const Libpcap* loaded = [&]() -> const Libpcap* {
    void* library = nullptr;
    for (const char* soname : {"libpcap.so.0.8", "libpcap.so.1", "libpcap.so"}) {
      library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
      if (library != nullptr) break;
    }
    if (library == nullptr) {
      load_error = "libpcap is not installed (install the libpcap0.8 package)";
      return nullptr;
    }
    static Libpcap l;
    bool ok = bind(library, "pcap_open_offline_with_tstamp_precision", l.open_offline) &&
              bind(library, "pcap_close", l.close) && bind(library, "pcap_datalink", l.datalink) &&
              bind(library, "pcap_datalink_val_to_name", l.datalink_val_to_name) &&
              bind(library, "pcap_snapshot", l.snapshot) && bind(library, "pcap_next_ex", l.next_ex) &&
              bind(library, "pcap_geterr", l.geterr) && bind(library, "pcap_is_swapped", l.is_swapped);
    if (!ok) {
      load_error = "the installed libpcap lacks pcap_open_offline_with_tstamp_precision (libpcap 1.5 or later is needed)";
      return nullptr;
    }
    return &l;
  }();
  if (loaded == nullptr) error = load_error;
  return loaded;
}
}  // namespace

struct CaptureReader::Handle {
  const Libpcap* lib = nullptr;
  pcap_t* pcap = nullptr;
};

CaptureReader::CaptureReader(Handle* handle) : handle_(handle) {}

CaptureReader::~CaptureReader() {
  if (handle_->pcap) handle_->lib->close(handle_->pcap);
  delete handle_;
}

std::unique_ptr<CaptureReader> CaptureReader::open(const std::string& path, std::string& error) {
  const Libpcap* lib = libpcap(error);
  if (lib == nullptr) return nullptr;
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_t* p = lib->open_offline(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf);
  if (!p) {
    error = errbuf;
    return nullptr;
  }
  std::unique_ptr<CaptureReader> reader(new CaptureReader(new Handle{lib, p}));
  reader->link_type_ = link_type_of(lib->datalink(p));
  reader->snap_length_ = static_cast<uint32_t>(lib->snapshot(p));
  // Written in the other byte order than this host's when libpcap swaps.
  reader->big_endian_ = (lib->is_swapped(p) != 0) != (std::endian::native == std::endian::big);
  return reader;
}

std::string CaptureReader::link_type_name() const {
  const int dlt = handle_->lib->datalink(handle_->pcap);
  const char* name = handle_->lib->datalink_val_to_name(dlt);
  return name != nullptr ? name : std::to_string(link_type_);
}

CaptureReader::Next CaptureReader::next(Record& record) {
  struct pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  const int rc = handle_->lib->next_ex(handle_->pcap, &header, &data);
  if (rc == 1) {
    // Opened with nanosecond precision: tv_usec holds nanoseconds.
    record.timestamp_ns =
        static_cast<uint64_t>(header->ts.tv_sec) * 1000000000u + static_cast<uint64_t>(header->ts.tv_usec);
    record.wire_length = header->len;
    record.bytes = std::span<const uint8_t>(data, header->caplen);
    return Next::Packet;
  }
  if (rc == PCAP_ERROR_BREAK) return Next::End;
  error_ = handle_->lib->geterr(handle_->pcap);
  return Next::Error;
}

}  // namespace stratoshark::pcap
