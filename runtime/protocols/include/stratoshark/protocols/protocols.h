// Header layouts of the protocols StratoShark understands.
//
// One table serves three readers: the language (field access such as
// tcp.dport), the capture-filter compiler (tcp port 80) and the dissectors
// that print packets. Each entry describes a fixed header: its size and its
// fields as big-endian integers at byte offsets, optionally a bit field
// (shift, then mask). How to find a header (after which EtherType or IP
// protocol, behind options or extension headers) is each consumer's code;
// what is inside a header is only here. No dependencies: every library may
// use it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace stratoshark::protocols {

// How a field's value is shown.
enum class Display : uint8_t {
  Decimal,
  Hex,
  Ipv4,  // 4 bytes, dotted quad
  Ipv6,  // 16 bytes
  Mac,   // 6 bytes
};

struct Field {
  std::string_view name;
  uint16_t offset;  // bytes from the start of the header
  uint8_t size;     // bytes, read big-endian: 1, 2, 4, 6 or 16
  uint8_t shift;    // right shift applied after reading (bit fields)
  uint32_t mask;    // applied after the shift; 0 means all bits
  Display display;
  std::string_view description;
};

// The first group (Eth .. Pppoe) are packet layers: the language and the
// capture-filter compiler know how to find them in a packet, and
// all_protocols()/find_protocol() list only these. The rest (link headers
// of other capture link types, IPv6 extension headers, tunnels,
// application headers) are read only by the dissectors; all_headers() and
// find_header() include them.
enum class ProtocolId : uint8_t {
  Eth, Vlan, Arp, Ip, Ip6, Icmp, Icmp6, Tcp, Udp, Sctp, Rarp, Mpls, Pppoe,
  // dissectors only
  Sll, Sll2, Loop, Ip6Ext, Ip6Routing, Ip6Frag, Ah, Gre, Vxlan, Geneve, Dns, Tls, TlsHandshake,
};
inline constexpr ProtocolId kLastPacketLayer = ProtocolId::Pppoe;

struct Protocol {
  ProtocolId id;
  std::string_view name;
  uint16_t header_size;  // the fixed part; options and extensions come after
  std::span<const Field> fields;
  std::string_view description;
};

// The packet layers (the language's and the filter compiler's names).
std::span<const Protocol> all_protocols();
const Protocol* find_protocol(std::string_view name);
// Every header of the table, packet layers first.
std::span<const Protocol> all_headers();
const Protocol* find_header(std::string_view name);
const Protocol& protocol(ProtocolId id);
const Field* find_field(const Protocol& protocol, std::string_view name);

// Link-layer header types of capture files (LINKTYPE_*, tcpdump.org's
// registry; the numbers in pcap and pcapng files, which are also libpcap's
// DLT_* values except DLT_RAW, 12 on Linux).
inline constexpr uint32_t kLinkTypeNull = 0;       // 4-byte address family, host byte order
inline constexpr uint32_t kLinkTypeEthernet = 1;
inline constexpr uint32_t kLinkTypeRaw = 101;      // IPv4 or IPv6, by the version nibble
inline constexpr uint32_t kLinkTypeLoop = 108;     // 4-byte address family, network byte order
inline constexpr uint32_t kLinkTypeLinuxSll = 113;
inline constexpr uint32_t kLinkTypeIpv4 = 228;
inline constexpr uint32_t kLinkTypeIpv6 = 229;
inline constexpr uint32_t kLinkTypeLinuxSll2 = 276;

// Link and network layer numbers the consumers dispatch on.
inline constexpr uint16_t kEtherTypeIpv4 = 0x0800;
inline constexpr uint16_t kEtherTypeArp = 0x0806;
inline constexpr uint16_t kEtherTypeRarp = 0x8035;
inline constexpr uint16_t kEtherTypeVlan = 0x8100;   // 802.1Q
inline constexpr uint16_t kEtherTypeQinQ = 0x88a8;   // 802.1ad
inline constexpr uint16_t kEtherTypeQinQOld = 0x9100;
inline constexpr uint16_t kEtherTypeIpv6 = 0x86dd;
inline constexpr uint16_t kEtherTypeMpls = 0x8847;
inline constexpr uint16_t kEtherTypeMplsMulticast = 0x8848;
inline constexpr uint16_t kEtherTypePppoeDiscovery = 0x8863;
inline constexpr uint16_t kEtherTypePppoeSession = 0x8864;
inline constexpr uint16_t kEtherTypeTransparentEthernet = 0x6558;  // GRE, Geneve: an Ethernet frame follows
// PPP protocol numbers (in a PPPoE session header).
inline constexpr uint16_t kPppIpv4 = 0x0021;
inline constexpr uint16_t kPppIpv6 = 0x0057;
inline constexpr uint16_t kPppMpls = 0x0281;
inline constexpr uint8_t kIpProtoIcmp = 1;
inline constexpr uint8_t kIpProtoIgmp = 2;
inline constexpr uint8_t kIpProtoIpip = 4;  // IPv4 in IP
inline constexpr uint8_t kIpProtoTcp = 6;
inline constexpr uint8_t kIpProtoUdp = 17;
inline constexpr uint8_t kIpProtoIpv6 = 41;  // IPv6 in IP
inline constexpr uint8_t kIpProtoGre = 47;
inline constexpr uint8_t kIpProtoIcmp6 = 58;
inline constexpr uint8_t kIpProtoSctp = 132;
// IPv6 extension headers.
inline constexpr uint8_t kIp6HopByHop = 0;
inline constexpr uint8_t kIp6Routing = 43;
inline constexpr uint8_t kIp6Fragment = 44;
inline constexpr uint8_t kIp6Esp = 50;
inline constexpr uint8_t kIp6Ah = 51;
inline constexpr uint8_t kIp6NoNext = 59;
inline constexpr uint8_t kIp6DestOpts = 60;
inline constexpr uint8_t kIp6Mobility = 135;
// UDP ports of the tunnels the dissectors follow.
inline constexpr uint16_t kUdpPortVxlan = 4789;
inline constexpr uint16_t kUdpPortGeneve = 6081;
inline constexpr uint16_t kUdpPortMplsOverUdp = 6635;

}  // namespace stratoshark::protocols
