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

// The first group (Eth .. Sll2) are packet layers: the language and the
// capture-filter compiler know how to find them in a packet, and
// all_protocols()/find_protocol() list only these. The rest (the BSD
// loopback, Cisco HDLC and SLIP headers, IPv6 extension headers, tunnels, application headers)
// are read only by the dissectors; all_headers() and find_header() include them.
enum class ProtocolId : uint8_t {
  Eth, Vlan, Arp, Ip, Ip6, Icmp, Icmp6, Tcp, Udp, Sctp, Rarp, Mpls, Pppoe, Sll, Sll2,
  // dissectors only
  Loop, Chdlc, Slip, Ip6Ext, Ip6Routing, Ip6Frag, Ah, Gre, Vxlan, Geneve, Dns, Tls, TlsHandshake,
};
inline constexpr ProtocolId kLastPacketLayer = ProtocolId::Sll2;

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
inline constexpr uint32_t kLinkTypeSlip = 8;       // a 16-byte SLIP header (direction first), then IP
inline constexpr uint32_t kLinkTypeRaw = 101;      // IPv4 or IPv6, by the version nibble
inline constexpr uint32_t kLinkTypeCiscoHdlc = 104;
inline constexpr uint32_t kLinkTypeLoop = 108;     // 4-byte address family, network byte order
inline constexpr uint32_t kLinkTypeLinuxSll = 113;
inline constexpr uint32_t kLinkTypeIpv4 = 228;
inline constexpr uint32_t kLinkTypeIpv6 = 229;
inline constexpr uint32_t kLinkTypeLinuxSll2 = 276;

// What follows a link header, and how the link header names it: the rules
// libpcap's filters use for each link type (gencode.c, off_linktype and
// gen_linktype), which the dissectors follow too.
enum class LinkNext : uint8_t {
  EtherType,  // a 2-byte EtherType at `next_offset` (Ethernet, Linux SLL and SLL2, Cisco HDLC)
  IpVersion,  // IPv4 or IPv6 by the version nibble of the byte at `next_offset` (raw IP; on
              // SLIP libpcap reads the first byte of the SLIP header, so its `ip` never matches)
  Ipv4,       // always IPv4 (no field to read)
  Ipv6,       // always IPv6
  Family,     // a 4-byte BSD address family at `next_offset`: AF_INET 2, AF_INET6 24, 28 or 30
};

// Families of BSD loopback headers (AF_INET6 differs between systems; a
// capture file may come from any of them, so libpcap accepts all three).
inline constexpr uint32_t kFamilyInet = 2;
inline constexpr uint32_t kFamilyInet6[] = {24, 28, 30};  // NetBSD/OpenBSD, FreeBSD, Darwin

// A field of a link header that libpcap's filters read for a primitive
// (`inbound`, `ifindex`): `size` bytes (0: the link type has none) at `offset`.
struct LinkWord {
  uint16_t offset = 0;
  uint8_t size = 0;
};

// Where a link header records the packet's direction (inbound/outbound):
// a packet is outbound when `word` equals `value` (the cooked headers'
// PACKET_OUTGOING), or with `outbound_if_equal` false when it does not
// (SLIP: 0 means received). word.size 0: not recorded.
struct LinkDirection {
  LinkWord word;
  uint8_t value = 0;
  bool outbound_if_equal = true;
};

// A capture link type the language, the filter compiler and replay handle,
// with what libpcap's filters can ask of it (gencode.c: init_linktype,
// gen_linktype, gen_vlan, gen_mpls, gen_inbound, gen_ifindex, ...).
struct LinkLayer {
  uint32_t link_type;              // LINKTYPE_* (the number in the file)
  std::string_view name;           // libpcap's name: "LINUX_SLL2"
  std::string_view description;    // libpcap's description: "Linux cooked v2"
  const Protocol* header;          // the link header as a packet layer (eth, sll, sll2), or null
  uint16_t payload;                // where the network layer starts
  LinkNext next;
  uint16_t next_offset;
  bool host_order;                 // Family: in the byte order of the host that wrote the file (NULL)
  bool ethernet_addresses;         // ether host/src/dst, broadcast, multicast
  bool vlan;                       // vlan [ID]
  bool mpls;                       // mpls [LABEL] (also after pppoes, on every link type)
  LinkDirection direction;         // inbound/outbound
  LinkWord ifindex;                // ifindex N: a 4-byte interface index
};

std::span<const LinkLayer> all_link_layers();
// Null when the link type is not one of them.
const LinkLayer* find_link_layer(uint32_t link_type);
const LinkLayer& ethernet_link();
// "EN10MB, LINUX_SLL, ..., SLIP": the names of every link layer, for messages.
std::string_view link_layer_names();

// The link layer of a capture file: its type, and for NULL the byte order
// the file was written in.
struct CaptureLink {
  uint32_t link_type = kLinkTypeEthernet;
  bool big_endian = false;  // NULL only (false otherwise): the file's byte order, that of its family field
  bool operator==(const CaptureLink&) const = default;
};
// The link of a file of `link_type` written in `big_endian` byte order
// (kept only where a field depends on it, so programs compiled for one
// file fit every file of the same link).
CaptureLink capture_link(uint32_t link_type, bool big_endian);

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
