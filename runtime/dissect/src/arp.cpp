// ARP and RARP (RFC 826, RFC 903): hardware and protocol types and address
// sizes, an operation, then sender and target addresses of those sizes.
// Ethernet/IPv4 addresses are shown as such; other sizes as bytes. ATM ARP
// (RFC 2225, hardware type 19) is read up to its opcode only.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view op_name(uint64_t op) {
  switch (op) {
    case 1:
      return "request";
    case 2:
      return "reply";
    case 3:
      return "reverse request";
    case 4:
      return "reverse reply";
    case 8:
      return "inverse request";
    case 9:
      return "inverse reply";
    default:
      return {};
  }
}

enum {
  kHtype, kPtype, kHlen, kPlen, kOp,
  kShaMac, kSpaIpv4, kThaMac, kTpaIpv4,
  kShaBytes, kSpaBytes, kThaBytes, kTpaBytes,
};
const FieldInfo kFields[] = {
    header_field(ProtocolId::Arp, "htype", "arp.htype", "Hardware type", "arp.hw.type"),
    header_field(ProtocolId::Arp, "ptype", "arp.ptype", "Protocol type", "arp.proto.type", 4, ethertype_name),
    header_field(ProtocolId::Arp, "hlen", "arp.hlen", "Hardware size", "arp.hw.size"),
    header_field(ProtocolId::Arp, "plen", "arp.plen", "Protocol size", "arp.proto.size"),
    header_field(ProtocolId::Arp, "op", "arp.op", "Opcode", "arp.opcode", 0, op_name),
    header_field(ProtocolId::Arp, "sha", "arp.sha", "Sender hardware address", "arp.src.hw_mac"),
    header_field(ProtocolId::Arp, "spa", "arp.spa", "Sender protocol address", "arp.src.proto_ipv4"),
    header_field(ProtocolId::Arp, "tha", "arp.tha", "Target hardware address", "arp.dst.hw_mac"),
    header_field(ProtocolId::Arp, "tpa", "arp.tpa", "Target protocol address", "arp.dst.proto_ipv4"),
    {.key = "arp.sha", .label = "Sender hardware address", .format = Format::Bytes, .wireshark = "arp.src.hw"},
    {.key = "arp.spa", .label = "Sender protocol address", .format = Format::Bytes, .wireshark = "arp.src.proto"},
    {.key = "arp.tha", .label = "Target hardware address", .format = Format::Bytes, .wireshark = "arp.dst.hw"},
    {.key = "arp.tpa", .label = "Target protocol address", .format = Format::Bytes, .wireshark = "arp.dst.proto"},
};

// The sender or target address field that is present (MAC/IPv4 or bytes).
int present(const Dissection& d, size_t i, int typed, int bytes) {
  if (has_field(d, i, kFields[typed])) return typed;
  if (has_field(d, i, kFields[bytes])) return bytes;
  return -1;
}

void append_address(const Dissection& d, size_t i, int which, std::string& out) {
  if (which < 0) {
    out += "?";
    return;
  }
  append_field(d, i, kFields[which], out);
}

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  const uint64_t op = number_of(d, i, kFields[kOp], 0);
  const bool reverse = op == 3 || op == 4;
  out += reverse ? "RARP, " : "ARP, ";
  const int sha = present(d, i, kShaMac, kShaBytes), spa = present(d, i, kSpaIpv4, kSpaBytes);
  const int tha = present(d, i, kThaMac, kThaBytes), tpa = present(d, i, kTpaIpv4, kTpaBytes);
  if (tpa < 0 && tha < 0) {
    // Not even the addresses: say what the fixed part says.
    out += "hardware type ";
    append_field(d, i, kFields[kHtype], out);
    out += ", protocol type ";
    append_field(d, i, kFields[kPtype], out);
    out += ", opcode ";
    append_field(d, i, kFields[kOp], out);
  } else if (op == 1) {
    out += "Request who-has ";
    append_address(d, i, tpa, out);
    out += " tell ";
    append_address(d, i, spa, out);
  } else if (op == 2) {
    out += "Reply ";
    append_address(d, i, spa, out);
    out += " is-at ";
    append_address(d, i, sha, out);
  } else if (op == 3) {
    out += "Request who-am-I ";
    append_address(d, i, tha, out);
    out += " tell ";
    append_address(d, i, sha, out);
  } else if (op == 4) {
    out += "Reply ";
    append_address(d, i, tha, out);
    out += " at ";
    append_address(d, i, tpa, out);
  } else {
    out += "opcode ";
    append_field(d, i, kFields[kOp], out);
  }
  out += ", length ";
  append_dec(out, d.layers()[i].length);
  return 1;
}

// Reads one variable-size address; the typed field when sizes allow it.
bool add_address(LayerBuilder& b, uint32_t at, uint64_t size, bool typed, const FieldInfo& typed_info,
                 const FieldInfo& bytes_info) {
  if (!b.cursor().contains(at, size)) return b.truncated(std::string("capture ends in ").append(bytes_info.key));
  if (size == 0) return true;
  if (typed) {
    uint64_t v = 0;
    b.cursor().peek_at(at, size, v);
    b.add(typed_info, at, static_cast<uint32_t>(size), v);
  } else {
    b.add(bytes_info, at, static_cast<uint32_t>(size), 0);
  }
  return true;
}

constexpr uint64_t kHardwareAtm = 19;

}  // namespace

const ProtocolInfo kArpProtocol{"arp", "Address Resolution Protocol", kFields, summarize};

void dissect_arp(Context& ctx, Region r) {
  LayerBuilder b(ctx, kArpProtocol, r);
  b.set_length(r.declared);
  uint64_t v[kOp + 1] = {};
  for (int i = kHtype; i <= kOp; ++i) {
    auto value = b.table(kFields[i], r.offset);
    if (!value) return;
    v[i] = *value;
  }
  // ATM ARP (RFC 2225) lays out its lengths and addresses differently
  // after the opcode; only the part both share is read.
  if (v[kHtype] == kHardwareAtm) return;
  const uint64_t hlen = v[kHlen], plen = v[kPlen];
  // Ethernet (1) or IEEE 802 (6) hardware with 6-byte addresses; IPv4 with 4.
  const bool mac = (v[kHtype] == 1 || v[kHtype] == 6) && hlen == 6;
  const bool ipv4 = v[kPtype] == protocols::kEtherTypeIpv4 && plen == 4;
  uint32_t at = r.offset + 8;
  if (!add_address(b, at, hlen, mac, kFields[kShaMac], kFields[kShaBytes])) return;
  at += static_cast<uint32_t>(hlen);
  if (!add_address(b, at, plen, ipv4, kFields[kSpaIpv4], kFields[kSpaBytes])) return;
  at += static_cast<uint32_t>(plen);
  if (!add_address(b, at, hlen, mac, kFields[kThaMac], kFields[kThaBytes])) return;
  at += static_cast<uint32_t>(hlen);
  if (!add_address(b, at, plen, ipv4, kFields[kTpaIpv4], kFields[kTpaBytes])) return;
}

}  // namespace stratoshark::dissect
