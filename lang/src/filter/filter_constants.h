// Named values of the capture-filter language: the constants usable in
// arithmetic (tcpflags, tcp-syn, icmptype, icmp-echo, ...), EtherType names
// (ether proto \arp), and IP protocol and port names, which come from the
// system's databases (/etc/protocols, /etc/services) exactly as libpcap's do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stratoshark::lang::filter {

std::optional<uint32_t> named_constant(std::string_view name);
// A "did you mean" hint for a word that is close to a named constant, or "".
std::string named_constant_hint(std::string_view name);
std::optional<uint16_t> ether_type_by_name(std::string_view name);
std::optional<uint8_t> ip_protocol_by_name(std::string_view name);

// Port of a service name: looked up for TCP and UDP like libpcap. `tcp` and
// `udp` tell which of the two define it (both when they agree on the number).
struct ServicePort {
  uint16_t port = 0;
  bool tcp = false;
  bool udp = false;
};
std::optional<ServicePort> service_port(std::string_view name);

}  // namespace stratoshark::lang::filter
