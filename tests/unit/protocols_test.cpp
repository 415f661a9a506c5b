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

}  // namespace
}  // namespace stratoshark::protocols
