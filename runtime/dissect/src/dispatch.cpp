// The one list of who follows whom: EtherTypes, IP protocol numbers and
// well-known ports to dissectors, and the names shown for them.
#include "dissector.h"

namespace stratoshark::dissect {

namespace p = protocols;

namespace {

// One nesting step; false (and the last layer marked) when too deep.
bool enter(Context& ctx) {
  if (ctx.depth >= Context::kMaxDepth) {
    auto layers = ctx.out.layers();
    if (!layers.empty()) {
      ctx.out.set_problem(ctx.out.layer(layers.size() - 1), LayerStatus::Malformed, "too many nested headers");
    }
    return false;
  }
  ++ctx.depth;
  return true;
}

struct PortService {
  uint16_t port;
  Transport transport;
  enum Kind : uint8_t { Dns, Http, Tls, Vxlan, Geneve, Mpls } kind;
};

// Services found by port; the lower of the two ports is tried first, as
// tshark does, so both directions of a flow pick the same one.
constexpr PortService kServices[] = {
    {53, Transport::Udp, PortService::Dns},        {53, Transport::Tcp, PortService::Dns},
    {5353, Transport::Udp, PortService::Dns},      {5353, Transport::Tcp, PortService::Dns},
    {5355, Transport::Udp, PortService::Dns},      {p::kUdpPortVxlan, Transport::Udp, PortService::Vxlan},
    {p::kUdpPortGeneve, Transport::Udp, PortService::Geneve},
    {p::kUdpPortMplsOverUdp, Transport::Udp, PortService::Mpls},
    {80, Transport::Tcp, PortService::Http},       {8080, Transport::Tcp, PortService::Http},
    {3128, Transport::Tcp, PortService::Http},     {8088, Transport::Tcp, PortService::Http},
    {1900, Transport::Udp, PortService::Http},  // SSDP: HTTP requests over UDP
    {443, Transport::Tcp, PortService::Tls},       {465, Transport::Tcp, PortService::Tls},
    {636, Transport::Tcp, PortService::Tls},       {853, Transport::Tcp, PortService::Tls},
    {993, Transport::Tcp, PortService::Tls},       {995, Transport::Tcp, PortService::Tls},
    {5061, Transport::Tcp, PortService::Tls},      {8443, Transport::Tcp, PortService::Tls},
};

const PortService* service_on(Transport t, uint16_t port) {
  for (const PortService& s : kServices) {
    if (s.port == port && s.transport == t) return &s;
  }
  return nullptr;
}

void run_service(Context& ctx, const PortService& s, Region r) {
  switch (s.kind) {
    case PortService::Dns:
      return dissect_dns(ctx, r, s.transport);
    case PortService::Http:
      return dissect_http(ctx, r);
    case PortService::Tls:
      return dissect_tls(ctx, r);
    case PortService::Vxlan:
      return dissect_vxlan(ctx, r);
    case PortService::Geneve:
      return dissect_geneve(ctx, r);
    case PortService::Mpls:
      return dissect_mpls(ctx, r);
  }
}

// Content checks for TCP payloads on ports no service claims.
bool looks_like_tls(Cursor c) {
  uint64_t type = 0, version = 0;
  if (!c.peek_at(c.offset(), 1, type) || !c.peek_at(c.offset() + 1, 2, version)) return false;
  return type >= 20 && type <= 24 && version >= 0x0300 && version <= 0x0304;
}

bool looks_like_http(Cursor c) {
  static constexpr std::string_view kStarts[] = {"GET ",     "POST ",  "HEAD ",    "PUT ",   "DELETE ",
                                                 "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ", "HTTP/1."};
  auto rest = c.rest();
  std::string_view text(reinterpret_cast<const char*>(rest.data()), rest.size());
  for (std::string_view s : kStarts) {
    if (text.starts_with(s)) return true;
  }
  return false;
}

}  // namespace

void dispatch_ethertype(Context& ctx, uint16_t ethertype, Region r) {
  if (!enter(ctx)) return;
  switch (ethertype) {
    case p::kEtherTypeIpv4:
      dissect_ipv4(ctx, r);
      break;
    case p::kEtherTypeIpv6:
      dissect_ipv6(ctx, r);
      break;
    case p::kEtherTypeArp:
    case p::kEtherTypeRarp:
      dissect_arp(ctx, r);
      break;
    case p::kEtherTypeVlan:
    case p::kEtherTypeQinQ:
    case p::kEtherTypeQinQOld:
      dissect_vlan(ctx, r, ethertype);
      break;
    case p::kEtherTypeMpls:
    case p::kEtherTypeMplsMulticast:
      dissect_mpls(ctx, r);
      break;
    case p::kEtherTypeTransparentEthernet:
      dissect_ethernet(ctx, r);
      break;
    default:
      dissect_data(ctx, r);
      break;
  }
  --ctx.depth;
}

void dispatch_ip_proto(Context& ctx, uint8_t proto, Region r) {
  if (!enter(ctx)) return;
  switch (proto) {
    case p::kIpProtoIcmp:
      dissect_icmp(ctx, r);
      break;
    case p::kIpProtoTcp:
      dissect_tcp(ctx, r);
      break;
    case p::kIpProtoUdp:
      dissect_udp(ctx, r);
      break;
    case p::kIpProtoIcmp6:
      dissect_icmpv6(ctx, r);
      break;
    case p::kIpProtoIpip:  // tunnels: the inner packet is one level down
      ++ctx.level;
      dissect_ipv4(ctx, r);
      --ctx.level;
      break;
    case p::kIpProtoIpv6:
      ++ctx.level;
      dissect_ipv6(ctx, r);
      --ctx.level;
      break;
    case p::kIpProtoGre:
      dissect_gre(ctx, r);
      break;
    case p::kIp6Ah:
      dissect_ah(ctx, r);
      break;
    case p::kIp6HopByHop:
    case p::kIp6Routing:
    case p::kIp6Fragment:
    case p::kIp6DestOpts:
    case p::kIp6Mobility:
      dissect_ipv6_extensions(ctx, proto, r);
      break;
    default:
      dissect_data(ctx, r);
      break;
  }
  --ctx.depth;
}

void dispatch_ports(Context& ctx, Transport transport, uint16_t src, uint16_t dst, Region r) {
  if (r.captured == 0) return;
  const uint16_t low = src < dst ? src : dst, high = src < dst ? dst : src;
  const PortService* s = service_on(transport, low);
  if (!s) s = service_on(transport, high);
  if (!enter(ctx)) return;
  Cursor c(ctx.packet, r.offset, static_cast<size_t>(r.offset) + r.captured);
  if (s) {
    run_service(ctx, *s, r);
  } else if (transport == Transport::Tcp && looks_like_tls(c)) {
    dissect_tls(ctx, r);
  } else if (transport == Transport::Tcp && looks_like_http(c)) {
    dissect_http(ctx, r);
  } else {
    dissect_data(ctx, r);
  }
  --ctx.depth;
}

void dispatch_link_payload(Context& ctx, LayerBuilder& b, uint64_t proto, uint32_t header_size) {
  const Region r = b.region();
  b.set_length(header_size);
  Region payload = b.payload(r.offset + header_size, minus(r.declared, header_size));
  if (proto < 0x0600 || proto > 0xffff) return dissect_data(ctx, payload);
  dispatch_ethertype(ctx, static_cast<uint16_t>(proto), payload);
}

std::span<const ProtocolInfo* const> all_protocols() {
  static const ProtocolInfo* const kAll[] = {
      &kEthernetProtocol,    &kVlanProtocol,         &kQinqProtocol,         &kSllProtocol,
      &kSll2Protocol,        &kLoopbackProtocol,     &kChdlcProtocol,        &kSlipProtocol,
      &kArpProtocol,         &kIpv4Protocol,
      &kIpv6Protocol,        &kIpv6HopByHopProtocol, &kIpv6RoutingProtocol,  &kIpv6FragmentProtocol,
      &kIpv6DestOptsProtocol, &kIpv6MobilityProtocol, &kIcmpProtocol,        &kIcmpv6Protocol,
      &kTcpProtocol,         &kUdpProtocol,          &kDnsProtocol,          &kHttpProtocol,
      &kTlsProtocol,         &kGreProtocol,          &kMplsProtocol,         &kVxlanProtocol,
      &kGeneveProtocol,      &kAhProtocol,           &kDataProtocol,         &kUnknownLinkProtocol,
  };
  return kAll;
}

std::string_view ethertype_name(uint64_t t) {
  switch (t) {
    case p::kEtherTypeIpv4:
      return "IPv4";
    case p::kEtherTypeIpv6:
      return "IPv6";
    case p::kEtherTypeArp:
      return "ARP";
    case p::kEtherTypeRarp:
      return "RARP";
    case p::kEtherTypeVlan:
      return "802.1Q";
    case p::kEtherTypeQinQ:
      return "802.1ad";
    case p::kEtherTypeQinQOld:
      return "QinQ";
    case p::kEtherTypeMpls:
      return "MPLS";
    case p::kEtherTypeMplsMulticast:
      return "MPLS multicast";
    case p::kEtherTypeTransparentEthernet:
      return "Ethernet";
    case 0x8863:
      return "PPPoE discovery";
    case 0x8864:
      return "PPPoE session";
    case 0x888e:
      return "EAPOL";
    case 0x88cc:
      return "LLDP";
    case 0x9000:
      return "Loopback";
    default:
      return {};
  }
}

std::string_view ip_proto_name(uint64_t proto) {
  switch (proto) {
    case p::kIp6HopByHop:
      return "hop-by-hop";
    case p::kIpProtoIcmp:
      return "ICMP";
    case 2:
      return "IGMP";
    case p::kIpProtoIpip:
      return "IPv4";
    case p::kIpProtoTcp:
      return "TCP";
    case p::kIpProtoUdp:
      return "UDP";
    case p::kIpProtoIpv6:
      return "IPv6";
    case p::kIp6Routing:
      return "routing";
    case p::kIp6Fragment:
      return "fragment";
    case p::kIpProtoGre:
      return "GRE";
    case p::kIp6Esp:
      return "ESP";
    case p::kIp6Ah:
      return "AH";
    case p::kIpProtoIcmp6:
      return "ICMPv6";
    case p::kIp6NoNext:
      return "no next header";
    case p::kIp6DestOpts:
      return "destination options";
    case 103:
      return "PIM";
    case 108:
      return "IPComp";
    case 112:
      return "VRRP";
    case p::kIpProtoSctp:
      return "SCTP";
    case p::kIp6Mobility:
      return "mobility";
    default:
      return {};
  }
}

}  // namespace stratoshark::dissect
