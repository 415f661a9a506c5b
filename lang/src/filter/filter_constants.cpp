#include "filter/filter_constants.h"

#include <netdb.h>
#include <netinet/in.h>

#include <vector>

#include <fmt/format.h>

#include "stratoshark/lang/diagnostics.h"

namespace stratoshark::lang::filter {

namespace {

struct Named {
  std::string_view name;
  uint32_t value;
};

// Offsets and values from the TCP, ICMP and ICMPv6 specifications.
constexpr Named kConstants[] = {
    {"tcpflags", 13}, {"tcp-fin", 0x01}, {"tcp-syn", 0x02}, {"tcp-rst", 0x04}, {"tcp-push", 0x08},
    {"tcp-ack", 0x10}, {"tcp-urg", 0x20}, {"tcp-ece", 0x40}, {"tcp-cwr", 0x80},
    {"icmptype", 0}, {"icmpcode", 1},
    {"icmp-echoreply", 0}, {"icmp-unreach", 3}, {"icmp-sourcequench", 4}, {"icmp-redirect", 5},
    {"icmp-echo", 8}, {"icmp-routeradvert", 9}, {"icmp-routersolicit", 10}, {"icmp-timxceed", 11},
    {"icmp-paramprob", 12}, {"icmp-tstamp", 13}, {"icmp-tstampreply", 14}, {"icmp-ireq", 15},
    {"icmp-ireqreply", 16}, {"icmp-maskreq", 17}, {"icmp-maskreply", 18},
    {"icmp6type", 0}, {"icmp6code", 1},
    {"icmp6-destinationunreach", 1}, {"icmp6-packettoobig", 2}, {"icmp6-timeexceeded", 3},
    {"icmp6-parameterproblem", 4}, {"icmp6-echo", 128}, {"icmp6-echoreply", 129},
    {"icmp6-multicastlistenerquery", 130}, {"icmp6-multicastlistenerreportv1", 131},
    {"icmp6-multicastlistenerdone", 132}, {"icmp6-routersolicit", 133}, {"icmp6-routeradvert", 134},
    {"icmp6-neighborsolicit", 135}, {"icmp6-neighboradvert", 136}, {"icmp6-redirect", 137},
    {"icmp6-routerrenum", 138}, {"icmp6-nodeinformationquery", 139}, {"icmp6-nodeinformationresponse", 140},
    {"icmp6-ineighbordiscoverysolicit", 141}, {"icmp6-ineighbordiscoveryadvert", 142},
    {"icmp6-multicastlistenerreportv2", 143}, {"icmp6-homeagentdiscoveryrequest", 144},
    {"icmp6-homeagentdiscoveryreply", 145}, {"icmp6-mobileprefixsolicit", 146},
    {"icmp6-mobileprefixadvert", 147}, {"icmp6-certpathsolicit", 148}, {"icmp6-certpathadvert", 149},
    {"icmp6-multicastrouteradvert", 151}, {"icmp6-multicastroutersolicit", 152},
    {"icmp6-multicastrouterterm", 153},
};

constexpr Named kEtherTypes[] = {
    {"ip", 0x0800}, {"ip6", 0x86dd}, {"arp", 0x0806}, {"rarp", 0x8035}, {"atalk", 0x809b}, {"aarp", 0x80f3},
    {"decnet", 0x6003}, {"sca", 0x6007}, {"lat", 0x6004}, {"mopdl", 0x6001}, {"moprc", 0x6002},
    {"loopback", 0x9000}, {"vlan", 0x8100}, {"mpls", 0x8847}, {"pppoed", 0x8863}, {"pppoes", 0x8864},
};

}  // namespace

std::optional<uint32_t> named_constant(std::string_view name) {
  for (const auto& c : kConstants) {
    if (c.name == name) return c.value;
  }
  return std::nullopt;
}

std::string named_constant_hint(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& c : kConstants) names.emplace_back(c.name);
  std::string best = closest_match(std::string(name), names);
  return best.empty() ? std::string() : fmt::format("did you mean '{}'?", best);
}

std::optional<uint16_t> ether_type_by_name(std::string_view name) {
  for (const auto& c : kEtherTypes) {
    if (c.name == name) return static_cast<uint16_t>(c.value);
  }
  return std::nullopt;
}

std::optional<uint8_t> ip_protocol_by_name(std::string_view name) {
  std::string n(name);
  if (const protoent* p = getprotobyname(n.c_str())) return static_cast<uint8_t>(p->p_proto);
  return std::nullopt;
}

std::optional<ServicePort> service_port(std::string_view name) {
  std::string n(name);
  ServicePort sp;
  int tcp_port = -1;
  int udp_port = -1;
  if (const servent* s = getservbyname(n.c_str(), "tcp")) tcp_port = ntohs(static_cast<uint16_t>(s->s_port));
  if (const servent* s = getservbyname(n.c_str(), "udp")) udp_port = ntohs(static_cast<uint16_t>(s->s_port));
  if (tcp_port < 0 && udp_port < 0) return std::nullopt;
  // As libpcap: TCP's number wins when both exist.
  sp.port = static_cast<uint16_t>(tcp_port >= 0 ? tcp_port : udp_port);
  sp.tcp = tcp_port >= 0;
  sp.udp = udp_port >= 0 && (tcp_port < 0 || udp_port == tcp_port);
  if (tcp_port >= 0 && udp_port >= 0 && udp_port != tcp_port) sp.udp = false;
  return sp;
}

}  // namespace stratoshark::lang::filter
