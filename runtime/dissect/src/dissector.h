// What every protocol dissector shares: the context of one packet, the
// region a protocol is handed, the LayerBuilder that adds a layer and its
// fields through a Cursor, and the entry points of all dissectors (one file
// each) and of the dispatch tables (dispatch.cpp) that pick the next one.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "cursor.h"
#include "stratoshark/dissect/model.h"

namespace stratoshark::dissect {

// Bytes handed to a protocol: they start at `offset`; `captured` of them are
// in the capture (never past its end) and `declared` are what the layer below
// says belong to this protocol (more than captured when the capture was cut).
struct Region {
  uint32_t offset = 0;
  uint32_t captured = 0;
  uint32_t declared = 0;
};

// Ports of the transport a payload arrived on; app dissectors (DNS over TCP)
// need the transport.
enum class Transport : uint8_t { Udp, Tcp };

struct Context {
  Dissection& out;
  std::span<const uint8_t> packet;
  uint8_t level = 0;      // 0 for the packet; +1 inside ICMP errors and tunnels
  uint16_t depth = 0;     // nested dissector calls, bounded by kMaxDepth
  bool quoted = false;    // inside an ICMP error: the quoted packet is cut short by design
  static constexpr uint16_t kMaxDepth = 48;
};

// Adds one layer to the dissection and its fields, reading through a cursor
// over the region. Fields always go to the layer added last, so a dissector
// adds its fields before handing its payload on.
class LayerBuilder {
 public:
  LayerBuilder(Context& ctx, const ProtocolInfo& protocol, Region region);

  Cursor& cursor() { return cursor_; }
  Context& context() { return ctx_; }
  const Region& region() const { return region_; }
  uint32_t start() const { return region_.offset; }

  // Reads the header-table field behind `info` (info.layout) of the header
  // starting at absolute offset `header`, adds it and returns its value.
  // Outside the captured bytes: marks the layer truncated, returns nullopt.
  std::optional<uint64_t> table(const FieldInfo& info, uint32_t header, uint8_t depth = 0);
  // Adds every FieldInfo in `infos` that has a layout, in order, stopping at
  // the first that does not fit (the layer is then truncated). False if one
  // did not fit.
  bool table_all(std::span<const FieldInfo> infos, uint32_t header);

  // Reads an n-byte integer at the cursor and adds it; truncated on a short read.
  std::optional<uint64_t> read(const FieldInfo& info, size_t n, uint8_t depth = 0);
  // Adds a field covering [offset, offset + length) with a value the caller computed.
  Field& add(const FieldInfo& info, uint32_t offset, uint32_t length, uint64_t number, uint8_t depth = 0);
  Field& add_text(const FieldInfo& info, uint32_t offset, uint32_t length, std::string_view text, uint8_t depth = 0);

  // Marks the layer (first problem wins) and returns false, so a dissector can `return b.truncated(...)`.
  bool truncated(std::string_view what);
  bool malformed(std::string_view why);
  bool ok() const;
  // Sets how many bytes of the packet the layer covers.
  void set_length(uint32_t length);

  // A region for the payload starting at absolute `offset`, given how many
  // bytes this layer declares for it.
  Region payload(uint32_t offset, uint32_t declared) const;

 private:
  Context& ctx_;
  Region region_;
  size_t layer_;
  Cursor cursor_;
};

// ---- the protocols' descriptions, one per protocol file ----
extern const ProtocolInfo kEthernetProtocol, kVlanProtocol, kQinqProtocol, kSllProtocol, kSll2Protocol,
    kLoopbackProtocol, kChdlcProtocol, kSlipProtocol, kArpProtocol, kIpv4Protocol, kIpv6Protocol, kIpv6HopByHopProtocol, kIpv6RoutingProtocol,
    kIpv6FragmentProtocol, kIpv6DestOptsProtocol, kIpv6MobilityProtocol, kIcmpProtocol, kIcmpv6Protocol,
    kTcpProtocol, kUdpProtocol, kDnsProtocol, kHttpProtocol, kTlsProtocol, kGreProtocol, kMplsProtocol,
    kVxlanProtocol, kGeneveProtocol, kAhProtocol, kDataProtocol, kUnknownLinkProtocol;
// All of them (dispatch.cpp), for lookups by field name.
std::span<const ProtocolInfo* const> all_protocols();

// ---- entry points, one per protocol file ----
void dissect_ethernet(Context& ctx, Region r);
void dissect_vlan(Context& ctx, Region r, uint16_t tpid);
void dissect_linux_sll(Context& ctx, Region r);
void dissect_linux_sll2(Context& ctx, Region r);
void dissect_loopback(Context& ctx, Region r);
void dissect_chdlc(Context& ctx, Region r);
void dissect_slip(Context& ctx, Region r);
void dissect_arp(Context& ctx, Region r);
void dissect_ipv4(Context& ctx, Region r);
void dissect_ipv6(Context& ctx, Region r);
// IPv6 extension headers starting with header type `first`, then what follows them.
void dissect_ipv6_extensions(Context& ctx, uint8_t first, Region r);
// Hop-by-hop, routing, fragment, destination options and mobility headers.
bool is_ipv6_extension_header(uint8_t next_header);
void dissect_icmp(Context& ctx, Region r);
void dissect_icmpv6(Context& ctx, Region r);
void dissect_tcp(Context& ctx, Region r);
void dissect_udp(Context& ctx, Region r);
void dissect_dns(Context& ctx, Region r, Transport transport);
void dissect_http(Context& ctx, Region r);
void dissect_tls(Context& ctx, Region r);
void dissect_gre(Context& ctx, Region r);
void dissect_mpls(Context& ctx, Region r);
void dissect_vxlan(Context& ctx, Region r);
void dissect_geneve(Context& ctx, Region r);
void dissect_ah(Context& ctx, Region r);
// Bytes no dissector claims: a "data" layer with their length.
void dissect_data(Context& ctx, Region r);
// A frame of a link type we do not dissect: one layer that names it.
void dissect_unknown_link(Context& ctx, Region r);

// ---- dispatch (dispatch.cpp): the one list of who follows whom ----
// Each call counts one nesting step; past Context::kMaxDepth the last layer
// is marked malformed instead (stacked VLAN tags or tunnels in tunnels).
// After a link layer, VLAN tag, GRE or Geneve header.
void dispatch_ethertype(Context& ctx, uint16_t ethertype, Region r);
// The payload of a link header of `header_size` bytes (the layer `b` is
// building) whose protocol field holds `proto`: an EtherType from 0x0600
// up, anything else (802.3 lengths, LLC) data.
void dispatch_link_payload(Context& ctx, LayerBuilder& b, uint64_t proto, uint32_t header_size);
// After an IPv4 header or the last IPv6 extension header.
void dispatch_ip_proto(Context& ctx, uint8_t proto, Region r);
// The payload of a TCP segment or UDP datagram between these ports.
void dispatch_ports(Context& ctx, Transport transport, uint16_t src, uint16_t dst, Region r);
// The name of an EtherType or IP protocol for summaries and the tree ("" if unknown).
std::string_view ethertype_name(uint64_t ethertype);
std::string_view ip_proto_name(uint64_t proto);

// The entry of a header-table field; aborts if the table lacks it (a bug).
const protocols::Field* layout(protocols::ProtocolId protocol, std::string_view name);

// A FieldInfo for header-table field `name` of `protocol`, rendered as the
// table says (hex fields with as many digits as their bits need).
FieldInfo header_field(protocols::ProtocolId protocol, std::string_view name, std::string_view key,
                       std::string_view label, std::string_view wireshark = {}, uint8_t wireshark_hex_digits = 0,
                       std::string_view (*meaning)(uint64_t) = nullptr);

// `info` with tshark's value being ours times `scale` (lengths in bytes, not words).
inline FieldInfo scaled(FieldInfo info, uint8_t scale) {
  info.wireshark_scale = scale;
  return info;
}

// Saturating a - b for lengths.
inline uint32_t minus(uint32_t a, uint32_t b) { return a > b ? a - b : 0; }

}  // namespace stratoshark::dissect
