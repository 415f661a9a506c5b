// Ethernet II and 802.3 frames (IEEE 802.3 clause 3): addresses, then an
// EtherType (>= 0x0600) or a length (<= 1500, an LLC frame follows).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kDst, kSrc, kType, kLength };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Eth, "dst", "eth.dst", "Destination", "eth.dst"),
    header_field(ProtocolId::Eth, "src", "eth.src", "Source", "eth.src"),
    header_field(ProtocolId::Eth, "type", "eth.type", "Type", "eth.type", 4, ethertype_name),
    {.key = "eth.len", .label = "Length", .wireshark = "eth.len"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  // Like tcpdump without -e, an Ethernet header says nothing unless nothing
  // after it is understood.
  const size_t next = i + 1;
  if (next < d.layers().size() && d.layers()[next].protocol != &kDataProtocol) return 1;
  append_field(d, i, kFields[kSrc], out);
  out += " > ";
  append_field(d, i, kFields[kDst], out);
  if (has_field(d, i, kFields[kType])) {
    out += ", ethertype ";
    uint64_t type = number_of(d, i, kFields[kType]);
    if (auto name = ethertype_name(type); !name.empty()) out.append(name).push_back(' ');
    out.push_back('(');
    append_hex(out, type, 4);
    out.push_back(')');
  } else if (has_field(d, i, kFields[kLength])) {
    out += ", 802.3";
  }
  out += ", length ";
  append_dec(out, d.frame().wire_length);
  return 1;
}

}  // namespace

const ProtocolInfo kEthernetProtocol{"eth", "Ethernet", kFields, summarize};

void dissect_ethernet(Context& ctx, Region r) {
  LayerBuilder b(ctx, kEthernetProtocol, r);
  if (!b.table(kFields[kDst], r.offset) || !b.table(kFields[kSrc], r.offset)) return;
  uint64_t type = 0;
  if (!b.cursor().peek_at(r.offset + 12, 2, type)) {
    b.truncated("capture ends in eth.type");
    return;
  }
  b.set_length(14);
  if (type <= 1500) {
    // 802.3: a length, then LLC (not dissected further).
    b.add(kFields[kLength], r.offset + 12, 2, type);
    dissect_data(ctx, b.payload(r.offset + 14, static_cast<uint32_t>(type)));
    return;
  }
  b.table(kFields[kType], r.offset);
  dispatch_ethertype(ctx, static_cast<uint16_t>(type), b.payload(r.offset + 14, minus(r.declared, 14)));
}

}  // namespace stratoshark::dissect
