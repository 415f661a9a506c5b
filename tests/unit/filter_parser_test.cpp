// Capture filters: the parser (precedence, qualifier inheritance, values,
// errors) and the lowering (what each primitive means), checked on the
// lowered expression printed in one line.
#include <gtest/gtest.h>

#include "stratoshark/lang/ast_printer.h"
#include "stratoshark/lang/filter.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::lang {
namespace {

struct Filtered {
  SourceManager sources;
  AstContext ast;
  Diagnostics diags;
  Expr* expr = nullptr;
  explicit Filtered(const std::string& text, uint32_t link_type = protocols::kLinkTypeEthernet) {
    FileId f = sources.add("<filter>", text);
    expr = parse_filter(text, f, 0, link_type, ast, diags);
  }
  std::string text() const { return expr ? print_expr(*expr) : "error: " + errors(); }
  std::string errors() const {
    std::string out;
    for (const auto& d : diags.items()) out += render_text(d, sources);
    return out;
  }
};

std::string lowered(const std::string& filter) { return Filtered(filter).text(); }

// The IPv4 host test for one address, as libpcap builds it: IP, ARP, RARP.
std::string host_v4(const std::string& a) {
  return "(((ip && ((ip.src == " + a + ") || (ip.dst == " + a + "))) || (arp && ((arp.spa == " + a +
         ") || (arp.tpa == " + a + ")))) || (rarp && ((rarp.spa == " + a + ") || (rarp.tpa == " + a + "))))";
}

// ------------------------------------------------------------------ parser

TEST(FilterParser, ProtocolsAreLayers) {
  EXPECT_EQ(lowered("tcp"), "tcp");
  EXPECT_EQ(lowered("ip6"), "ip6");
  EXPECT_EQ(lowered("igmp"), "(ip && (ip.proto == 2))");
}

TEST(FilterParser, AndOrHaveEqualPrecedenceAndAssociateLeft) {
  EXPECT_EQ(lowered("tcp or udp and arp"), "((tcp || udp) && arp)");
  EXPECT_EQ(lowered("tcp and udp or arp"), "((tcp && udp) || arp)");
  EXPECT_EQ(lowered("tcp || udp && arp"), "((tcp || udp) && arp)");
}

TEST(FilterParser, NotBindsTightest) {
  EXPECT_EQ(lowered("not tcp and udp"), "(!tcp && udp)");
  EXPECT_EQ(lowered("!(tcp or udp)"), "!(tcp || udp)");
}

TEST(FilterParser, BareValuesInheritQualifiers) {
  EXPECT_EQ(lowered("host 1.1.1.1 or 2.2.2.2"), "(" + host_v4("0x1010101") + " || " + host_v4("0x2020202") + ")");
  // `not` is not inherited: the second address is a positive test.
  EXPECT_EQ(lowered("not host 1.1.1.1 and 2.2.2.2"), "(!" + host_v4("0x1010101") + " && " + host_v4("0x2020202") + ")");
  EXPECT_EQ(lowered("host 1.1.1.1 and not 2.2.2.2"), "(" + host_v4("0x1010101") + " && !" + host_v4("0x2020202") + ")");
  EXPECT_EQ(lowered("tcp dst port 80 or 443"),
            "(((ip && (((ip.proto == 6) && (ip.frag_off == 0)) && (tcp.dport == 80))) || (ip6 && ((ip6.nxt == 6) && "
            "(tcp.dport == 80)))) || ((ip && (((ip.proto == 6) && (ip.frag_off == 0)) && (tcp.dport == 443))) || (ip6 "
            "&& ((ip6.nxt == 6) && (tcp.dport == 443)))))");
}

TEST(FilterParser, ModuloAndXorTakeTheRestOfTheExpression) {
  // libpcap gives % and ^ no precedence: `len % 4 * 2` is `len % 8`.
  EXPECT_EQ(lowered("len % 4 * 2 = 2"), "((pkt.len % ((4 * 2) & 0xffffffff)) == 2)");
  EXPECT_EQ(lowered("len - 1 ^ 3 > 0"), "(((pkt.len - (1 ^ 3)) & 0xffffffff) > 0)");
}

TEST(FilterParser, NamedConstantsAndLoads) {
  EXPECT_EQ(lowered("tcp[tcpflags] & tcp-syn != 0"),
            "(((ip && (ip.proto == 6)) && (ip.frag_off == 0)) && ((tcp[13:1] & 2) != 0))");
  EXPECT_EQ(lowered("icmp6[icmp6type] == icmp6-echo"), "((ip6 && (ip6.nxt == 58)) && (icmp6[0:1] == 128))");
  EXPECT_EQ(lowered("ether[0] & 1 != 0"), "((link[0:1] & 1) != 0)");
  EXPECT_EQ(lowered("ip[2:2] > 500"), "(ip && (ip[2:2] > 500))");
}

TEST(FilterParser, ParenthesisedArithmeticIsARelation) {
  EXPECT_EQ(lowered("(ip[0] + 1) > 5"), "(ip && (((ip[0:1] + 1) & 0xffffffff) > 5))");
  EXPECT_EQ(lowered("(tcp)"), "tcp");
}

TEST(FilterParser, AddressForms) {
  EXPECT_EQ(lowered("ether src 0050.569f.369f"), "(eth.src == 0x50569f369f)");
  EXPECT_EQ(lowered("ether host 00:80:ea:81:88:63"), "((eth.src == 0x80ea818863) || (eth.dst == 0x80ea818863))");
  EXPECT_EQ(lowered("ip6 src net fe80::/10"), "(ip6 && (ip6.src in fe80::/10))");
  // A partial dotted address is a prefix, for host and net alike; a bare number is a host for host, a /8 for net.
  EXPECT_EQ(lowered("ip host 10.1"), "(ip && (((ip.src & 0xffff0000) == 0xa010000) || ((ip.dst & 0xffff0000) == 0xa010000)))");
  EXPECT_EQ(lowered("ip host 10"), "(ip && ((ip.src == 10) || (ip.dst == 10)))");
  EXPECT_EQ(lowered("ip net 10"), "(ip && (((ip.src & 0xff000000) == 0xa000000) || ((ip.dst & 0xff000000) == 0xa000000)))");
  EXPECT_EQ(lowered("ip src net 192.168.0.0 mask 255.255.0.0"), "(ip && ((ip.src & 0xffff0000) == 0xc0a80000))");
}

// ---------------------------------------------------------------- lowering

TEST(FilterLowering, PortsAreFirstFragmentsOfTcpUdpSctp) {
  std::string port = lowered("port 53");
  for (const char* part : {"(ip.proto == 6) && (ip.frag_off == 0)", "(ip.proto == 17) && (ip.frag_off == 0)",
                           "(ip.proto == 132) && (ip.frag_off == 0)", "(ip6.nxt == 6)", "(ip6.nxt == 17)",
                           "(ip6.nxt == 132)", "(udp.sport == 53) || (udp.dport == 53)"}) {
    EXPECT_NE(port.find(part), std::string::npos) << part << " in " << port;
  }
  EXPECT_EQ(lowered("udp src and dst port 5353"),
            "((ip && (((ip.proto == 17) && (ip.frag_off == 0)) && ((udp.sport == 5353) && (udp.dport == 5353)))) || "
            "(ip6 && ((ip6.nxt == 17) && ((udp.sport == 5353) && (udp.dport == 5353)))))");
}

TEST(FilterLowering, PortRangesAreOrdered) {
  EXPECT_EQ(lowered("tcp src portrange 8081-8079"),
            "((ip && (((ip.proto == 6) && (ip.frag_off == 0)) && ((tcp.sport >= 8079) && (tcp.sport <= 8081)))) || "
            "(ip6 && ((ip6.nxt == 6) && ((tcp.sport >= 8079) && (tcp.sport <= 8081)))))");
}

TEST(FilterLowering, VlanShiftsWhatFollows) {
  EXPECT_EQ(lowered("vlan 100 and ip"), "((vlan && (vlan.id == 100)) && ip {vlan 1})");
  // The shift lasts for the rest of the expression, as in libpcap.
  EXPECT_EQ(lowered("(vlan and ip) or ip"), "((vlan && ip {vlan 1}) || ip {vlan 1})");
  EXPECT_EQ(lowered("vlan and vlan and arp"), "((vlan && vlan {vlan 1}) && arp {vlan 2})");
  EXPECT_EQ(lowered("vlan and ether proto 0x800"), "(vlan && (vlan.type == 2048))");
}

TEST(FilterLowering, MplsAndPppoe) {
  EXPECT_EQ(lowered("mpls 16106 and ip"), "((mpls && (mpls.label == 16106)) && ip {mpls 1})");
  EXPECT_EQ(lowered("pppoes 5 and ip6"), "((pppoe && (pppoe.session == 5)) && ip6 {pppoes})");
  EXPECT_EQ(lowered("pppoed"), "(eth.type == 34915)");
}

TEST(FilterLowering, LengthsAreInclusive) {
  EXPECT_EQ(lowered("less 64"), "(pkt.len <= 64)");
  EXPECT_EQ(lowered("greater 1500"), "(pkt.len >= 1500)");
}

TEST(FilterLowering, ProtocolNumbers) {
  EXPECT_EQ(lowered("ip proto 6"), "(ip && (ip.proto == 6))");
  EXPECT_EQ(lowered("ip6 proto 58"), "(ip6 && ((ip6.nxt == 58) || ((ip6.nxt == 44) && (ip6[40:1] == 58))))");
  EXPECT_EQ(lowered("ether proto \\arp"), "(eth.type == 2054)");
  EXPECT_EQ(lowered("ip6 protochain 6"), "(ip6 && ip6 protochain 6)");
}

TEST(FilterLowering, BroadcastAndMulticast) {
  EXPECT_EQ(lowered("broadcast"), "(eth.dst == 0xffffffffffff)");
  EXPECT_EQ(lowered("ether multicast"), "((eth.dst & 0x10000000000) != 0)");
  EXPECT_EQ(lowered("ip multicast"), "(ip && (ip[16:1] >= 224))");
  EXPECT_EQ(lowered("ip6 multicast"), "(ip6 && (ip6[24:1] == 255))");
}

// ------------------------------------------------------------------ errors

struct ErrorCase {
  const char* filter;
  const char* message;
  const char* caret;  // the underline line
};

TEST(FilterErrors, PointAtTheProblem) {
  const ErrorCase cases[] = {
      {"tcp port", "the filter ends where a value was expected", "      |         ^"},
      {"host 10.0.0.1 and", "the filter ends where a primitive was expected", "      |                  ^"},
      {"tcp port 80 )", "unbalanced ')'", "      |             ^"},
      {"ip[2:3] > 1", "the size of a load must be 1, 2 or 4 bytes", "      |      ^"},
      {"port 70000", "port 70000 is out of range", "      |      ^~~~~"},
      {"net 10.0.0.1/8", "'10.0.0.1' has bits set outside its network mask", "      |     ^~~~~~~~~~"},
      {"ip broadcast", "'ip broadcast' needs the network's netmask", "      | ^~~~~~~~~~~~"},
      {"tcp or 80", "'80' needs a qualifier such as host, net or port", "      |        ^~"},
      {"host example.com", "'example.com' is not an address; host names are not resolved", "      |      ^~~~~~~~~~~"},
      {"fddi host 1.2.3.4", "'fddi' is not supported by stratoshark's capture filters", "      | ^~~~"},
      {"len / 0 = 1", "division by zero", "      |       ^"},
      {"tcp port 80 $", "unexpected character '$' in the filter", "      |             ^"},
      {"", "the filter is empty", "      | ^"},
  };
  for (const auto& c : cases) {
    Filtered f(c.filter);
    EXPECT_EQ(f.expr, nullptr) << c.filter;
    std::string text = f.errors();
    EXPECT_NE(text.find(c.message), std::string::npos) << c.filter << "\n" << text;
    EXPECT_NE(text.find(std::string(c.caret) + "\n"), std::string::npos) << c.filter << "\n" << text;
    EXPECT_NE(text.find("<filter>:1:"), std::string::npos) << text;
  }
}


// ------------------------------------------------------------ link types
// What follows the link header, and the direction and interface where it
// records them, per link type as libpcap's gencode.c reads them. (Where the
// layers themselves lie, e.g. what `ip` reads on each, is the code
// generator's; the differential test checks both against libpcap.)

std::string on(uint32_t link, const std::string& filter) { return Filtered(filter, link).text(); }

TEST(FilterLowering, EtherTypesOnEveryLinkType) {
  namespace p = protocols;
  EXPECT_EQ(on(p::kLinkTypeEthernet, "ether proto 0x8100"), "(eth.type == 33024)");
  EXPECT_EQ(on(p::kLinkTypeEthernet, "vlan and ether proto 0x800"), "(vlan && (vlan.type == 2048))");
  // A cooked header's protocol field (or C_HDLC's): the layer it names, or its value.
  for (uint32_t link : {p::kLinkTypeLinuxSll, p::kLinkTypeLinuxSll2, p::kLinkTypeCiscoHdlc}) {
    EXPECT_EQ(on(link, "ether proto 0x800"), "ip") << link;
    EXPECT_EQ(on(link, "ether proto \\arp"), "arp") << link;
    EXPECT_EQ(on(link, "ether proto 0x8100"), "(pkt.proto == 33024)") << link;
    EXPECT_EQ(on(link, "pppoed"), "(pkt.proto == 34915)") << link;
  }
  // No EtherType at all: IPv4 and IPv6 are told by the IP version or the
  // loopback family; anything else is false without reading a byte.
  for (uint32_t link : {p::kLinkTypeRaw, p::kLinkTypeIpv4, p::kLinkTypeIpv6, p::kLinkTypeNull, p::kLinkTypeLoop,
                        p::kLinkTypeSlip}) {
    EXPECT_EQ(on(link, "ether proto \\ip6"), "ip6") << link;
    EXPECT_EQ(on(link, "ether proto 0x8100"), "0") << link;
    EXPECT_EQ(on(link, "pppoed or ip"), "(0 || ip)") << link;
  }
  // Byte loads on `ether` and `link` start at the first byte of the frame.
  EXPECT_EQ(on(p::kLinkTypeRaw, "ether[0] & 0xf0 = 0x40"), "((link[0:1] & 240) == 64)");
  EXPECT_EQ(on(p::kLinkTypeLinuxSll2, "link[4:4] = 2"), "(link[4:4] == 2)");
}

TEST(FilterLowering, DirectionAndInterfaceWhereRecorded) {
  namespace p = protocols;
  // Linux cooked: the packet type PACKET_OUTGOING (4), 2 bytes at 0 in v1, 1 byte at 10 in v2.
  EXPECT_EQ(on(p::kLinkTypeLinuxSll, "outbound"), "(link[0:2] == 4)");
  EXPECT_EQ(on(p::kLinkTypeLinuxSll, "inbound and tcp"), "(!(link[0:2] == 4) && tcp)");
  EXPECT_EQ(on(p::kLinkTypeLinuxSll2, "outbound"), "(link[10:1] == 4)");
  EXPECT_EQ(on(p::kLinkTypeLinuxSll2, "inbound"), "!(link[10:1] == 4)");
  EXPECT_EQ(on(p::kLinkTypeLinuxSll2, "ifindex 3"), "(link[4:4] == 3)");
  // SLIP: the first byte of its header, 0 for a received packet.
  EXPECT_EQ(on(p::kLinkTypeSlip, "inbound"), "(link[0:1] == 0)");
  EXPECT_EQ(on(p::kLinkTypeSlip, "outbound"), "!(link[0:1] == 0)");
  // MPLS on Cisco HDLC as on Ethernet.
  EXPECT_EQ(on(p::kLinkTypeCiscoHdlc, "mpls 16"), "(mpls && (mpls.label == 16))");
}

struct LinkErrorCase {
  uint32_t link;
  const char* filter;
  const char* message;
  const char* caret;
};

TEST(FilterErrors, PrimitivesTheLinkTypeLacks) {
  namespace p = protocols;
  const LinkErrorCase cases[] = {
      {p::kLinkTypeRaw, "tcp and ether host 00:11:22:33:44:55",
       "'ether host' does not apply to RAW (Raw IP) captures: its packets have no Ethernet addresses",
       "      |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~"},
      {p::kLinkTypeLinuxSll, "vlan 10 and ip",
       "'vlan' does not apply to LINUX_SLL (Linux cooked v1) captures: libpcap filters VLAN tags on Ethernet only",
       "      | ^~~~~~~"},
      {p::kLinkTypeLinuxSll2, "udp or mpls",
       "'mpls' does not apply to LINUX_SLL2 (Linux cooked v2) captures: libpcap filters MPLS on Ethernet, Cisco HDLC "
       "and PPPoE only",
       "      |        ^~~~"},
      {p::kLinkTypeNull, "not broadcast", "'broadcast' does not apply to NULL (BSD loopback) captures",
       "      |     ^~~~~~~~~"},
      {p::kLinkTypeLoop, "ether multicast", "'ether multicast' does not apply to LOOP (OpenBSD loopback) captures",
       "      | ^~~~~~~~~~~~~~~"},
      {p::kLinkTypeIpv4, "inbound",
       "'inbound' does not apply to IPV4 (Raw IPv4) captures: its packets do not record their direction",
       "      | ^~~~~~~"},
      {p::kLinkTypeEthernet, "tcp and outbound", "'outbound' does not apply to EN10MB (Ethernet) captures",
       "      |         ^~~~~~~~"},
      {p::kLinkTypeLinuxSll, "ifindex 2",
       "'ifindex' does not apply to LINUX_SLL (Linux cooked v1) captures: its packets do not record their interface",
       "      | ^~~~~~~~~"},
      {p::kLinkTypeIpv6, "ether src 0:1:2:3:4:5", "'ether src' does not apply to IPV6 (Raw IPv6) captures",
       "      | ^~~~~~~~~~~~~~~~~~~~~"},
      {105, "tcp port 80", "capture filters do not read packets of link type 105", "      | ^~~~~~~~~~~"},
  };
  for (const auto& c : cases) {
    Filtered f(c.filter, c.link);
    EXPECT_EQ(f.expr, nullptr) << c.filter;
    std::string text = f.errors();
    EXPECT_NE(text.find(c.message), std::string::npos) << c.filter << "\n" << text;
    EXPECT_NE(text.find(std::string(c.caret) + "\n"), std::string::npos) << c.filter << "\n" << text;
    EXPECT_NE(text.find("hint: "), std::string::npos) << c.filter << "\n" << text;
  }
}

}  // namespace
}  // namespace stratoshark::lang
