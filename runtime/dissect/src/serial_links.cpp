// Serial-line link headers: Cisco HDLC (LINKTYPE_C_HDLC: address, control,
// an EtherType) and the 16-byte record libpcap's SLIP captures (LINKTYPE_SLIP)
// put before each IP packet (the direction, then the CSLIP header as it came).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

constexpr uint64_t kChdlcUnicast = 0x0f;
constexpr uint64_t kChdlcBroadcast = 0x8f;
constexpr uint32_t kChdlcHeader = 4;
constexpr uint32_t kSlipHeader = 16;

std::string_view chdlc_address_name(uint64_t a) {
  if (a == kChdlcUnicast) return "unicast";
  if (a == kChdlcBroadcast) return "broadcast";
  return {};
}

std::string_view slip_direction_name(uint64_t d) {
  if (d == 0) return "In";
  if (d == 1) return "Out";
  return {};
}

enum { kAddress, kControl, kProto };
const FieldInfo kChdlcFields[] = {
    header_field(ProtocolId::Chdlc, "address", "chdlc.address", "Address", "chdlc.address", 2, chdlc_address_name),
    header_field(ProtocolId::Chdlc, "control", "chdlc.control", "Control"),
    header_field(ProtocolId::Chdlc, "proto", "chdlc.proto", "Protocol", "chdlc.protocol", 4, ethertype_name),
};
const FieldInfo kSlipFields[] = {
    header_field(ProtocolId::Slip, "dir", "slip.dir", "Direction", {}, 0, slip_direction_name),
};

bool payload_dissected(const Dissection& d, size_t i) {
  return i + 1 < d.layers().size() && d.layers()[i + 1].protocol != &kDataProtocol;
}

// "Cisco HDLC, broadcast, protocol 0xfefe, length 1504" when nothing follows that we read.
size_t summarize_chdlc(const Dissection& d, size_t i, std::string& out) {
  if (payload_dissected(d, i)) return 1;
  out += "Cisco HDLC, ";
  std::string_view address = chdlc_address_name(number_of(d, i, kChdlcFields[kAddress], 0));
  if (address.empty()) {
    out += "address ";
    append_field(d, i, kChdlcFields[kAddress], out);
  } else {
    out.append(address);
  }
  out += ", protocol ";
  append_field(d, i, kChdlcFields[kProto], out);
  out += ", length ";
  append_dec(out, d.frame().wire_length);
  return 1;
}

// "In: IP ..." as for cooked captures; "SLIP direction 231, length 39" otherwise.
size_t summarize_slip(const Dissection& d, size_t i, std::string& out) {
  uint64_t dir = number_of(d, i, kSlipFields[0], 99);
  if (payload_dissected(d, i) && !slip_direction_name(dir).empty()) {
    out.append(slip_direction_name(dir));
    out += ": ";
    return 1;
  }
  out += "SLIP direction ";
  append_field(d, i, kSlipFields[0], out);
  out += ", length ";
  append_dec(out, d.frame().wire_length);
  return 1;
}

}  // namespace

const ProtocolInfo kChdlcProtocol{"chdlc", "Cisco HDLC", kChdlcFields, summarize_chdlc};
const ProtocolInfo kSlipProtocol{"slip", "SLIP", kSlipFields, summarize_slip};

void dissect_chdlc(Context& ctx, Region r) {
  LayerBuilder b(ctx, kChdlcProtocol, r);
  auto address = b.table(kChdlcFields[kAddress], r.offset);
  auto control = address ? b.table(kChdlcFields[kControl], r.offset) : std::nullopt;
  auto proto = control ? b.table(kChdlcFields[kProto], r.offset) : std::nullopt;
  if (!proto) return;
  dispatch_link_payload(ctx, b, *proto, kChdlcHeader);  // 0xfefe (OSI) is not dissected
}

void dissect_slip(Context& ctx, Region r) {
  LayerBuilder b(ctx, kSlipProtocol, r);
  if (!b.table(kSlipFields[0], r.offset)) return;
  if (!b.cursor().contains(r.offset, kSlipHeader)) {
    b.truncated("capture ends in the SLIP header");
    return;
  }
  b.set_length(kSlipHeader);
  Region payload = b.payload(r.offset + kSlipHeader, minus(r.declared, kSlipHeader));
  // The IP version says which IP it is (what follows may also be a CSLIP
  // packet's remains, shown as data).
  uint8_t first = 0;
  Cursor c(ctx.packet, payload.offset, payload.offset + payload.captured);
  const unsigned version = c.u8(first) ? first >> 4 : 0;
  if (version == 4) return dispatch_ethertype(ctx, protocols::kEtherTypeIpv4, payload);
  if (version == 6) return dispatch_ethertype(ctx, protocols::kEtherTypeIpv6, payload);
  dissect_data(ctx, payload);
}

}  // namespace stratoshark::dissect
