#include "program_output.h"

#include "capture.h"
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

void ProgramOutput::packet(const runtime::CapturedPacket& p) {
  if (count_ > 0 && packets_ >= count_) return;
  ++packets_;
  std::string line = packet_line(p, packets_);
  if (format_ == OutputFormat::Json) line = runtime::json_message("packet", line.substr(0, line.size() - 1));
  write(line);
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

}  // namespace stratoshark::cli
