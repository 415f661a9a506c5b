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
  for (const Protocol& p : all_protocols()) EXPECT_EQ(&protocol(p.id), &p);
}

TEST(Protocols, FieldsFitTheirHeaders) {
  for (const Protocol& p : all_protocols()) {
    for (const Field& f : p.fields) {
      EXPECT_LE(f.offset + f.size, p.header_size) << p.name << "." << f.name;
      EXPECT_TRUE(f.size == 1 || f.size == 2 || f.size == 4 || f.size == 6 || f.size == 16) << p.name << "." << f.name;
      EXPECT_LT(f.shift, f.size * 8) << p.name << "." << f.name;
    }
  }
}

}  // namespace
}  // namespace stratoshark::protocols
