// GRE (RFC 2784, keys and sequence numbers RFC 2890, PPTP's version 1 RFC
// 2637): flags, version and payload EtherType from the protocol table, the
// optional checksum, key, sequence and acknowledgment fields, then the
// payload one tunnel level down. RFC 1701 source routing is not followed.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kC, kR, kK, kS, kVersion, kProto, kChecksum, kOffset, kKey, kSeq, kAck };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Gre, "c", "gre.c", "Checksum present", "gre.flags.checksum"),
    header_field(ProtocolId::Gre, "r", "gre.r", "Routing present", "gre.flags.routing"),
    header_field(ProtocolId::Gre, "k", "gre.k", "Key present", "gre.flags.key"),
    header_field(ProtocolId::Gre, "s", "gre.s", "Sequence number present", "gre.flags.sequence_number"),
    header_field(ProtocolId::Gre, "version", "gre.version", "Version", "gre.flags.version"),
    header_field(ProtocolId::Gre, "proto", "gre.proto", "Protocol type", "gre.proto", 4, ethertype_name),
    {.key = "gre.checksum", .label = "Checksum", .format = Format::Hex, .hex_digits = 4, .wireshark = "gre.checksum",
     .wireshark_hex_digits = 4},
    {.key = "gre.offset", .label = "Offset", .wireshark = "gre.offset"},
    {.key = "gre.key", .label = "Key", .format = Format::Hex, .hex_digits = 8, .wireshark = "gre.key",
     .wireshark_hex_digits = 8},
    {.key = "gre.seq", .label = "Sequence number", .wireshark = "gre.sequence_number"},
    {.key = "gre.ack", .label = "Acknowledgment number", .wireshark = "gre.ack_number"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "GREv";
  append_field(d, i, kFields[kVersion], out);
  if (has_field(d, i, kFields[kKey])) {
    out += ", key=";
    append_field(d, i, kFields[kKey], out);
  }
  if (has_field(d, i, kFields[kSeq])) {
    out += ", seq ";
    append_field(d, i, kFields[kSeq], out);
  }
  out += ", proto ";
  const uint64_t proto = number_of(d, i, kFields[kProto]);
  if (auto name = ethertype_name(proto); !name.empty()) {
    out.append(name);
    out += " (";
    append_hex(out, proto, 4);
    out += ")";
  } else {
    append_hex(out, proto, 4);
  }
  out += ", length ";
  append_dec(out, d.layers()[i].length);
  return 1;
}

}  // namespace

const ProtocolInfo kGreProtocol{"gre", "Generic Routing Encapsulation", kFields, summarize};

void dissect_gre(Context& ctx, Region r) {
  LayerBuilder b(ctx, kGreProtocol, r);
  b.set_length(r.declared);
  const uint32_t h = r.offset;
  uint64_t v[kProto + 1] = {};
  for (int i = kC; i <= kProto; ++i) {
    auto x = b.table(kFields[i], h);
    if (!x) return;
    v[i] = *x;
  }
  uint64_t ack_present = 0;
  b.cursor().peek_at(h + 1, 1, ack_present);
  ack_present = (ack_present >> 7) & 1;  // version 1 (PPTP) only
  b.cursor().seek(h + 4);
  if (v[kC] || v[kR]) {
    if (!b.read(kFields[kChecksum], 2) || !b.read(kFields[kOffset], 2)) return;
  }
  if (v[kK] && !b.read(kFields[kKey], 4)) return;
  if (v[kS] && !b.read(kFields[kSeq], 4)) return;
  if (v[kVersion] == 1 && ack_present && !b.read(kFields[kAck], 4)) return;
  if (v[kR]) {
    b.malformed("GRE source routing is not followed");
    return;
  }
  const uint32_t header_len = static_cast<uint32_t>(b.cursor().offset() - h);
  Region payload = b.payload(h + header_len, minus(r.declared, header_len));
  if (v[kVersion] != 0) return dissect_data(ctx, payload);  // PPTP carries PPP
  ++ctx.level;
  dispatch_ethertype(ctx, static_cast<uint16_t>(v[kProto]), payload);
  --ctx.level;
}

}  // namespace stratoshark::dissect
