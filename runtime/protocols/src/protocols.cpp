#include "stratoshark/protocols/protocols.h"

#include <string>

namespace stratoshark::protocols {

namespace {

using D = Display;

constexpr Field kEth[] = {
    {"dst", 0, 6, 0, 0, D::Mac, "destination MAC address"},
    {"src", 6, 6, 0, 0, D::Mac, "source MAC address"},
    {"type", 12, 2, 0, 0, D::Hex, "EtherType of the payload"},
};

// An 802.1Q tag as it sits in the frame after the MAC addresses' EtherType:
// the tag control information, then the EtherType of what follows.
constexpr Field kVlan[] = {
    {"pcp", 0, 2, 13, 0x7, D::Decimal, "priority code point"},
    {"dei", 0, 2, 12, 0x1, D::Decimal, "drop eligible indicator"},
    {"id", 0, 2, 0, 0xfff, D::Decimal, "VLAN identifier"},
    {"type", 2, 2, 0, 0, D::Hex, "EtherType of the payload"},
};

constexpr Field kArp[] = {
    {"htype", 0, 2, 0, 0, D::Decimal, "hardware type (1: Ethernet)"},
    {"ptype", 2, 2, 0, 0, D::Hex, "protocol type (0x0800: IPv4)"},
    {"hlen", 4, 1, 0, 0, D::Decimal, "hardware address length"},
    {"plen", 5, 1, 0, 0, D::Decimal, "protocol address length"},
    {"op", 6, 2, 0, 0, D::Decimal, "operation (1 request, 2 reply, 3/4 RARP)"},
    {"sha", 8, 6, 0, 0, D::Mac, "sender hardware address"},
    {"spa", 14, 4, 0, 0, D::Ipv4, "sender protocol address"},
    {"tha", 18, 6, 0, 0, D::Mac, "target hardware address"},
    {"tpa", 24, 4, 0, 0, D::Ipv4, "target protocol address"},
};

constexpr Field kIp[] = {
    {"version", 0, 1, 4, 0xf, D::Decimal, "IP version (4)"},
    {"hl", 0, 1, 0, 0xf, D::Decimal, "header length in 32-bit words"},
    {"tos", 1, 1, 0, 0, D::Hex, "type of service (DSCP and ECN)"},
    {"len", 2, 2, 0, 0, D::Decimal, "total length in bytes"},
    {"id", 4, 2, 0, 0, D::Hex, "identification"},
    {"flags", 6, 1, 5, 0x7, D::Hex, "flags (2: don't fragment, 1: more fragments)"},
    {"frag_off", 6, 2, 0, 0x1fff, D::Decimal, "fragment offset in 8-byte units"},
    {"ttl", 8, 1, 0, 0, D::Decimal, "time to live"},
    {"proto", 9, 1, 0, 0, D::Decimal, "protocol of the payload (6 TCP, 17 UDP, 1 ICMP)"},
    {"checksum", 10, 2, 0, 0, D::Hex, "header checksum"},
    {"src", 12, 4, 0, 0, D::Ipv4, "source address"},
    {"dst", 16, 4, 0, 0, D::Ipv4, "destination address"},
};

constexpr Field kIp6[] = {
    {"version", 0, 1, 4, 0xf, D::Decimal, "IP version (6)"},
    {"tc", 0, 2, 4, 0xff, D::Hex, "traffic class"},
    {"flow", 0, 4, 0, 0xfffff, D::Hex, "flow label"},
    {"len", 4, 2, 0, 0, D::Decimal, "payload length in bytes"},
    {"nxt", 6, 1, 0, 0, D::Decimal, "next header"},
    {"hlim", 7, 1, 0, 0, D::Decimal, "hop limit"},
    {"src", 8, 16, 0, 0, D::Ipv6, "source address"},
    {"dst", 24, 16, 0, 0, D::Ipv6, "destination address"},
};

constexpr Field kIcmp[] = {
    {"type", 0, 1, 0, 0, D::Decimal, "message type (8 echo request, 0 echo reply)"},
    {"code", 1, 1, 0, 0, D::Decimal, "message code"},
    {"checksum", 2, 2, 0, 0, D::Hex, "checksum"},
    {"id", 4, 2, 0, 0, D::Decimal, "identifier (echo)"},
    {"seq", 6, 2, 0, 0, D::Decimal, "sequence number (echo)"},
};

constexpr Field kIcmp6[] = {
    {"type", 0, 1, 0, 0, D::Decimal, "message type (128 echo request, 129 echo reply)"},
    {"code", 1, 1, 0, 0, D::Decimal, "message code"},
    {"checksum", 2, 2, 0, 0, D::Hex, "checksum"},
};

constexpr Field kTcp[] = {
    {"sport", 0, 2, 0, 0, D::Decimal, "source port"},
    {"dport", 2, 2, 0, 0, D::Decimal, "destination port"},
    {"seq", 4, 4, 0, 0, D::Decimal, "sequence number"},
    {"ack", 8, 4, 0, 0, D::Decimal, "acknowledgement number"},
    {"off", 12, 1, 4, 0xf, D::Decimal, "data offset (header length) in 32-bit words"},
    {"res", 12, 1, 1, 0x7, D::Decimal, "reserved bits"},
    {"ae", 12, 1, 0, 0x1, D::Decimal, "accurate ECN flag (RFC 9768; formerly NS)"},
    {"flags", 13, 1, 0, 0, D::Hex, "flags: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, ECE 64, CWR 128"},
    {"win", 14, 2, 0, 0, D::Decimal, "window"},
    {"checksum", 16, 2, 0, 0, D::Hex, "checksum"},
    {"urp", 18, 2, 0, 0, D::Decimal, "urgent pointer"},
};

constexpr Field kUdp[] = {
    {"sport", 0, 2, 0, 0, D::Decimal, "source port"},
    {"dport", 2, 2, 0, 0, D::Decimal, "destination port"},
    {"len", 4, 2, 0, 0, D::Decimal, "length of header and data"},
    {"checksum", 6, 2, 0, 0, D::Hex, "checksum"},
};

constexpr Field kSctp[] = {
    {"sport", 0, 2, 0, 0, D::Decimal, "source port"},
    {"dport", 2, 2, 0, 0, D::Decimal, "destination port"},
    {"vtag", 4, 4, 0, 0, D::Hex, "verification tag"},
    {"checksum", 8, 4, 0, 0, D::Hex, "checksum"},
};

// Linux "cooked" capture headers (LINKTYPE_LINUX_SLL and _SLL2). The link
// address field is 8 bytes; `addr` covers its first 6 (an Ethernet MAC,
// the usual case; `halen` says how many are valid).
constexpr Field kSll[] = {
    {"pkttype", 0, 2, 0, 0, D::Decimal, "packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us)"},
    {"hatype", 2, 2, 0, 0, D::Decimal, "link-layer address type (ARPHRD_*)"},
    {"halen", 4, 2, 0, 0, D::Decimal, "link-layer address length"},
    {"addr", 6, 6, 0, 0, D::Mac, "link-layer source address"},
    {"proto", 14, 2, 0, 0, D::Hex, "protocol (EtherType) of the payload"},
};

constexpr Field kSll2[] = {
    {"proto", 0, 2, 0, 0, D::Hex, "protocol (EtherType) of the payload"},
    {"reserved", 2, 2, 0, 0, D::Hex, "reserved"},
    {"ifindex", 4, 4, 0, 0, D::Decimal, "interface index"},
    {"hatype", 8, 2, 0, 0, D::Decimal, "link-layer address type (ARPHRD_*)"},
    {"pkttype", 10, 1, 0, 0, D::Decimal, "packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us)"},
    {"halen", 11, 1, 0, 0, D::Decimal, "link-layer address length"},
    {"addr", 12, 6, 0, 0, D::Mac, "link-layer source address"},
};

// BSD loopback (LINKTYPE_NULL: host byte order, LINKTYPE_LOOP: network order).
constexpr Field kLoop[] = {
    {"family", 0, 4, 0, 0, D::Decimal, "address family of the payload (2 IPv4; IPv6 varies by OS)"},
};

// Cisco HDLC (LINKTYPE_C_HDLC): address, control, then an EtherType (or
// 0xfefe for OSI protocols).
constexpr Field kChdlc[] = {
    {"address", 0, 1, 0, 0, D::Hex, "address (0x0f unicast, 0x8f broadcast)"},
    {"control", 1, 1, 0, 0, D::Hex, "control"},
    {"proto", 2, 2, 0, 0, D::Hex, "protocol (EtherType) of the payload"},
};

// The 16-byte header libpcap's SLIP captures (LINKTYPE_SLIP) put before the
// IP packet: the direction, then the compressed (CSLIP) header as it arrived.
constexpr Field kSlip[] = {
    {"dir", 0, 1, 0, 0, D::Decimal, "direction (0 received, 1 sent)"},
};

// The start every IPv6 extension header shares (hop-by-hop and destination
// options, mobility): next header and length in 8-byte units, not counting the first 8.
constexpr Field kIp6Ext[] = {
    {"nxt", 0, 1, 0, 0, D::Decimal, "next header"},
    {"len", 1, 1, 0, 0, D::Decimal, "length in 8-byte units after the first 8 bytes"},
};

constexpr Field kIp6Routing[] = {
    {"nxt", 0, 1, 0, 0, D::Decimal, "next header"},
    {"len", 1, 1, 0, 0, D::Decimal, "length in 8-byte units after the first 8 bytes"},
    {"type", 2, 1, 0, 0, D::Decimal, "routing type (0 source route, 4 segment routing)"},
    {"segleft", 3, 1, 0, 0, D::Decimal, "segments left"},
};

constexpr Field kIp6Frag[] = {
    {"nxt", 0, 1, 0, 0, D::Decimal, "next header"},
    {"reserved", 1, 1, 0, 0, D::Hex, "reserved"},
    {"offset", 2, 2, 3, 0x1fff, D::Decimal, "fragment offset in 8-byte units"},
    {"res", 2, 2, 1, 0x3, D::Decimal, "reserved bits"},
    {"more", 2, 2, 0, 0x1, D::Decimal, "more fragments"},
    {"id", 4, 4, 0, 0, D::Hex, "identification"},
};

// Authentication header (IPv4 and IPv6); its length counts 4-byte units, minus 2.
constexpr Field kAh[] = {
    {"nxt", 0, 1, 0, 0, D::Decimal, "next header"},
    {"len", 1, 1, 0, 0, D::Decimal, "length in 4-byte units, minus 2"},
    {"reserved", 2, 2, 0, 0, D::Hex, "reserved"},
    {"spi", 4, 4, 0, 0, D::Hex, "security parameters index"},
    {"seq", 8, 4, 0, 0, D::Decimal, "sequence number"},
};

// GRE (RFC 2784, keys and sequence numbers of RFC 2890); the optional
// checksum, key and sequence fields follow when their flags are set.
constexpr Field kGre[] = {
    {"c", 0, 1, 7, 0x1, D::Decimal, "checksum present"},
    {"r", 0, 1, 6, 0x1, D::Decimal, "routing present (RFC 1701)"},
    {"k", 0, 1, 5, 0x1, D::Decimal, "key present"},
    {"s", 0, 1, 4, 0x1, D::Decimal, "sequence number present"},
    {"version", 1, 1, 0, 0x7, D::Decimal, "version (0; 1 for PPTP)"},
    {"proto", 2, 2, 0, 0, D::Hex, "EtherType of the payload"},
};

// One MPLS label stack entry.
constexpr Field kMpls[] = {
    {"label", 0, 4, 12, 0xfffff, D::Decimal, "label"},
    {"tc", 2, 1, 1, 0x7, D::Decimal, "traffic class"},
    {"s", 2, 1, 0, 0x1, D::Decimal, "bottom of stack"},
    {"ttl", 3, 1, 0, 0, D::Decimal, "time to live"},
};

// A PPPoE session header and the PPP protocol number after it. The session
// id is read as the low half of the first 4 bytes, as libpcap's filters do.
constexpr Field kPppoe[] = {
    {"version", 0, 1, 4, 0xf, D::Decimal, "version (1)"},
    {"type", 0, 1, 0, 0xf, D::Decimal, "type (1)"},
    {"code", 1, 1, 0, 0, D::Hex, "code (0 for session data)"},
    {"session", 0, 4, 0, 0xffff, D::Hex, "session id"},
    {"len", 4, 2, 0, 0, D::Decimal, "payload length"},
    {"proto", 6, 2, 0, 0, D::Hex, "PPP protocol of the payload (0x21 IPv4, 0x57 IPv6)"},
};

constexpr Field kVxlan[] = {
    {"flags", 0, 1, 0, 0, D::Hex, "flags (0x08: VNI valid)"},
    {"vni", 4, 4, 8, 0xffffff, D::Decimal, "VXLAN network identifier"},
};

constexpr Field kGeneve[] = {
    {"version", 0, 1, 6, 0x3, D::Decimal, "version (0)"},
    {"optlen", 0, 1, 0, 0x3f, D::Decimal, "options length in 4-byte units"},
    {"oam", 1, 1, 7, 0x1, D::Decimal, "control (OAM) packet"},
    {"critical", 1, 1, 6, 0x1, D::Decimal, "critical options present"},
    {"proto", 2, 2, 0, 0, D::Hex, "EtherType of the payload"},
    {"vni", 4, 4, 8, 0xffffff, D::Decimal, "virtual network identifier"},
};

// The DNS message header (RFC 1035 4.1.1, with AD and CD of RFC 4035).
constexpr Field kDns[] = {
    {"id", 0, 2, 0, 0, D::Hex, "transaction id"},
    {"flags", 2, 2, 0, 0, D::Hex, "flags"},
    {"qr", 2, 1, 7, 0x1, D::Decimal, "response"},
    {"opcode", 2, 1, 3, 0xf, D::Decimal, "operation (0 query)"},
    {"aa", 2, 1, 2, 0x1, D::Decimal, "authoritative answer"},
    {"tc", 2, 1, 1, 0x1, D::Decimal, "truncated"},
    {"rd", 2, 1, 0, 0x1, D::Decimal, "recursion desired"},
    {"ra", 3, 1, 7, 0x1, D::Decimal, "recursion available"},
    {"z", 3, 1, 6, 0x1, D::Decimal, "reserved"},
    {"ad", 3, 1, 5, 0x1, D::Decimal, "authentic data"},
    {"cd", 3, 1, 4, 0x1, D::Decimal, "checking disabled"},
    {"rcode", 3, 1, 0, 0xf, D::Decimal, "response code"},
    {"qdcount", 4, 2, 0, 0, D::Decimal, "questions"},
    {"ancount", 6, 2, 0, 0, D::Decimal, "answer records"},
    {"nscount", 8, 2, 0, 0, D::Decimal, "authority records"},
    {"arcount", 10, 2, 0, 0, D::Decimal, "additional records"},
};

// A TLS record header, and the header of a handshake message inside one.
constexpr Field kTls[] = {
    {"type", 0, 1, 0, 0, D::Decimal, "content type (22 handshake, 23 application data, 21 alert)"},
    {"version", 1, 2, 0, 0, D::Hex, "record version"},
    {"len", 3, 2, 0, 0, D::Decimal, "record length"},
};

constexpr Field kTlsHandshake[] = {
    {"type", 0, 1, 0, 0, D::Decimal, "handshake type (1 ClientHello, 2 ServerHello)"},
    {"len", 0, 4, 0, 0xffffff, D::Decimal, "message length"},
};

constexpr Protocol kProtocols[] = {
    {ProtocolId::Eth, "eth", 14, kEth, "Ethernet II"},
    {ProtocolId::Vlan, "vlan", 4, kVlan, "IEEE 802.1Q VLAN tag"},
    {ProtocolId::Arp, "arp", 28, kArp, "ARP (Ethernet/IPv4)"},
    {ProtocolId::Ip, "ip", 20, kIp, "IPv4"},
    {ProtocolId::Ip6, "ip6", 40, kIp6, "IPv6"},
    {ProtocolId::Icmp, "icmp", 8, kIcmp, "ICMP"},
    {ProtocolId::Icmp6, "icmp6", 8, kIcmp6, "ICMPv6"},
    {ProtocolId::Tcp, "tcp", 20, kTcp, "TCP"},
    {ProtocolId::Udp, "udp", 8, kUdp, "UDP"},
    {ProtocolId::Sctp, "sctp", 12, kSctp, "SCTP"},
    {ProtocolId::Rarp, "rarp", 28, kArp, "RARP (same layout as ARP)"},
    {ProtocolId::Mpls, "mpls", 4, kMpls, "MPLS label stack entry"},
    {ProtocolId::Pppoe, "pppoe", 8, kPppoe, "PPPoE session header and PPP protocol"},
    {ProtocolId::Sll, "sll", 16, kSll, "Linux cooked capture"},
    {ProtocolId::Sll2, "sll2", 20, kSll2, "Linux cooked capture v2"},
    // dissectors only
    {ProtocolId::Loop, "loop", 4, kLoop, "BSD loopback"},
    {ProtocolId::Chdlc, "chdlc", 4, kChdlc, "Cisco HDLC"},
    {ProtocolId::Slip, "slip", 16, kSlip, "SLIP (libpcap's direction and compressed-header record)"},
    {ProtocolId::Ip6Ext, "ip6ext", 2, kIp6Ext, "IPv6 options extension header (hop-by-hop, destination)"},
    {ProtocolId::Ip6Routing, "ip6rt", 4, kIp6Routing, "IPv6 routing header"},
    {ProtocolId::Ip6Frag, "ip6frag", 8, kIp6Frag, "IPv6 fragment header"},
    {ProtocolId::Ah, "ah", 12, kAh, "IP authentication header"},
    {ProtocolId::Gre, "gre", 4, kGre, "Generic Routing Encapsulation"},
    {ProtocolId::Vxlan, "vxlan", 8, kVxlan, "VXLAN"},
    {ProtocolId::Geneve, "geneve", 8, kGeneve, "Geneve"},
    {ProtocolId::Dns, "dns", 12, kDns, "DNS message header"},
    {ProtocolId::Tls, "tls", 5, kTls, "TLS record header"},
    {ProtocolId::TlsHandshake, "tls_handshake", 4, kTlsHandshake, "TLS handshake message header"},
};

constexpr size_t kPacketLayers = static_cast<size_t>(kLastPacketLayer) + 1;

constexpr const Protocol* header_of(ProtocolId id) { return &kProtocols[static_cast<size_t>(id)]; }

// As libpcap's gencode.c has them: init_linktype (off_linktype, off_linkpl),
// gen_linktype, and the link types gen_ehostop, gen_vlan, gen_mpls,
// gen_inbound and gen_ifindex accept.
constexpr LinkWord kNoWord{};
constexpr LinkDirection kNoDirection{};
constexpr uint8_t kPacketOutgoing = 4;  // the cooked headers' packet type for "sent by us"
constexpr LinkLayer kLinkLayers[] = {
    {kLinkTypeEthernet, "EN10MB", "Ethernet", header_of(ProtocolId::Eth), 14, LinkNext::EtherType, 12, false,
     true, true, true, kNoDirection, kNoWord},
    {kLinkTypeLinuxSll, "LINUX_SLL", "Linux cooked v1", header_of(ProtocolId::Sll), 16, LinkNext::EtherType, 14,
     false, false, false, false, {{0, 2}, kPacketOutgoing, true}, kNoWord},
    {kLinkTypeLinuxSll2, "LINUX_SLL2", "Linux cooked v2", header_of(ProtocolId::Sll2), 20, LinkNext::EtherType, 0,
     false, false, false, false, {{10, 1}, kPacketOutgoing, true}, {4, 4}},
    {kLinkTypeRaw, "RAW", "Raw IP", nullptr, 0, LinkNext::IpVersion, 0, false, false, false, false, kNoDirection,
     kNoWord},
    {kLinkTypeIpv4, "IPV4", "Raw IPv4", nullptr, 0, LinkNext::Ipv4, 0, false, false, false, false, kNoDirection,
     kNoWord},
    {kLinkTypeIpv6, "IPV6", "Raw IPv6", nullptr, 0, LinkNext::Ipv6, 0, false, false, false, false, kNoDirection,
     kNoWord},
    {kLinkTypeNull, "NULL", "BSD loopback", nullptr, 4, LinkNext::Family, 0, true, false, false, false,
     kNoDirection, kNoWord},
    {kLinkTypeLoop, "LOOP", "OpenBSD loopback", nullptr, 4, LinkNext::Family, 0, false, false, false, false,
     kNoDirection, kNoWord},
    {kLinkTypeCiscoHdlc, "C_HDLC", "Cisco HDLC", nullptr, 4, LinkNext::EtherType, 2, false, false, false, true,
     kNoDirection, kNoWord},
    // libpcap tests IP on SLIP by the first byte of the 16-byte SLIP
    // header (its direction), not of the IP header: see LinkNext::IpVersion.
    {kLinkTypeSlip, "SLIP", "SLIP", nullptr, 16, LinkNext::IpVersion, 0, false, false, false, false,
     {{0, 1}, 0, false}, kNoWord},
};


const Protocol* find_in(std::span<const Protocol> protocols, std::string_view name) {
  for (const auto& p : protocols) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace

std::span<const Protocol> all_protocols() { return std::span<const Protocol>(kProtocols).first(kPacketLayers); }

std::span<const Protocol> all_headers() { return kProtocols; }

const Protocol& protocol(ProtocolId id) { return kProtocols[static_cast<size_t>(id)]; }

const Protocol* find_protocol(std::string_view name) { return find_in(all_protocols(), name); }

const Protocol* find_header(std::string_view name) { return find_in(all_headers(), name); }

std::span<const LinkLayer> all_link_layers() { return kLinkLayers; }

const LinkLayer* find_link_layer(uint32_t link_type) {
  for (const auto& l : kLinkLayers) {
    if (l.link_type == link_type) return &l;
  }
  return nullptr;
}

const LinkLayer& ethernet_link() { return kLinkLayers[0]; }

std::string_view link_layer_names() {
  static const std::string names = [] {
    std::string all;
    for (const auto& l : kLinkLayers) all += std::string(all.empty() ? "" : ", ") + std::string(l.name);
    return all;
  }();
  return names;
}

CaptureLink capture_link(uint32_t link_type, bool big_endian) {
  const LinkLayer* l = find_link_layer(link_type);
  return {link_type, l != nullptr && l->host_order && big_endian};
}

const Field* find_field(const Protocol& p, std::string_view name) {
  for (const auto& f : p.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace stratoshark::protocols
