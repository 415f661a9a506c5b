// ICMPv6 (RFC 4443), neighbor discovery (RFC 4861) and multicast listener
// discovery (RFC 2710, RFC 3810): type, code, checksum, the fields of echo,
// error, ND and MLD messages, ND options by type and length (a length of 0
// is malformed: it would never end), and the IPv6 packet an error quotes,
// dissected as a nested packet.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view type_name(uint64_t t) {
  switch (t) {
    case 1: return "destination unreachable";
    case 2: return "packet too big";
    case 3: return "time exceeded";
    case 4: return "parameter problem";
    case 128: return "echo request";
    case 129: return "echo reply";
    case 130: return "multicast listener query";
    case 131: return "multicast listener report";
    case 132: return "multicast listener done";
    case 133: return "router solicitation";
    case 134: return "router advertisement";
    case 135: return "neighbor solicitation";
    case 136: return "neighbor advertisement";
    case 137: return "redirect";
    case 143: return "multicast listener report v2";
    default: return {};
  }
}

std::string_view option_name(uint64_t t) {
  switch (t) {
    case 1: return "source link-layer address";
    case 2: return "target link-layer address";
    case 3: return "prefix information";
    case 4: return "redirected header";
    case 5: return "MTU";
    case 14: return "nonce";
    case 24: return "route information";
    case 25: return "recursive DNS server";
    default: return {};
  }
}

enum {
  kType, kCode, kChecksum, kId, kSeq, kMtu, kPointer, kUnused, kTarget, kNaFlags, kRedirectDst,
  kHopLimit, kRaFlags, kLifetime, kReachable, kRetrans, kMaxDelay, kMulticast, kRecords,
  kOption, kOptionType, kOptionLength, kLinkAddr,
};
const FieldInfo kFields[] = {
    header_field(ProtocolId::Icmp6, "type", "icmp6.type", "Type", "icmpv6.type", 0, type_name),
    header_field(ProtocolId::Icmp6, "code", "icmp6.code", "Code", "icmpv6.code"),
    header_field(ProtocolId::Icmp6, "checksum", "icmp6.checksum", "Checksum", "icmpv6.checksum", 4),
    {.key = "icmp6.id", .label = "Identifier", .wireshark = "icmpv6.echo.identifier"},
    {.key = "icmp6.seq", .label = "Sequence number", .wireshark = "icmpv6.echo.sequence_number"},
    {.key = "icmp6.mtu", .label = "MTU", .wireshark = "icmpv6.mtu"},
    {.key = "icmp6.pointer", .label = "Pointer", .wireshark = "icmpv6.pointer"},
    {.key = "icmp6.unused", .label = "Reserved", .format = Format::Hex, .hex_digits = 8},
    {.key = "icmp6.target", .label = "Target address", .format = Format::Ipv6},
    {.key = "icmp6.na_flags", .label = "Flags (router, solicited, override)", .format = Format::Hex,
     .hex_digits = 8},
    {.key = "icmp6.redirect_dst", .label = "Destination address", .format = Format::Ipv6},
    {.key = "icmp6.hop_limit", .label = "Current hop limit", .wireshark = "icmpv6.nd.ra.cur_hop_limit"},
    {.key = "icmp6.ra_flags", .label = "Flags", .format = Format::Hex, .hex_digits = 2},
    {.key = "icmp6.lifetime", .label = "Router lifetime", .wireshark = "icmpv6.nd.ra.router_lifetime"},
    {.key = "icmp6.reachable", .label = "Reachable time", .wireshark = "icmpv6.nd.ra.reachable_time"},
    {.key = "icmp6.retrans", .label = "Retransmission timer", .wireshark = "icmpv6.nd.ra.retrans_timer"},
    {.key = "icmp6.max_delay", .label = "Maximum response delay"},
    {.key = "icmp6.multicast", .label = "Multicast address", .format = Format::Ipv6,
     .wireshark = "icmpv6.mld.multicast_address"},
    {.key = "icmp6.records", .label = "Multicast address records", .wireshark = "icmpv6.mldr.nb_mcast_records"},
    {.key = "icmp6.opt", .label = "Option", .format = Format::Group},
    {.key = "icmp6.opt.type", .label = "Type", .wireshark = "icmpv6.opt.type", .meaning = option_name},
    {.key = "icmp6.opt.len", .label = "Length (8-byte units)", .wireshark = "icmpv6.opt.length"},
    {.key = "icmp6.opt.linkaddr", .label = "Link-layer address", .format = Format::Mac,
     .wireshark = "icmpv6.opt.linkaddr"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "ICMP6, ";
  const uint64_t type = number_of(d, i, kFields[kType], 256);
  if (auto name = type_name(type); !name.empty()) {
    out.append(name);
  } else {
    out += "type ";
    append_field(d, i, kFields[kType], out);
    out += ", code ";
    append_field(d, i, kFields[kCode], out);
  }
  if (has_field(d, i, kFields[kId])) {
    out += ", id ";
    append_field(d, i, kFields[kId], out);
    out += ", seq ";
    append_field(d, i, kFields[kSeq], out);
  }
  if (has_field(d, i, kFields[kTarget])) {
    out += type == 135 ? ", who has " : ", tgt is ";
    append_field(d, i, kFields[kTarget], out);
  }
  if (has_field(d, i, kFields[kMtu])) {
    out += ", mtu ";
    append_field(d, i, kFields[kMtu], out);
  }
  if (has_field(d, i, kFields[kRecords])) {
    out += ", ";
    append_field(d, i, kFields[kRecords], out);
    out += " group record(s)";
  }
  out += ", length ";
  append_dec(out, d.layers()[i].length);
  return with_nested(d, i);
}

// Neighbor discovery options in [at, end).
bool add_options(LayerBuilder& b, uint32_t at, uint32_t end) {
  Cursor& c = b.cursor();
  while (at < end) {
    uint64_t type = 0, len = 0;
    if (!c.peek_at(at, 1, type) || !c.peek_at(at + 1, 1, len)) return b.truncated("capture ends in an ND option");
    b.add(kFields[kOption], at, static_cast<uint32_t>(len * 8), 0);
    b.add(kFields[kOptionType], at, 1, type, 1);
    b.add(kFields[kOptionLength], at + 1, 1, len, 1);
    if (len == 0) return b.malformed("ND option of length 0");
    if (at + len * 8 > end) return b.malformed("ND option longer than the message");
    uint64_t mac = 0;
    if ((type == 1 || type == 2) && len == 1 && c.peek_at(at + 2, 6, mac)) b.add(kFields[kLinkAddr], at + 2, 6, mac, 1);
    at += static_cast<uint32_t>(len * 8);
  }
  return true;
}

}  // namespace

const ProtocolInfo kIcmpv6Protocol{"icmp6", "Internet Control Message Protocol for IPv6", kFields, summarize};

void dissect_icmpv6(Context& ctx, Region r) {
  LayerBuilder b(ctx, kIcmpv6Protocol, r);
  b.set_length(r.declared);
  const uint32_t h = r.offset;
  auto type = b.table(kFields[kType], h);
  if (!type || !b.table(kFields[kCode], h) || !b.table(kFields[kChecksum], h)) return;
  Cursor& c = b.cursor();
  c.seek(h + 4);
  const uint32_t end = h + r.declared;
  auto ipv6 = [&](int which) {
    const uint32_t at = static_cast<uint32_t>(c.offset());
    if (!c.skip(16)) return b.truncated(std::string("capture ends in ").append(kFields[which].key));
    b.add(kFields[which], at, 16, 0);
    return true;
  };
  switch (*type) {
    case 128:
    case 129:
      if (!b.read(kFields[kId], 2) || !b.read(kFields[kSeq], 2)) return;
      if (r.declared > 8) dissect_data(ctx, b.payload(h + 8, r.declared - 8));
      return;
    case 1:
    case 3:
      if (!b.read(kFields[kUnused], 4)) return;
      break;
    case 2:
      if (!b.read(kFields[kMtu], 4)) return;
      break;
    case 4:
      if (!b.read(kFields[kPointer], 4)) return;
      break;
    case 130:
    case 131:
    case 132:
      if (!b.read(kFields[kMaxDelay], 2) || !c.skip(2) || !ipv6(kMulticast)) return;
      return;
    case 143:
      if (!c.skip(2) || !b.read(kFields[kRecords], 2)) return;
      return;
    case 133:
      if (!b.read(kFields[kUnused], 4)) return;
      add_options(b, h + 8, end);
      return;
    case 134:
      if (!b.read(kFields[kHopLimit], 1) || !b.read(kFields[kRaFlags], 1) || !b.read(kFields[kLifetime], 2) ||
          !b.read(kFields[kReachable], 4) || !b.read(kFields[kRetrans], 4)) {
        return;
      }
      add_options(b, h + 16, end);
      return;
    case 135:
      if (!b.read(kFields[kUnused], 4) || !ipv6(kTarget)) return;
      add_options(b, h + 24, end);
      return;
    case 136:
      if (!b.read(kFields[kNaFlags], 4) || !ipv6(kTarget)) return;
      add_options(b, h + 24, end);
      return;
    case 137:
      if (!b.read(kFields[kUnused], 4) || !ipv6(kTarget) || !ipv6(kRedirectDst)) return;
      add_options(b, h + 40, end);
      return;
    default:
      if (r.declared > 4) dissect_data(ctx, b.payload(h + 4, r.declared - 4));
      return;
  }
  // An error: the packet that caused it, one level down and cut short by design.
  Region quoted = b.payload(h + 8, minus(r.declared, 8));
  if (quoted.captured == 0) return;
  const bool was_quoted = ctx.quoted;
  ctx.quoted = true;
  ++ctx.level;
  dispatch_ethertype(ctx, protocols::kEtherTypeIpv6, quoted);
  --ctx.level;
  ctx.quoted = was_quoted;
}

}  // namespace stratoshark::dissect
