// IPv6 extension headers (RFC 8200 section 4): hop-by-hop and destination
// options (with their TLV options), routing (type 0 addresses, type 4
// segment routing segments), fragment, and mobility. Each header is a layer;
// the chain is followed in a loop (however long) until a header that is not
// an extension. A non-first fragment ends the chain (no reassembly).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view option_name(uint64_t type) {
  switch (type) {
    case 0:
      return "Pad1";
    case 1:
      return "PadN";
    case 5:
      return "router alert";
    case 0xc2:
      return "jumbo payload";
    default:
      return {};
  }
}

// Options headers: hop-by-hop, destination options, mobility share a layout.
enum { kNxt, kLen, kOption, kOptionType, kOptionLen };
const FieldInfo kHopFields[] = {
    header_field(ProtocolId::Ip6Ext, "nxt", "ip6.hbh.nxt", "Next header", "ipv6.hopopts.nxt", 0, ip_proto_name),
    header_field(ProtocolId::Ip6Ext, "len", "ip6.hbh.len", "Length (8-byte units after 8)", "ipv6.hopopts.len"),
    {.key = "ip6.opt", .label = "Option", .format = Format::Group},
    {.key = "ip6.opt.type", .label = "Type", .format = Format::Hex, .hex_digits = 2, .wireshark = "ipv6.opt.type",
     .wireshark_hex_digits = 2, .meaning = option_name},
    {.key = "ip6.opt.len", .label = "Length", .wireshark = "ipv6.opt.length"},
};
const FieldInfo kDstFields[] = {
    header_field(ProtocolId::Ip6Ext, "nxt", "ip6.dstopts.nxt", "Next header", "ipv6.dstopts.nxt", 0,
                 ip_proto_name),
    header_field(ProtocolId::Ip6Ext, "len", "ip6.dstopts.len", "Length (8-byte units after 8)", "ipv6.dstopts.len"),
    kHopFields[kOption],
    kHopFields[kOptionType],
    kHopFields[kOptionLen],
};
const FieldInfo kMobilityFields[] = {
    header_field(ProtocolId::Ip6Ext, "nxt", "ip6.mh.nxt", "Next header", "mip6.proto", 0, ip_proto_name),
    header_field(ProtocolId::Ip6Ext, "len", "ip6.mh.len", "Length (8-byte units after 8)", "mip6.hlen"),
};

enum { kRtNxt, kRtLen, kRtType, kRtSegleft, kRtAddress };
const FieldInfo kRoutingFields[] = {
    header_field(ProtocolId::Ip6Routing, "nxt", "ip6.rt.nxt", "Next header", "ipv6.routing.nxt", 0, ip_proto_name),
    header_field(ProtocolId::Ip6Routing, "len", "ip6.rt.len", "Length (8-byte units after 8)", "ipv6.routing.len"),
    header_field(ProtocolId::Ip6Routing, "type", "ip6.rt.type", "Type", "ipv6.routing.type"),
    header_field(ProtocolId::Ip6Routing, "segleft", "ip6.rt.segleft", "Segments left", "ipv6.routing.segleft"),
    {.key = "ip6.rt.addr", .label = "Address", .format = Format::Ipv6},
};

enum { kFragNxt, kFragReserved, kFragOffset, kFragRes, kFragMore, kFragId };
const FieldInfo kFragmentFields[] = {
    header_field(ProtocolId::Ip6Frag, "nxt", "ip6.frag.nxt", "Next header", "ipv6.fraghdr.nxt", 0, ip_proto_name),
    header_field(ProtocolId::Ip6Frag, "reserved", "ip6.frag.reserved", "Reserved", "ipv6.fraghdr.reserved_octet", 2),
    header_field(ProtocolId::Ip6Frag, "offset", "ip6.frag.offset", "Offset (8-byte units)", "ipv6.fraghdr.offset"),
    header_field(ProtocolId::Ip6Frag, "res", "ip6.frag.res", "Reserved bits", "ipv6.fraghdr.reserved_bits"),
    header_field(ProtocolId::Ip6Frag, "more", "ip6.frag.more", "More fragments", "ipv6.fraghdr.more"),
    header_field(ProtocolId::Ip6Frag, "id", "ip6.frag.id", "Identification", "ipv6.fraghdr.ident", 8),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  summarize_ipv6_extension(d, i, out);
  return 1;
}

// Reads TLV options in [begin, end); false when the capture ends inside.
bool add_options(LayerBuilder& b, const FieldInfo* f, uint32_t begin, uint32_t end) {
  Cursor c = b.cursor();
  if (!c.seek(begin)) return b.truncated("capture ends in the IPv6 options");
  while (c.offset() < end) {
    const uint32_t at = static_cast<uint32_t>(c.offset());
    uint8_t type = 0, len = 0;
    if (!c.u8(type)) return b.truncated("capture ends in the IPv6 options");
    if (type == 0) {  // Pad1: a single byte
      b.add(f[kOption], at, 1, 0);
      b.add(f[kOptionType], at, 1, type, 1);
      continue;
    }
    if (!c.u8(len)) return b.truncated("capture ends in the IPv6 options");
    b.add(f[kOption], at, 2u + len, 0);
    b.add(f[kOptionType], at, 1, type, 1);
    b.add(f[kOptionLen], at + 1, 1, len, 1);
    if (at + 2u + len > end) return b.malformed("IPv6 option length does not fit the header");
    if (!c.skip(len)) return b.truncated("capture ends in the IPv6 options");
  }
  return true;
}

// Routing header addresses: type 0 (after 4 reserved bytes) and type 4
// segment routing (after last entry, flags and tag) list 16-byte addresses.
bool add_routing_addresses(LayerBuilder& b, uint64_t type, uint32_t h, uint32_t end) {
  if (type != 0 && type != 4) return true;
  for (uint32_t at = h + 8; at + 16 <= end; at += 16) {
    if (!b.cursor().contains(at, 16)) return b.truncated("capture ends in the routing header");
    b.add(kRoutingFields[kRtAddress], at, 16, 0);
  }
  return true;
}

struct Header {
  const ProtocolInfo* protocol;
  const FieldInfo* nxt;
  const FieldInfo* len;
};

Header header_of(uint8_t type) {
  switch (type) {
    case protocols::kIp6HopByHop:
      return {&kIpv6HopByHopProtocol, &kHopFields[kNxt], &kHopFields[kLen]};
    case protocols::kIp6DestOpts:
      return {&kIpv6DestOptsProtocol, &kDstFields[kNxt], &kDstFields[kLen]};
    case protocols::kIp6Mobility:
      return {&kIpv6MobilityProtocol, &kMobilityFields[kNxt], &kMobilityFields[kLen]};
    case protocols::kIp6Routing:
      return {&kIpv6RoutingProtocol, &kRoutingFields[kRtNxt], &kRoutingFields[kRtLen]};
    default:
      return {&kIpv6FragmentProtocol, &kFragmentFields[kFragNxt], nullptr};
  }
}

}  // namespace

const ProtocolInfo kIpv6HopByHopProtocol{"ip6.hbh", "IPv6 hop-by-hop options", kHopFields, summarize};
const ProtocolInfo kIpv6DestOptsProtocol{"ip6.dstopts", "IPv6 destination options", kDstFields, summarize};
const ProtocolInfo kIpv6MobilityProtocol{"ip6.mh", "IPv6 mobility header", kMobilityFields, summarize};
const ProtocolInfo kIpv6RoutingProtocol{"ip6.rt", "IPv6 routing header", kRoutingFields, summarize};
const ProtocolInfo kIpv6FragmentProtocol{"ip6.frag", "IPv6 fragment header", kFragmentFields, summarize};

bool is_ipv6_extension_header(uint8_t t) {
  return t == protocols::kIp6HopByHop || t == protocols::kIp6Routing || t == protocols::kIp6Fragment ||
         t == protocols::kIp6DestOpts || t == protocols::kIp6Mobility;
}

bool is_ipv6_extension(const ProtocolInfo& p) {
  return &p == &kIpv6HopByHopProtocol || &p == &kIpv6DestOptsProtocol || &p == &kIpv6MobilityProtocol ||
         &p == &kIpv6RoutingProtocol || &p == &kIpv6FragmentProtocol;
}

uint64_t ipv6_extension_next(const Dissection& d, size_t i) {
  for (const Field& f : d.fields(d.layers()[i])) {
    if (f.info->key.ends_with(".nxt")) return f.number;
  }
  return 0;
}

void summarize_ipv6_extension(const Dissection& d, size_t i, std::string& out) {
  const ProtocolInfo* p = d.layers()[i].protocol;
  if (p == &kIpv6HopByHopProtocol) {
    out += "HBH";
  } else if (p == &kIpv6DestOptsProtocol) {
    out += "DSTOPT";
  } else if (p == &kIpv6MobilityProtocol) {
    out += "mobility";
  } else if (p == &kIpv6RoutingProtocol) {
    out += "routing (type ";
    append_field(d, i, kRoutingFields[kRtType], out);
    out += ", segments left ";
    append_field(d, i, kRoutingFields[kRtSegleft], out);
    out += ")";
  } else if (p == &kIpv6FragmentProtocol) {
    out += "frag (id ";
    append_field(d, i, kFragmentFields[kFragId], out);
    out += ", offset ";
    append_dec(out, number_of(d, i, kFragmentFields[kFragOffset]) * 8);
    if (number_of(d, i, kFragmentFields[kFragMore])) out += ", more";
    out += ")";
  }
}

void dissect_ipv6_extensions(Context& ctx, uint8_t first, Region r) {
  uint8_t type = first;
  Region cur = r;
  while (is_ipv6_extension_header(type)) {
    const Header header = header_of(type);
    LayerBuilder b(ctx, *header.protocol, cur);
    const uint32_t h = cur.offset;
    uint64_t next = 0, header_len = 8, frag_offset = 0;
    if (type == protocols::kIp6Fragment) {
      uint64_t v[kFragId + 1] = {};
      for (int i = kFragNxt; i <= kFragId; ++i) {
        auto x = b.table(kFragmentFields[i], h);
        if (!x) return;
        v[i] = *x;
      }
      next = v[kFragNxt];
      frag_offset = v[kFragOffset];
    } else {
      auto nxt = b.table(*header.nxt, h);
      auto len = nxt ? b.table(*header.len, h) : std::nullopt;
      if (!len) return;
      next = *nxt;
      header_len = (*len + 1) * 8;
      if (type == protocols::kIp6Routing) {
        auto rt = b.table(kRoutingFields[kRtType], h);
        if (!rt || !b.table(kRoutingFields[kRtSegleft], h)) return;
        if (header_len <= cur.declared && !add_routing_addresses(b, *rt, h, h + static_cast<uint32_t>(header_len))) {
          return;
        }
      }
    }
    if (header_len > cur.declared) {
      b.malformed("extension header longer than the payload");
      return;
    }
    b.set_length(static_cast<uint32_t>(header_len));
    const uint32_t end = h + static_cast<uint32_t>(header_len);
    if (type == protocols::kIp6HopByHop || type == protocols::kIp6DestOpts) {
      const FieldInfo* f = type == protocols::kIp6HopByHop ? kHopFields : kDstFields;
      if (!add_options(b, f, h + 2, end)) return;
    }
    if (!b.cursor().contains(h, static_cast<uint32_t>(header_len))) {
      b.truncated("capture ends in the extension header");
      return;
    }
    Region rest = b.payload(end, cur.declared - static_cast<uint32_t>(header_len));
    if (frag_offset != 0) return dissect_data(ctx, rest);  // a later fragment
    type = static_cast<uint8_t>(next);
    cur = rest;
  }
  if (type == protocols::kIp6NoNext) return dissect_data(ctx, cur);
  dispatch_ip_proto(ctx, type, cur);
}

}  // namespace stratoshark::dissect
