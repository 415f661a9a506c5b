#include "stratoshark/pcap/pcapng_writer.h"

#include <cerrno>
#include <cstring>

namespace stratoshark::pcap {

namespace {

constexpr uint32_t kSectionHeader = 0x0a0d0d0a;
constexpr uint32_t kInterfaceDescription = 0x00000001;
constexpr uint32_t kEnhancedPacket = 0x00000006;
constexpr uint32_t kByteOrderMagic = 0x1a2b3c4d;
constexpr uint16_t kOptEnd = 0, kShbUserAppl = 4, kIfName = 2, kIfTsresol = 9;

template <class T>
void put_int(std::string& b, T v) {
  char raw[sizeof(T)];
  std::memcpy(raw, &v, sizeof(T));  // host byte order, announced by the byte-order magic
  b.append(raw, sizeof(T));
}

void pad4(std::string& b) { b.append((4 - b.size() % 4) % 4, '\0'); }

void put_option(std::string& b, uint16_t code, std::string_view value) {
  put_int<uint16_t>(b, code);
  put_int<uint16_t>(b, static_cast<uint16_t>(value.size()));
  b.append(value);
  pad4(b);
}

// Starts a block: type and a placeholder for the total length.
void begin_block(std::string& b, uint32_t type) {
  b.clear();
  put_int<uint32_t>(b, type);
  put_int<uint32_t>(b, 0);
}

// Ends a block: the total length at both ends.
void end_block(std::string& b) {
  const auto total = static_cast<uint32_t>(b.size() + 4);
  std::memcpy(b.data() + 4, &total, 4);
  put_int<uint32_t>(b, total);
}

}  // namespace

PcapngWriter::PcapngWriter(std::FILE* stream, bool owned, const PcapngInterface& interface)
    : stream_(stream), owned_(owned), interface_(interface) {}

PcapngWriter::~PcapngWriter() {
  if (!stream_) return;
  std::fflush(stream_);
  if (owned_) std::fclose(stream_);
}

std::unique_ptr<PcapngWriter> PcapngWriter::create(const std::string& path, const PcapngInterface& interface,
                                                   std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  std::unique_ptr<PcapngWriter> w(new PcapngWriter(f, true, interface));
  if (!w->write_headers()) {
    error = w->error();
    return nullptr;
  }
  return w;
}

std::unique_ptr<PcapngWriter> PcapngWriter::attach(std::FILE* stream, const PcapngInterface& interface,
                                                   std::string& error) {
  std::unique_ptr<PcapngWriter> w(new PcapngWriter(stream, false, interface));
  if (!w->write_headers()) {
    error = w->error();
    return nullptr;
  }
  return w;
}

bool PcapngWriter::write_headers() {
  begin_block(block_, kSectionHeader);
  put_int<uint32_t>(block_, kByteOrderMagic);
  put_int<uint16_t>(block_, 1);  // version 1.0
  put_int<uint16_t>(block_, 0);
  put_int<int64_t>(block_, -1);  // section length: not given
  if (!interface_.application.empty()) put_option(block_, kShbUserAppl, interface_.application);
  put_option(block_, kOptEnd, {});
  end_block(block_);
  if (!put(block_)) return false;

  begin_block(block_, kInterfaceDescription);
  put_int<uint16_t>(block_, static_cast<uint16_t>(interface_.link_type));
  put_int<uint16_t>(block_, 0);
  put_int<uint32_t>(block_, interface_.snap_length);
  if (!interface_.name.empty()) put_option(block_, kIfName, interface_.name);
  const char resolution = 9;  // timestamps in units of 10^-9 s
  put_option(block_, kIfTsresol, std::string_view(&resolution, 1));
  put_option(block_, kOptEnd, {});
  end_block(block_);
  return put(block_);
}

bool PcapngWriter::write(uint64_t timestamp_ns, uint32_t wire_length, std::span<const uint8_t> bytes) {
  size_t captured = bytes.size();
  if (interface_.snap_length && captured > interface_.snap_length) captured = interface_.snap_length;
  begin_block(block_, kEnhancedPacket);
  put_int<uint32_t>(block_, 0);  // interface 0
  put_int<uint32_t>(block_, static_cast<uint32_t>(timestamp_ns >> 32));
  put_int<uint32_t>(block_, static_cast<uint32_t>(timestamp_ns));
  put_int<uint32_t>(block_, static_cast<uint32_t>(captured));
  put_int<uint32_t>(block_, wire_length > captured ? wire_length : static_cast<uint32_t>(captured));
  block_.append(reinterpret_cast<const char*>(bytes.data()), captured);
  pad4(block_);
  end_block(block_);
  if (!put(block_)) return false;
  ++packets_;
  return true;
}

bool PcapngWriter::flush() {
  if (std::fflush(stream_) != 0) {
    error_ = std::string("cannot write the capture: ") + std::strerror(errno);
    return false;
  }
  return true;
}

bool PcapngWriter::put(const std::string& block) {
  if (std::fwrite(block.data(), 1, block.size(), stream_) != block.size()) {
    error_ = std::string("cannot write the capture: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace stratoshark::pcap
