// VXLAN (RFC 7348, UDP port 4789): flags and the 24-bit network identifier,
// then an Ethernet frame one tunnel level down.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kFlags, kVni };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Vxlan, "flags", "vxlan.flags", "Flags"),
    header_field(ProtocolId::Vxlan, "vni", "vxlan.vni", "Network identifier", "vxlan.vni"),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "VXLAN, vni ";
  append_field(d, i, kFields[kVni], out);
  return 1;
}

}  // namespace

const ProtocolInfo kVxlanProtocol{"vxlan", "Virtual eXtensible Local Area Network", kFields, summarize};

void dissect_vxlan(Context& ctx, Region r) {
  LayerBuilder b(ctx, kVxlanProtocol, r);
  if (!b.table_all(kFields, r.offset)) return;
  b.set_length(8);
  ++ctx.level;
  dispatch_ethertype(ctx, protocols::kEtherTypeTransparentEthernet, b.payload(r.offset + 8, minus(r.declared, 8)));
  --ctx.level;
}

}  // namespace stratoshark::dissect
