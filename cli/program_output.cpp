#include "program_output.h"

#include <fmt/format.h>

#include "report.h"
#include "stratoshark/runtime/output.h"

namespace stratoshark::cli {

void ProgramOutput::write(const std::string& s) {
  if (s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), out_) != s.size()) stop_.store(true);
  std::fflush(out_);
}

void ProgramOutput::text(const std::string& text) {
  write(format_ == OutputFormat::Json ? runtime::json_message("printf", text) : text);
}

bool ProgramOutput::open_packet_output(const Options& o, uint32_t link_type) {
  link_type_ = link_type;
  renderer_ = dissect::PacketRenderer(o.detail ? dissect::PacketRenderer::Style::Tree
                                               : dissect::PacketRenderer::Style::Summary);
  if (o.write_file.empty()) return true;
  std::string error;
  pcap::PcapngInterface interface;
  interface.link_type = link_type;
  interface.snap_length = o.snaplen;
  writer_ = pcap::PcapngWriter::create(o.write_file, interface, error);
  if (!writer_) print_error(error, "give -w a path in a writable directory");
  return writer_ != nullptr;
}

void ProgramOutput::packet(const runtime::CapturedPacket& p) {
  if (count_ > 0 && packets_ >= count_) return;
  ++packets_;
  if (writer_) {
    if (!writer_->write(p.timestamp_ns, p.wire_len, p.data)) {
      print_error(writer_->error(), "check the free space where -w writes");
      stop_.store(true);
    }
  } else {
    line_ = fmt::format("{} ", p.index != 0 ? p.index : packets_);
    renderer_.render({p.timestamp_ns, link_type_, p.wire_len, p.data}, line_);
    if (format_ == OutputFormat::Json) {
      while (!line_.empty() && line_.back() == '\n') line_.pop_back();
      line_ = runtime::json_message("packet", line_);
    }
    write(line_);
  }
  if (count_ > 0 && packets_ >= count_) stop_.store(true);
}

void ProgramOutput::map(const runtime::MapSnapshot& map, const runtime::MapView& view) {
  if (format_ == OutputFormat::Json) {
    write(runtime::json_map(map, view));
    return;
  }
  std::string body = runtime::format_map_text(map, view);
  // As bpftrace: a histogram or stats map is followed by a blank line.
  bool spaced = map.spec->value.kind == runtime::ValueKind::Hist || map.spec->value.kind == runtime::ValueKind::Lhist ||
                map.spec->value.kind == runtime::ValueKind::Stats;
  write(body.empty() || !spaced ? body : body + "\n");
}

void ProgramOutput::value(const runtime::Value& value) {
  write(format_ == OutputFormat::Json ? runtime::json_value(value) : runtime::format_printed_value(value) + "\n");
}

void ProgramOutput::maps_at_exit(const runtime::MapSnapshot& map) {
  if (format_ == OutputFormat::Json) {
    write(runtime::json_map(map));
    return;
  }
  std::string body = runtime::format_map_text(map);
  if (!body.empty()) write("\n" + body);
}

void ProgramOutput::warning(const std::string& text) {
  std::fflush(out_);
  std::fputs(text.c_str(), stderr);
}

}  // namespace stratoshark::cli
