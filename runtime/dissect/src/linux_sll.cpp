// Linux "cooked" capture headers, which captures on the "any" device carry
// instead of a link header: LINKTYPE_LINUX_SLL (16 bytes) and
// LINKTYPE_LINUX_SLL2 (20 bytes, adds the interface index). Both give the
// packet's direction and its EtherType.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view pkttype_name(uint64_t t) {
  switch (t) {
    case 0:
      return "In";  // to us
    case 1:
      return "B";  // broadcast
    case 2:
      return "M";  // multicast
    case 3:
      return "P";  // to another host (promiscuous)
    case 4:
      return "Out";  // sent by us
    default:
      return {};
  }
}

enum { kPkttype, kHatype, kHalen, kAddr, kAddrBytes, kProto, kIfindex };
const FieldInfo kSllFields[] = {
    header_field(ProtocolId::Sll, "pkttype", "sll.pkttype", "Packet type", "sll.pkttype", 0, pkttype_name),
    header_field(ProtocolId::Sll, "hatype", "sll.hatype", "Link-layer address type", "sll.hatype"),
    header_field(ProtocolId::Sll, "halen", "sll.halen", "Link-layer address length", "sll.halen"),
    header_field(ProtocolId::Sll, "addr", "sll.addr", "Source", "sll.src.eth"),
    {.key = "sll.addr", .label = "Source", .format = Format::Bytes, .wireshark = "sll.src.other"},
    header_field(ProtocolId::Sll, "proto", "sll.proto", "Protocol", "sll.etype", 4, ethertype_name),
};
const FieldInfo kSll2Fields[] = {
    header_field(ProtocolId::Sll2, "pkttype", "sll2.pkttype", "Packet type", "sll.pkttype", 0, pkttype_name),
    header_field(ProtocolId::Sll2, "hatype", "sll2.hatype", "Link-layer address type", "sll.hatype"),
    header_field(ProtocolId::Sll2, "halen", "sll2.halen", "Link-layer address length", "sll.halen"),
    header_field(ProtocolId::Sll2, "addr", "sll2.addr", "Source", "sll.src.eth"),
    {.key = "sll2.addr", .label = "Source", .format = Format::Bytes, .wireshark = "sll.src.other"},
    header_field(ProtocolId::Sll2, "proto", "sll2.proto", "Protocol", "sll.etype", 4, ethertype_name),
    header_field(ProtocolId::Sll2, "ifindex", "sll2.ifindex", "Interface index", "sll.ifindex"),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  const bool v2 = d.layers()[i].protocol == &kSll2Protocol;
  const FieldInfo* f = v2 ? kSll2Fields : kSllFields;
  if (v2 && has_field(d, i, f[kIfindex])) {
    out += "ifindex ";
    append_field(d, i, f[kIfindex], out);
    out.push_back(' ');
  }
  if (auto name = pkttype_name(number_of(d, i, f[kPkttype], 99)); !name.empty()) {
    out.append(name);
  } else {
    out += "pkttype ";
    append_field(d, i, f[kPkttype], out);
  }
  const size_t next = i + 1;
  if (next >= d.layers().size() || d.layers()[next].protocol == &kDataProtocol) {
    out += ", protocol ";
    append_field(d, i, f[kProto], out);
    out += ", length ";
    append_dec(out, d.frame().wire_length);
  }
  return 1;
}

// The link-layer address: 8 bytes of which halen are valid.
void add_address(LayerBuilder& b, const FieldInfo* f, uint32_t header, uint64_t halen) {
  const uint32_t at = header + f[kAddr].layout->offset;
  if (halen == 6) {
    b.table(f[kAddr], header);
  } else if (halen > 0 && b.cursor().contains(at, halen > 8 ? 8 : halen)) {
    b.add(f[kAddrBytes], at, static_cast<uint32_t>(halen > 8 ? 8 : halen), 0);
  }
}

// ARPHRD_NETLINK: the payload is a netlink message, not an EtherType's.
constexpr uint64_t kHatypeNetlink = 824;

// Protocol values below 0x0600 are not EtherTypes (802.2 LLC, 802.3 frames, CAN, ...).
void dispatch_payload(Context& ctx, LayerBuilder& b, uint64_t hatype, uint64_t proto, uint32_t header_size) {
  dispatch_link_payload(ctx, b, hatype == kHatypeNetlink ? 0 : proto, header_size);
}

}  // namespace

const ProtocolInfo kSllProtocol{"sll", "Linux cooked capture", kSllFields, summarize};
const ProtocolInfo kSll2Protocol{"sll2", "Linux cooked capture v2", kSll2Fields, summarize};

void dissect_linux_sll(Context& ctx, Region r) {
  LayerBuilder b(ctx, kSllProtocol, r);
  auto pkttype = b.table(kSllFields[kPkttype], r.offset);
  auto hatype = pkttype ? b.table(kSllFields[kHatype], r.offset) : std::nullopt;
  auto halen = hatype ? b.table(kSllFields[kHalen], r.offset) : std::nullopt;
  if (!halen) return;
  add_address(b, kSllFields, r.offset, *halen);
  auto proto = b.table(kSllFields[kProto], r.offset);
  if (!proto) return;
  dispatch_payload(ctx, b, *hatype, *proto, 16);
}

void dissect_linux_sll2(Context& ctx, Region r) {
  LayerBuilder b(ctx, kSll2Protocol, r);
  auto proto = b.table(kSll2Fields[kProto], r.offset);
  auto ifindex = proto ? b.table(kSll2Fields[kIfindex], r.offset) : std::nullopt;
  auto hatype = ifindex ? b.table(kSll2Fields[kHatype], r.offset) : std::nullopt;
  auto pkttype = hatype ? b.table(kSll2Fields[kPkttype], r.offset) : std::nullopt;
  auto halen = pkttype ? b.table(kSll2Fields[kHalen], r.offset) : std::nullopt;
  if (!halen) return;
  add_address(b, kSll2Fields, r.offset, *halen);
  if (!b.cursor().contains(r.offset, 20)) {
    b.truncated("capture ends in the sll2 address");
    return;
  }
  dispatch_payload(ctx, b, *hatype, *proto, 20);
}

}  // namespace stratoshark::dissect
