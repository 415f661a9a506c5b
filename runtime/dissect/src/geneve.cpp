// Geneve (RFC 8926, UDP port 6081): version, options length, flags, the
// payload's EtherType and the 24-bit network identifier; the options are
// skipped by their length; the payload follows one tunnel level down.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kVersion, kOptlen, kOam, kCritical, kProto, kVni, kOptions };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Geneve, "version", "geneve.version", "Version", "geneve.version"),
    header_field(ProtocolId::Geneve, "optlen", "geneve.optlen", "Options length (4-byte units)"),
    header_field(ProtocolId::Geneve, "oam", "geneve.oam", "Control packet", "geneve.flags.oam"),
    header_field(ProtocolId::Geneve, "critical", "geneve.critical", "Critical options", "geneve.flags.critical"),
    header_field(ProtocolId::Geneve, "proto", "geneve.proto", "Protocol type", "geneve.proto_type", 4,
                 ethertype_name),
    header_field(ProtocolId::Geneve, "vni", "geneve.vni", "Virtual network identifier", "geneve.vni", 6),
    {.key = "geneve.options", .label = "Options", .format = Format::Bytes, .wireshark = "geneve.options"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "Geneve, vni ";
  append_hex(out, number_of(d, i, kFields[kVni]), 1);
  out += ", proto ";
  append_field(d, i, kFields[kProto], out);
  return 1;
}

}  // namespace

const ProtocolInfo kGeneveProtocol{"geneve", "Generic Network Virtualization Encapsulation", kFields, summarize};

void dissect_geneve(Context& ctx, Region r) {
  LayerBuilder b(ctx, kGeneveProtocol, r);
  const uint32_t h = r.offset;
  if (!b.table_all(std::span(kFields).first(kOptions), h)) return;
  uint64_t optlen = 0, version = 0, proto = 0;
  b.cursor().peek_at(h, 1, optlen);
  version = optlen >> 6;
  optlen = (optlen & 0x3f) * 4;
  b.cursor().peek_at(h + 2, 2, proto);
  const uint32_t header_len = 8 + static_cast<uint32_t>(optlen);
  if (header_len > r.declared) {
    b.malformed("options longer than the datagram");
    return;
  }
  if (optlen) {
    if (!b.cursor().contains(h + 8, optlen)) {
      b.truncated("capture ends in the Geneve options");
      return;
    }
    b.add(kFields[kOptions], h + 8, static_cast<uint32_t>(optlen), 0);
  }
  b.set_length(header_len);
  Region payload = b.payload(h + header_len, r.declared - header_len);
  if (version != 0) return dissect_data(ctx, payload);
  ++ctx.level;
  dispatch_ethertype(ctx, static_cast<uint16_t>(proto), payload);
  --ctx.level;
}

}  // namespace stratoshark::dissect
