// The protocol table: lookups and internal consistency.
#include <gtest/gtest.h>

#include "stratoshark/protocols/protocols.h"

namespace stratoshark::protocols {
namespace {

TEST(Protocols, LookupByName) {
  const Protocol* tcp = find_protocol("tcp");
  ASSERT_NE(tcp, nullptr);
  const Field* dport = find_field(*tcp, "dport");
  ASSERT_NE(dport, nullptr);
  EXPECT_EQ(dport->offset, 2);
  EXPECT_EQ(dport->size, 2);
  EXPECT_EQ(find_protocol("nosuch"), nullptr);
  EXPECT_EQ(find_field(*tcp, "nosuch"), nullptr);
}

TEST(Protocols, IdsIndexTheTable) {
  for (const Protocol& p : all_headers()) EXPECT_EQ(&protocol(p.id), &p);
}

TEST(Protocols, DissectorOnlyHeadersAreNotPacketLayers) {
  // The language and the filter compiler cannot locate these; they must not see them.
  EXPECT_EQ(find_protocol("dns"), nullptr);
  ASSERT_NE(find_header("dns"), nullptr);
  EXPECT_EQ(find_header("dns")->id, ProtocolId::Dns);
  EXPECT_EQ(find_header("tcp"), find_protocol("tcp"));
  EXPECT_EQ(all_protocols().back().id, kLastPacketLayer);
}

TEST(Protocols, FieldsFitTheirHeaders) {
  for (const Protocol& p : all_headers()) {
    for (const Field& f : p.fields) {
      EXPECT_LE(f.offset + f.size, p.header_size) << p.name << "." << f.name;
      EXPECT_TRUE(f.size == 1 || f.size == 2 || f.size == 4 || f.size == 6 || f.size == 16) << p.name << "." << f.name;
      EXPECT_LT(f.shift, f.size * 8) << p.name << "." << f.name;
    }
  }
}

// Where each link type's network layer starts and where its header names
// it, as libpcap's init_linktype has them (off_linkpl, off_linktype).
TEST(Protocols, LinkLayersAsLibpcapLaysThemOut) {
  struct Expected {
    uint32_t link_type;
    uint16_t payload;
    LinkNext next;
    uint16_t next_offset;
  };
  const Expected expected[] = {
      {kLinkTypeEthernet, 14, LinkNext::EtherType, 12}, {kLinkTypeLinuxSll, 16, LinkNext::EtherType, 14},
      {kLinkTypeLinuxSll2, 20, LinkNext::EtherType, 0}, {kLinkTypeRaw, 0, LinkNext::IpVersion, 0},
      {kLinkTypeIpv4, 0, LinkNext::Ipv4, 0},            {kLinkTypeIpv6, 0, LinkNext::Ipv6, 0},
      {kLinkTypeNull, 4, LinkNext::Family, 0},          {kLinkTypeLoop, 4, LinkNext::Family, 0},
      {kLinkTypeCiscoHdlc, 4, LinkNext::EtherType, 2},  {kLinkTypeSlip, 16, LinkNext::IpVersion, 0},
  };
  ASSERT_EQ(all_link_layers().size(), std::size(expected));
  for (const Expected& e : expected) {
    const LinkLayer* l = find_link_layer(e.link_type);
    ASSERT_NE(l, nullptr) << e.link_type;
    EXPECT_EQ(l->payload, e.payload) << l->name;
    EXPECT_EQ(l->next, e.next) << l->name;
    EXPECT_EQ(l->next_offset, e.next_offset) << l->name;
    // A link header that is a packet layer covers what comes before the network layer.
    if (l->header != nullptr) EXPECT_EQ(l->header->header_size, l->payload) << l->name;
  }
  EXPECT_EQ(find_link_layer(105), nullptr);  // 802.11
  EXPECT_EQ(&ethernet_link(), find_link_layer(kLinkTypeEthernet));
  // Only NULL's family depends on the file's byte order.
  EXPECT_TRUE(capture_link(kLinkTypeNull, true).big_endian);
  EXPECT_FALSE(capture_link(kLinkTypeLoop, true).big_endian);
  EXPECT_FALSE(capture_link(kLinkTypeEthernet, true).big_endian);
  EXPECT_EQ(link_layer_names(), "EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, C_HDLC, SLIP");
}

TEST(Protocols, CookedHeadersAreWhereLibpcapReadsThem) {
  // inbound/outbound: the packet type; ifindex: SLL2's interface index.
  const LinkLayer& sll = *find_link_layer(kLinkTypeLinuxSll);
  const LinkLayer& sll2 = *find_link_layer(kLinkTypeLinuxSll2);
  const Field& pkttype = *find_field(*sll.header, "pkttype");
  EXPECT_EQ(sll.direction.word.offset, pkttype.offset);
  EXPECT_EQ(sll.direction.word.size, pkttype.size);
  const Field& pkttype2 = *find_field(*sll2.header, "pkttype");
  EXPECT_EQ(sll2.direction.word.offset, pkttype2.offset);
  EXPECT_EQ(sll2.direction.word.size, pkttype2.size);
  const Field& ifindex = *find_field(*sll2.header, "ifindex");
  EXPECT_EQ(sll2.ifindex.offset, ifindex.offset);
  EXPECT_EQ(sll2.ifindex.size, ifindex.size);
  EXPECT_EQ(find_field(*sll2.header, "proto")->offset, sll2.next_offset);
  EXPECT_EQ(find_field(*sll.header, "proto")->offset, sll.next_offset);
}

}  // namespace
}  // namespace stratoshark::protocols
