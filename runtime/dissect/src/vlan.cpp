// 802.1Q VLAN tags and 802.1ad service tags (QinQ), stacked in any number:
// each tag is one layer (priority, DEI, VLAN id), then the EtherType (or an
// 802.3 length) of what follows.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kPcp, kDei, kId, kType, kLength };
// Same keys for both tag kinds (the language's vlan.id); tshark names the
// outer 802.1ad tag's fields ieee8021ad.*.
const FieldInfo kVlanFields[] = {
    header_field(ProtocolId::Vlan, "pcp", "vlan.pcp", "Priority", "vlan.priority"),
    header_field(ProtocolId::Vlan, "dei", "vlan.dei", "Drop eligible", "vlan.dei"),
    header_field(ProtocolId::Vlan, "id", "vlan.id", "VLAN id", "vlan.id"),
    header_field(ProtocolId::Vlan, "type", "vlan.type", "Type", "vlan.etype", 4, ethertype_name),
    {.key = "vlan.len", .label = "Length", .wireshark = "vlan.len"},
};
const FieldInfo kQinqFields[] = {
    header_field(ProtocolId::Vlan, "pcp", "vlan.pcp", "Priority", "ieee8021ad.priority"),
    header_field(ProtocolId::Vlan, "dei", "vlan.dei", "Drop eligible", "ieee8021ad.dei"),
    header_field(ProtocolId::Vlan, "id", "vlan.id", "VLAN id", "ieee8021ad.id"),
    header_field(ProtocolId::Vlan, "type", "vlan.type", "Type", "ieee8021ad.etype", 4, ethertype_name),
    {.key = "vlan.len", .label = "Length"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  const bool qinq = d.layers()[i].protocol == &kQinqProtocol;
  const FieldInfo* f = qinq ? kQinqFields : kVlanFields;
  out += qinq ? "802.1ad vlan " : "vlan ";
  append_field(d, i, f[kId], out);
  if (number_of(d, i, f[kPcp])) {
    out += " p ";
    append_field(d, i, f[kPcp], out);
  }
  if (i + 1 >= d.layers().size() || d.layers()[i + 1].protocol == &kDataProtocol) {
    if (has_field(d, i, f[kType])) {
      out += ", ethertype ";
      append_field(d, i, f[kType], out);
    }
  }
  return 1;
}

}  // namespace

const ProtocolInfo kVlanProtocol{"vlan", "802.1Q VLAN tag", kVlanFields, summarize};
const ProtocolInfo kQinqProtocol{"vlan", "802.1ad service VLAN tag", kQinqFields, summarize};

void dissect_vlan(Context& ctx, Region r, uint16_t tpid) {
  const bool qinq = tpid == protocols::kEtherTypeQinQ;
  const FieldInfo* f = qinq ? kQinqFields : kVlanFields;
  LayerBuilder b(ctx, qinq ? kQinqProtocol : kVlanProtocol, r);
  for (int i = kPcp; i <= kId; ++i) {
    if (!b.table(f[i], r.offset)) return;
  }
  uint64_t type = 0;
  if (!b.cursor().peek_at(r.offset + 2, 2, type)) {
    b.truncated("capture ends in vlan.type");
    return;
  }
  b.set_length(4);
  if (type <= 1500) {
    b.add(f[kLength], r.offset + 2, 2, type);
    dissect_data(ctx, b.payload(r.offset + 4, static_cast<uint32_t>(type)));
    return;
  }
  b.table(f[kType], r.offset);
  dispatch_ethertype(ctx, static_cast<uint16_t>(type), b.payload(r.offset + 4, minus(r.declared, 4)));
}

}  // namespace stratoshark::dissect
