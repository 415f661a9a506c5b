// Field values by tshark name: every FieldInfo that names a tshark field is
// found through the protocols' field lists (one registry, built once), and
// rendered as `tshark -T fields` prints it. tcp.flags is the one composite:
// tshark's 12-bit value is our flags byte plus the AE and reserved bits.
#include "stratoshark/dissect/wireshark_fields.h"

#include <algorithm>
#include <vector>

#include "dissector.h"
#include "stratoshark/dissect/format.h"
#include "text.h"

namespace stratoshark::dissect {

namespace {

struct Entry {
  std::string_view name;
  std::vector<const FieldInfo*> infos;
};

constexpr std::string_view kTcpFlags = "tcp.flags";

const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> out;
    auto add = [&](std::string_view name, const FieldInfo* info) {
      auto it = std::find_if(out.begin(), out.end(), [&](const Entry& e) { return e.name == name; });
      if (it == out.end()) it = out.insert(out.end(), Entry{name, {}});
      if (info) it->infos.push_back(info);
    };
    for (const ProtocolInfo* p : all_protocols()) {
      for (const FieldInfo& f : p->fields) {
        if (!f.wireshark.empty()) add(f.wireshark, &f);
      }
    }
    add(kTcpFlags, nullptr);
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return out;
  }();
  return entries;
}

void append_wireshark_value(const Dissection& d, const Field& f, std::string& out) {
  const FieldInfo& info = *f.info;
  const uint64_t n = f.number * info.wireshark_scale;
  if (info.wireshark_hex_digits) {
    append_hex(out, n, info.wireshark_hex_digits);
    return;
  }
  switch (info.format) {
    case Format::Decimal:
    case Format::Flag:
    case Format::Hex:
      append_dec(out, n);
      return;
    case Format::Text:
      out.append(d.text(f));
      return;
    case Format::Bytes:
      if (f.offset <= d.bytes().size() && f.length <= d.bytes().size() - f.offset) {
        append_hex_bytes(out, d.bytes().subspan(f.offset, f.length), ':');
      }
      return;
    default:
      append_value(d, f, out);
      return;
  }
}

// tshark's tcp.flags: reserved bits, AE, then CWR..FIN, as 0x%04x.
void append_tcp_flags(const Dissection& d, std::string& out) {
  bool first = true;
  for (const Layer& layer : d.layers()) {
    if (layer.protocol != &kTcpProtocol) continue;
    const Field* flags = nullptr;
    uint64_t ae = 0, res = 0;
    for (const Field& f : d.fields(layer)) {
      if (f.info->key == "tcp.flags") flags = &f;
      if (f.info->key == "tcp.ae") ae = f.number;
      if (f.info->key == "tcp.res") res = f.number;
    }
    if (!flags) continue;
    if (!first) out.push_back(',');
    first = false;
    append_hex(out, res << 9 | ae << 8 | flags->number, 4);
  }
}

}  // namespace

bool append_wireshark_field(const Dissection& d, std::string_view name, std::string& out) {
  const auto& entries = registry();
  auto it = std::lower_bound(entries.begin(), entries.end(), name,
                             [](const Entry& e, std::string_view n) { return e.name < n; });
  if (it == entries.end() || it->name != name) return false;
  if (name == kTcpFlags) {
    append_tcp_flags(d, out);
    return true;
  }
  bool first = true;
  for (const Field& f : d.fields()) {
    if (std::find(it->infos.begin(), it->infos.end(), f.info) == it->infos.end()) continue;
    if (!first) out.push_back(',');
    first = false;
    append_wireshark_value(d, f, out);
  }
  return true;
}

std::span<const std::string_view> wireshark_field_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Entry& e : registry()) out.push_back(e.name);
    return out;
  }();
  return names;
}

}  // namespace stratoshark::dissect
