// IP Authentication Header (RFC 4302), in IPv4 or in an IPv6 header chain:
// the fixed part from the protocol table, the integrity check value by the
// header's length ((len + 2) * 4 bytes in all), then the next header.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kNxt, kLen, kReserved, kSpi, kSeq, kIcv };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Ah, "nxt", "ah.nxt", "Next header", "ah.next_header", 0, ip_proto_name),
    header_field(ProtocolId::Ah, "len", "ah.len", "Length (4-byte units, minus 2)", "ah.length"),
    header_field(ProtocolId::Ah, "reserved", "ah.reserved", "Reserved"),
    header_field(ProtocolId::Ah, "spi", "ah.spi", "Security parameters index", "ah.spi", 8),
    header_field(ProtocolId::Ah, "seq", "ah.seq", "Sequence number", "ah.sequence"),
    {.key = "ah.icv", .label = "Integrity check value", .format = Format::Bytes, .wireshark = "ah.icv"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "AH(spi=";
  append_field(d, i, kFields[kSpi], out);
  out += ",seq=";
  append_field(d, i, kFields[kSeq], out);
  out += ")";
  return 1;
}

}  // namespace

const ProtocolInfo kAhProtocol{"ah", "Authentication Header", kFields, summarize};

void dissect_ah(Context& ctx, Region r) {
  LayerBuilder b(ctx, kAhProtocol, r);
  const uint32_t h = r.offset;
  if (!b.table_all(std::span(kFields).first(kIcv), h)) return;
  uint64_t nxt = 0, len = 0;
  b.cursor().peek_at(h, 1, nxt);
  b.cursor().peek_at(h + 1, 1, len);
  const uint32_t header_len = static_cast<uint32_t>((len + 2) * 4);
  if (header_len < 12 || header_len > r.declared) {
    b.malformed("AH length does not fit the payload");
    return;
  }
  if (!b.cursor().contains(h, header_len)) {
    b.truncated("capture ends in the AH integrity check value");
    return;
  }
  if (header_len > 12) b.add(kFields[kIcv], h + 12, header_len - 12, 0);
  b.set_length(header_len);
  dispatch_ip_proto(ctx, static_cast<uint8_t>(nxt), b.payload(h + header_len, r.declared - header_len));
}

}  // namespace stratoshark::dissect
