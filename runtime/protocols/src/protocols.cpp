#include "stratoshark/protocols/protocols.h"

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
};

}  // namespace

std::span<const Protocol> all_protocols() { return kProtocols; }

const Protocol& protocol(ProtocolId id) { return kProtocols[static_cast<size_t>(id)]; }

const Protocol* find_protocol(std::string_view name) {
  for (const auto& p : kProtocols) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const Field* find_field(const Protocol& p, std::string_view name) {
  for (const auto& f : p.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace stratoshark::protocols
