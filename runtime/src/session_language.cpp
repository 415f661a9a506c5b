// Session: the language functions whose work is done in user space when
// their event is read (time, cat, join), -k warnings, the symbolizer that
// decodes stacks and symbols, and the values the runtime hands the
// programs after loading (cpid).
#include <time.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <iterator>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "stratoshark/runtime/session.h"
#include "symbols.h"

namespace stratoshark::runtime {

namespace {

class MapSymbolizer final : public Symbolizer {
 public:
  MapSymbolizer(bpf_object* object, const Artifact& artifact) : object_(object), artifact_(artifact) {}

  std::vector<uint64_t> stack(uint32_t frames, int64_t id) override {
    std::vector<uint64_t> ips;
    for (const StackMapSpec& s : artifact_.stack_maps) {
      if (s.frames != frames) continue;
      bpf_map* map = bpf_object__find_map_by_name(object_, s.name.c_str());
      if (map == nullptr) return ips;
      std::vector<uint64_t> raw(frames);
      auto key = static_cast<uint32_t>(id);
      if (bpf_map_lookup_elem(bpf_map__fd(map), &key, raw.data()) != 0) return ips;
      for (uint64_t ip : raw) {
        if (ip == 0) break;
        ips.push_back(ip);
      }
      return ips;
    }
    return ips;
  }
  std::string kernel_symbol(uint64_t address, bool with_offset) override {
    return tables_.kernel(address, with_offset);
  }
  std::string user_symbol(uint32_t pid, uint64_t address, bool with_offset) override {
    return tables_.user(pid, address, with_offset);
  }
  std::string user_module(uint32_t pid, uint64_t address) override { return tables_.module(pid, address); }

 private:
  bpf_object* object_;
  const Artifact& artifact_;
  SymbolTables tables_;
};

// "FILE:LINE:COL: warning: failed to HELPER: ERROR (CODE)", then the source
// line with a caret under the expression, as compile-time diagnostics show.
std::string warning_text(const WarningSite& site, int64_t code) {
  const SourcePosition& p = site.position;
  std::string text = fmt::format("{}warning: failed to {}: {} ({})\n",
                                 p.line == 0 ? std::string() : fmt::format("{}:{}:{}: ", p.file, p.line, p.column),
                                 site.helper, std::strerror(static_cast<int>(-code)), code);
  if (p.line == 0 || site.source_line.empty()) return text;
  std::string gutter = fmt::format("{:>5}", p.line);
  text += fmt::format("{} | {}\n", gutter, site.source_line);
  uint32_t column = p.column > 0 ? p.column - 1 : 0;
  uint32_t length = std::max<uint32_t>(1, std::min<uint32_t>(p.length, static_cast<uint32_t>(site.source_line.size()) - std::min<uint32_t>(column, static_cast<uint32_t>(site.source_line.size()))));
  text += fmt::format("{} | {}^{}\n", std::string(gutter.size(), ' '), std::string(column, ' '), std::string(length - 1, '~'));
  return text;
}

uint64_t monotonic_now() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<uint64_t>(now.tv_sec) * 1000000000ull + static_cast<uint64_t>(now.tv_nsec);
}

}  // namespace

const DecodeContext& Session::decoding() {
  if (!symbolizer_) {
    symbolizer_ = std::make_unique<MapSymbolizer>(object_, artifact_);
    decode_context_ = decode_context(artifact_, symbolizer_.get());
  }
  return decode_context_;
}

void Session::set_program_constants() {
  if (artifact_.cpid_map.empty()) return;
  if (bpf_map* map = bpf_object__find_map_by_name(object_, artifact_.cpid_map.c_str())) {
    uint64_t pid = options_.child_pid > 0 ? static_cast<uint64_t>(options_.child_pid) : 0;
    uint32_t key = 0;
    bpf_map_update_elem(bpf_map__fd(map), &key, &pid, BPF_ANY);
  }
}

void Session::language_event(const EventHeader& header, std::span<const uint8_t> event) {
  if (sink_ == nullptr) return;
  switch (static_cast<EventType>(header.type)) {
    case EventType::Time:
      if (header.id < artifact_.time_formats.size()) {
        sink_->text(format_time(artifact_.time_formats[header.id], monotonic_now()));
      }
      return;
    case EventType::Cat: {
      if (header.id >= artifact_.printfs.size()) return;
      std::string path = format_printf(artifact_.printfs[header.id], event, decoding());
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        sink_->warning(fmt::format("cat: cannot open {}: {}\n", path, std::strerror(errno)));
        return;
      }
      std::string contents(artifact_.max_cat_bytes, '\0');  // config max_cat_bytes
      in.read(contents.data(), static_cast<std::streamsize>(contents.size()));
      contents.resize(static_cast<size_t>(in.gcount()));
      sink_->text(contents);
      return;
    }
    case EventType::Join: {
      if (header.id >= artifact_.joins.size()) return;
      const JoinSpec& spec = artifact_.joins[header.id];
      std::string out;
      for (uint32_t i = 0; i < spec.count; ++i) {
        size_t at = sizeof(EventHeader) + static_cast<size_t>(i) * spec.size;
        if (at >= event.size() || event[at] == 0) break;
        const char* text = reinterpret_cast<const char*>(event.data() + at);
        out += (i ? spec.separator : "") + std::string(text, strnlen(text, std::min<size_t>(spec.size, event.size() - at)));
      }
      sink_->text(out + "\n");
      return;
    }
    case EventType::Warning: {
      if (header.id >= artifact_.warnings.size()) return;
      const WarningSite& site = artifact_.warnings[header.id];
      int64_t code = 0;
      if (event.size() >= sizeof(EventHeader) + sizeof code) {
        std::memcpy(&code, event.data() + sizeof(EventHeader), sizeof code);
      }
      sink_->warning(warning_text(site, code));
      return;
    }
    default:
      return;
  }
}

}  // namespace stratoshark::runtime
