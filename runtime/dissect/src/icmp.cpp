// ICMP (RFC 792, RFC 1256, RFC 8335): type, code, checksum, the fields of the
// message kinds that have them (echo, timestamp, address mask, redirect,
// "fragmentation needed" MTU) and, for errors, the quoted IPv4 packet, which
// is dissected as a nested packet (its length is cut short by design).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view type_name(uint64_t t) {
  switch (t) {
    case 0:
      return "echo reply";
    case 3:
      return "destination unreachable";
    case 4:
      return "source quench";
    case 5:
      return "redirect";
    case 8:
      return "echo request";
    case 9:
      return "router advertisement";
    case 10:
      return "router solicitation";
    case 11:
      return "time exceeded";
    case 12:
      return "parameter problem";
    case 13:
      return "timestamp request";
    case 14:
      return "timestamp reply";
    case 15:
      return "information request";
    case 16:
      return "information reply";
    case 17:
      return "address mask request";
    case 18:
      return "address mask reply";
    case 42:
      return "extended echo request";
    case 43:
      return "extended echo reply";
    default:
      return {};
  }
}

std::string_view unreachable_name(uint64_t code) {
  static constexpr std::string_view kNames[] = {
      "net unreachable",         "host unreachable",       "protocol unreachable",     "port unreachable",
      "fragmentation needed",    "source route failed",    "net unknown",              "host unknown",
      "source host isolated",    "net prohibited",         "host prohibited",          "net unreachable for TOS",
      "host unreachable for TOS", "administratively prohibited", "host precedence violation",
      "precedence cutoff"};
  return code < std::size(kNames) ? kNames[code] : std::string_view{};
}

bool is_error(uint64_t type) { return type == 3 || type == 4 || type == 5 || type == 11 || type == 12; }
bool has_id_seq(uint64_t type) { return type == 0 || type == 8 || (type >= 13 && type <= 18); }

enum { kType, kCode, kChecksum, kId, kSeq, kUnused, kGateway, kMtu, kPointer, kMask, kOriginate, kReceive, kTransmit };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Icmp, "type", "icmp.type", "Type", "icmp.type", 0, type_name),
    header_field(ProtocolId::Icmp, "code", "icmp.code", "Code", "icmp.code"),
    header_field(ProtocolId::Icmp, "checksum", "icmp.checksum", "Checksum", "icmp.checksum", 4),
    header_field(ProtocolId::Icmp, "id", "icmp.id", "Identifier", "icmp.ident"),
    header_field(ProtocolId::Icmp, "seq", "icmp.seq", "Sequence number", "icmp.seq"),
    {.key = "icmp.unused", .label = "Unused", .format = Format::Hex, .hex_digits = 8},
    {.key = "icmp.gateway", .label = "Gateway", .format = Format::Ipv4, .wireshark = "icmp.redir_gw"},
    {.key = "icmp.mtu", .label = "Next-hop MTU", .wireshark = "icmp.mtu"},
    {.key = "icmp.pointer", .label = "Pointer", .wireshark = "icmp.pointer"},
    {.key = "icmp.mask", .label = "Address mask", .format = Format::Ipv4, .wireshark = "icmp.address_mask"},
    {.key = "icmp.originate", .label = "Originate timestamp", .wireshark = "icmp.originate_timestamp"},
    {.key = "icmp.receive", .label = "Receive timestamp", .wireshark = "icmp.receive_timestamp"},
    {.key = "icmp.transmit", .label = "Transmit timestamp", .wireshark = "icmp.transmit_timestamp"},
};

// "udp port 5353" / "tcp port 80" / "proto 47" for the packet an error quotes.
void append_quoted_target(const Dissection& d, size_t icmp, std::string& out) {
  const size_t inner = icmp + 1;
  if (inner >= d.layers().size() || d.layers()[inner].level <= d.layers()[icmp].level) return;
  const Layer& ip = d.layers()[inner];
  const Field* dst = nullptr;
  for (const Field& f : d.fields(ip)) {
    if (f.info->key == "ip.dst" || f.info->key == "ip6.dst") dst = &f;
  }
  if (dst) {
    append_value(d, *dst, out);
    out.push_back(' ');
  }
  uint64_t sport = 0, dport = 0;
  if (inner + 1 < d.layers().size() && d.layers()[inner + 1].level == ip.level) {
    if (udp_ports(d, inner + 1, sport, dport)) {
      out += "udp port ";
      append_dec(out, dport);
      out.push_back(' ');
    } else if (tcp_ports(d, inner + 1, sport, dport)) {
      out += "tcp port ";
      append_dec(out, dport);
      out.push_back(' ');
    }
  }
}

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "ICMP ";
  const uint64_t type = number_of(d, i, kFields[kType], 256), code = number_of(d, i, kFields[kCode]);
  if (type == 3 && has_field(d, i, kFields[kCode])) {
    append_quoted_target(d, i, out);
    if (auto name = unreachable_name(code); !name.empty()) {
      out.append(name);
    } else {
      out += "unreachable code ";
      append_dec(out, code);
    }
    if (code == 4 && has_field(d, i, kFields[kMtu])) {
      out += " (mtu ";
      append_field(d, i, kFields[kMtu], out);
      out += ")";
    }
  } else if (auto name = type_name(type); !name.empty()) {
    out.append(name);
    if (type == 11) out += code == 0 ? " in-transit" : " reassembly";
    if (has_field(d, i, kFields[kId])) {
      out += ", id ";
      append_field(d, i, kFields[kId], out);
      out += ", seq ";
      append_field(d, i, kFields[kSeq], out);
    }
  } else {
    out += "type ";
    append_field(d, i, kFields[kType], out);
    out += ", code ";
    append_field(d, i, kFields[kCode], out);
  }
  out += ", length ";
  append_dec(out, d.layers()[i].length);
  return with_nested(d, i);
}

}  // namespace

const ProtocolInfo kIcmpProtocol{"icmp", "Internet Control Message Protocol", kFields, summarize};

void dissect_icmp(Context& ctx, Region r) {
  LayerBuilder b(ctx, kIcmpProtocol, r);
  b.set_length(r.declared);
  const uint32_t h = r.offset;
  auto type = b.table(kFields[kType], h);
  auto code = type ? b.table(kFields[kCode], h) : std::nullopt;
  if (!code || !b.table(kFields[kChecksum], h)) return;
  Cursor& c = b.cursor();
  c.seek(h + 4);
  if (has_id_seq(*type)) {
    if (!b.table(kFields[kId], h) || !b.table(kFields[kSeq], h)) return;
    c.seek(h + 8);
    if (*type == 13 || *type == 14) {
      if (!b.read(kFields[kOriginate], 4) || !b.read(kFields[kReceive], 4) || !b.read(kFields[kTransmit], 4)) return;
    } else if (*type == 17 || *type == 18) {
      if (!b.read(kFields[kMask], 4)) return;
    }
    const uint32_t used = static_cast<uint32_t>(c.offset() - h);
    if (r.declared > used) dissect_data(ctx, b.payload(h + used, r.declared - used));
    return;
  }
  if (!is_error(*type)) {
    if (r.declared > 4) dissect_data(ctx, b.payload(h + 4, r.declared - 4));
    return;
  }
  bool ok = true;
  if (*type == 5) {
    ok = b.read(kFields[kGateway], 4).has_value();
  } else if (*type == 3 && *code == 4) {
    ok = b.read(kFields[kUnused], 2) && b.read(kFields[kMtu], 2);
  } else if (*type == 12) {
    ok = b.read(kFields[kPointer], 1) && b.read(kFields[kUnused], 3);
  } else {
    ok = b.read(kFields[kUnused], 4).has_value();
  }
  if (!ok) return;
  Region quoted = b.payload(h + 8, minus(r.declared, 8));
  if (quoted.captured == 0) return;
  // The quoted packet: one level down, and cut short by design.
  const bool was_quoted = ctx.quoted;
  ctx.quoted = true;
  ++ctx.level;
  dispatch_ethertype(ctx, protocols::kEtherTypeIpv4, quoted);
  --ctx.level;
  ctx.quoted = was_quoted;
}

}  // namespace stratoshark::dissect
