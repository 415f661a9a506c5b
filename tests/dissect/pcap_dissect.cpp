// ss_pcap_dissect: the test and benchmark driver of the dissectors and the pcap
// library (not a user-facing tool; `stratoshark capture -r` is).
//
//   ss_pcap_dissect summary [--time none|us|ns] FILE      one line per packet
//   ss_pcap_dissect tree FILE                              the field tree of every packet
//   ss_pcap_dissect fields -e NAME [-e NAME...] FILE       tshark-style field values, tab-separated
//   ss_pcap_dissect corpus DIR...                          every capture under DIR: summary, tree and
//                                                     every tshark field of every packet, with
//                                                     model invariants checked; exit 1 on a violation
//   ss_pcap_dissect pcapng IN OUT [--snaplen N]            copy IN's packets to a pcapng file
//   ss_pcap_dissect seeds DIR OUT                          one fuzzer seed file per packet under DIR
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "stratoshark/dissect/dissect.h"
#include "stratoshark/dissect/format.h"
#include "stratoshark/dissect/wireshark_fields.h"
#include "stratoshark/pcap/capture_reader.h"
#include "stratoshark/pcap/pcapng_writer.h"

namespace fs = std::filesystem;
using namespace stratoshark;

namespace {

int usage() {
  std::fputs(
      "usage: ss_pcap_dissect summary [--time none|us|ns] FILE\n"
      "       ss_pcap_dissect tree FILE\n"
      "       ss_pcap_dissect fields -e NAME [-e NAME...] FILE\n"
      "       ss_pcap_dissect corpus DIR...\n"
      "       ss_pcap_dissect pcapng IN OUT [--snaplen N]\n"
      "       ss_pcap_dissect seeds DIR OUT\n",
      stderr);
  return 2;
}

// Buffered stdout: one write per 256 KiB.
class Output {
 public:
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= (256u << 10)) flush();
  }
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    buffer_.clear();
  }
  ~Output() { flush(); }

 private:
  std::string buffer_;
};

// Calls fn(frame) for every packet of `path`; false (message on stderr) if
// the file cannot be read.
template <class Fn>
bool for_each_packet(const std::string& path, Fn&& fn) {
  std::string error;
  auto reader = pcap::CaptureReader::open(path, error);
  if (!reader) {
    std::fprintf(stderr, "ss_pcap_dissect: cannot read %s: %s\n", path.c_str(), error.c_str());
    return false;
  }
  pcap::Record record;
  for (;;) {
    auto next = reader->next(record);
    if (next == pcap::CaptureReader::Next::End) return true;
    if (next == pcap::CaptureReader::Next::Error) {
      std::fprintf(stderr, "ss_pcap_dissect: %s: %s\n", path.c_str(), reader->error().c_str());
      return false;
    }
    dissect::Frame frame{record.timestamp_ns, reader->link_type(), record.wire_length, record.bytes};
    fn(frame);
  }
}

int run_summary(int argc, char** argv) {
  dissect::FormatOptions options;
  std::string path;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--time" && i + 1 < argc) {
      std::string t = argv[++i];
      options.time = t == "none" ? dissect::TimeFormat::None
                     : t == "ns" ? dissect::TimeFormat::TimeOfDayNs
                                 : dissect::TimeFormat::TimeOfDayUs;
    } else {
      path = a;
    }
  }
  if (path.empty()) return usage();
  Output out;
  dissect::Dissection d;
  bool ok = for_each_packet(path, [&](const dissect::Frame& frame) {
    dissect::dissect(frame, d);
    dissect::append_summary(d, options, out.buffer());
    out.buffer().push_back('\n');
    out.maybe_flush();
  });
  return ok ? 0 : 1;
}

int run_tree(int argc, char** argv) {
  if (argc != 1) return usage();
  Output out;
  dissect::Dissection d;
  dissect::FormatOptions options;
  uint64_t number = 0;
  bool ok = for_each_packet(argv[0], [&](const dissect::Frame& frame) {
    dissect::dissect(frame, d);
    out.buffer() += "#" + std::to_string(++number) + " ";
    dissect::append_tree(d, options, out.buffer());
    out.buffer().push_back('\n');
    out.maybe_flush();
  });
  return ok ? 0 : 1;
}

int run_fields(int argc, char** argv) {
  std::vector<std::string> names;
  std::string path;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "-e") == 0 && i + 1 < argc) {
      names.emplace_back(argv[++i]);
    } else {
      path = argv[i];
    }
  }
  if (path.empty() || names.empty()) return usage();
  dissect::Dissection d;
  std::string probe;
  for (const std::string& n : names) {
    if (!dissect::append_wireshark_field(d, n, probe)) {
      std::fprintf(stderr, "ss_pcap_dissect: unknown field %s\n", n.c_str());
      return 2;
    }
  }
  Output out;
  bool ok = for_each_packet(path, [&](const dissect::Frame& frame) {
    dissect::dissect(frame, d);
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) out.buffer().push_back('\t');
      dissect::append_wireshark_field(d, names[i], out.buffer());
    }
    out.buffer().push_back('\n');
    out.maybe_flush();
  });
  return ok ? 0 : 1;
}

// Invariants every dissection must keep; returns a description of the first broken one.
std::string check_model(const dissect::Dissection& d) {
  const auto layers = d.layers();
  const size_t captured = d.bytes().size();
  uint32_t next_field = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    const auto& l = layers[i];
    if (l.first_field != next_field) return "layer fields are not contiguous";
    next_field += l.field_count;
    if (l.offset > captured) return "layer starts beyond the captured bytes";
    if (l.status != dissect::LayerStatus::Complete && d.problem(l).empty()) return "problem without a reason";
    for (const auto& f : d.fields(l)) {
      if (f.layer != i) return "field points at the wrong layer";
      const bool reads_bytes = f.info->format == dissect::Format::Ipv6 || f.info->format == dissect::Format::Bytes;
      if (reads_bytes && (f.offset > captured || f.length > captured - f.offset)) {
        return std::string("field ") + std::string(f.info->key) + " beyond the captured bytes";
      }
    }
  }
  if (next_field != d.fields().size()) return "fields outside every layer";
  return {};
}

bool is_capture(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".pcap" || ext == ".pcapng" || ext == ".cap";
}

std::vector<fs::path> captures_under(const std::vector<std::string>& roots) {
  std::vector<fs::path> files;
  for (const auto& root : roots) {
    if (fs::is_regular_file(root)) {
      files.emplace_back(root);
      continue;
    }
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file() && is_capture(e.path())) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

int run_corpus(int argc, char** argv) {
  if (argc < 1) return usage();
  std::vector<std::string> roots(argv, argv + argc);
  const auto files = captures_under(roots);
  const auto names = dissect::wireshark_field_names();
  dissect::Dissection d;
  std::string text;
  uint64_t packets = 0, problems = 0, unreadable = 0, violations = 0;
  for (const auto& file : files) {
    uint64_t file_packets = 0;
    bool ok = for_each_packet(file.string(), [&](const dissect::Frame& frame) {
      dissect::dissect(frame, d);
      text.clear();
      dissect::append_summary(d, {}, text);
      dissect::append_tree(d, {}, text);
      for (std::string_view name : names) dissect::append_wireshark_field(d, name, text);
      ++file_packets;
      if (d.has_problems()) ++problems;
      if (auto broken = check_model(d); !broken.empty()) {
        ++violations;
        std::fprintf(stderr, "ss_pcap_dissect: %s packet %llu: %s\n", file.c_str(),
                     static_cast<unsigned long long>(file_packets), broken.c_str());
      }
    });
    if (!ok) ++unreadable;
    packets += file_packets;
  }
  std::printf(
      "%zu captures (%llu not readable by libpcap), %llu packets dissected and rendered, %llu with truncated or "
      "malformed layers, %llu model violations\n",
      files.size(), static_cast<unsigned long long>(unreadable), static_cast<unsigned long long>(packets),
      static_cast<unsigned long long>(problems), static_cast<unsigned long long>(violations));
  return violations ? 1 : 0;
}

int run_pcapng(int argc, char** argv) {
  if (argc != 2 && argc != 4) return usage();
  std::string error;
  auto reader = pcap::CaptureReader::open(argv[0], error);
  if (!reader) {
    std::fprintf(stderr, "ss_pcap_dissect: cannot read %s: %s\n", argv[0], error.c_str());
    return 1;
  }
  pcap::PcapngInterface interface;
  interface.link_type = reader->link_type();
  interface.snap_length = reader->snap_length();
  if (argc == 4 && std::strcmp(argv[2], "--snaplen") == 0) interface.snap_length = std::stoul(argv[3]);
  auto writer = pcap::PcapngWriter::create(argv[1], interface, error);
  if (!writer) {
    std::fprintf(stderr, "ss_pcap_dissect: %s\n", error.c_str());
    return 1;
  }
  pcap::Record record;
  for (;;) {
    auto next = reader->next(record);
    if (next == pcap::CaptureReader::Next::End) break;
    if (next == pcap::CaptureReader::Next::Error) {
      std::fprintf(stderr, "ss_pcap_dissect: %s\n", reader->error().c_str());
      return 1;
    }
    if (!writer->write(record.timestamp_ns, record.wire_length, record.bytes)) {
      std::fprintf(stderr, "ss_pcap_dissect: %s\n", writer->error().c_str());
      return 1;
    }
  }
  if (!writer->flush()) {
    std::fprintf(stderr, "ss_pcap_dissect: %s\n", writer->error().c_str());
    return 1;
  }
  std::printf("%llu packets written\n", static_cast<unsigned long long>(writer->packets_written()));
  return 0;
}

// Seeds for tests/fuzz: 4 bytes of link type (little endian), then the packet.
int run_seeds(int argc, char** argv) {
  if (argc != 2) return usage();
  fs::create_directories(argv[1]);
  uint64_t n = 0;
  for (const auto& file : captures_under({argv[0]})) {
    for_each_packet(file.string(), [&](const dissect::Frame& frame) {
      if (!dissect::link_type_supported(frame.link_type)) return;
      std::ofstream out(fs::path(argv[1]) / ("seed-" + std::to_string(++n)), std::ios::binary);
      const uint32_t lt = frame.link_type;
      const char prefix[4] = {static_cast<char>(lt), static_cast<char>(lt >> 8), static_cast<char>(lt >> 16),
                              static_cast<char>(lt >> 24)};
      out.write(prefix, 4);
      out.write(reinterpret_cast<const char*>(frame.bytes.data()), static_cast<std::streamsize>(frame.bytes.size()));
    });
  }
  std::printf("%llu seeds\n", static_cast<unsigned long long>(n));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string command = argv[1];
  argc -= 2;
  argv += 2;
  if (command == "summary") return run_summary(argc, argv);
  if (command == "tree") return run_tree(argc, argv);
  if (command == "fields") return run_fields(argc, argv);
  if (command == "corpus") return run_corpus(argc, argv);
  if (command == "pcapng") return run_pcapng(argc, argv);
  if (command == "seeds") return run_seeds(argc, argv);
  return usage();
}
