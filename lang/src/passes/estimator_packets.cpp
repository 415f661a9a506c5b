// Estimator: packet access (codegen/src/packet_emitter.cpp).
#include <algorithm>

#include "estimator.h"

namespace stratoshark::lang::cost {

void Estimator::packet_load() {
  packet_used_ = true;
  e_.instructions += kPacketLoad;
  e_.branches += kPacketLoadBranches;
  pending_ += 1;  // the load's result test
}

// The EtherType (or PPP protocol, or MPLS bottom and version) test.
void Estimator::is_network(const Encapsulation& encap) {
  packet_load();
  e_.instructions += 3;
  e_.branches += 1;
  if (encap.mpls_labels > 0) {
    buffer(8, false);
    packet_load();
    e_.instructions += 10;
    e_.branches += 2;
  }
}

void Estimator::present(const pr::Protocol& p, const Encapsulation& encap) {
  switch (p.id) {
    case pr::ProtocolId::Eth:
    case pr::ProtocolId::Sll:
    case pr::ProtocolId::Sll2:
      e_.instructions += 1;  // the link header: there or not, known when compiling
      return;
    case pr::ProtocolId::Vlan:
    case pr::ProtocolId::Mpls:
    case pr::ProtocolId::Pppoe:
    case pr::ProtocolId::Arp:
    case pr::ProtocolId::Rarp:
      packet_load();
      e_.instructions += 7;
      e_.branches += 1;
      return;
    case pr::ProtocolId::Ip:
    case pr::ProtocolId::Ip6:
      is_network(encap);
      return;
    case pr::ProtocolId::Icmp:
      // IPv4 only: the protocol byte and the header length; two result slots.
      buffer(8, false);
      buffer(8, false);
      is_network(encap);
      for (int i = 0; i < 2; ++i) packet_load();
      e_.instructions += 14;
      e_.branches += 2;
      return;
    default:
      // IPv4 and its protocol, or IPv6, its next header and one fragment
      // header; two result slots.
      buffer(8, false);
      buffer(8, false);
      is_network(encap);
      is_network(encap);
      for (int i = 0; i < 4; ++i) packet_load();
      e_.instructions += 30;
      e_.branches += 5;
      return;
  }
}

void Estimator::start(const pr::Protocol& p, const Encapsulation& encap) {
  present(p, encap);
  e_.instructions += 2;
  e_.branches += 1;
}

void Estimator::packet_field(const PacketRef& ref) {
  if (ref.protocol == nullptr) {  // pkt.len, pkt.ifindex, pkt.proto
    e_.instructions += 6;
    return;
  }
  if (ref.field == nullptr) {  // a layer: presence
    present(*ref.protocol, ref.encap);
    e_.instructions += 2;
    return;
  }
  start(*ref.protocol, ref.encap);
  if (ref.field->size == 16) buffer(16, false);
  packet_load();
  if (ref.field->size == 6) packet_load();
  e_.instructions += 6;
}

}  // namespace stratoshark::lang::cost
