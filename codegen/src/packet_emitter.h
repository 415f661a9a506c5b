// PacketEmitter: packet access in network programs (socket filter, tc, xdp).
//
// Finds layers (where a header starts, whether the packet has it) with the
// logic of libpcap's filters, and reads fields and bytes big-endian through
// one bounds-checked primitive (PacketAccess, packet_access.h: the frame as
// on the wire, VLAN tag included). Header layouts come from the protocol
// table, and so does the link layer (protocols::LinkLayer: where the network
// layer starts and how the link header names it), Ethernet for live probes,
// the file's link type on replay.
//
// Out of bounds and absent layers: every read that falls outside the captured
// bytes, and every field of a layer the packet lacks, branches to the current
// reject target: by default the end of the probe's run (the rest of the body
// is skipped, the packet does not match the predicate); inside filter() the
// filter's answer, false. That is libpcap's rule for truncated packets.
#pragma once

#include <vector>

#include "packet_access.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

class PacketEmitter {
 public:
  // Built at the start of the probe body (see PacketAccess).
  PacketEmitter(ProgramEmitter& e, lang::ProgramType type, bool replay, const protocols::CaptureLink& link,
                std::optional<TcTwin> twin);

  // Layer presence (i64 0/1), header fields, metadata, loads, address matches.
  Val layer(const lang::PacketRef& ref);
  Val field(const lang::PacketRef& ref);
  Val load(const lang::PacketLoad& load);
  Val address_match(const lang::AddressMatch& match, const lang::PacketRef& field);
  Val protochain(const lang::ProtoChain& chain);

  // Evaluates a lowered capture filter: 1 when it matches, 0 when it does not
  // or when it reads past the captured bytes.
  Val filter(const lang::Expr& e);
  // Sends the packet (up to `snaplen` bytes) to user space through the event ring buffer.
  void capture(uint32_t probe_id, uint32_t snaplen, llvm::GlobalVariable* scratch);

  llvm::Value* wire_length();  // i64
  // The probe's predicate has passed (or it has none): its body starts.
  void body_starts() { access_.body_starts(); }

 private:
  llvm::Value* load_bytes(llvm::Value* offset, unsigned size);  // i64, big-endian; rejects when out of bounds
  llvm::Value* load_at(uint64_t offset, unsigned size) { return load_bytes(e_.i64(offset), size); }
  void reject_unless(llvm::Value* ok);  // i1
  // Runs `second` only when `first` is true: short-circuit and of two i1 conditions.
  llvm::Value* both(const std::function<llvm::Value*()>& first, const std::function<llvm::Value*()>& second);
  llvm::Value* either(const std::function<llvm::Value*()>& first, const std::function<llvm::Value*()>& second);

  static const protocols::LinkLayer& link_layer_of(const protocols::CaptureLink& link);
  // Offsets behind the link header (and the VLAN tags of `encap`): its
  // EtherType-like field, its payload, the network layer, a PPP protocol.
  uint32_t link_type_offset(const lang::Encapsulation& e) const;
  uint32_t payload_start(const lang::Encapsulation& e) const;
  uint32_t network_start(const lang::Encapsulation& e) const;
  uint32_t ppp_proto_offset(const lang::Encapsulation& e) const;
  // A loopback family as its 4 bytes read big-endian.
  uint64_t family(uint32_t value) const;
  llvm::Value* family_is_inet6(llvm::Value* word);  // i1

  llvm::Value* is_network(const lang::Encapsulation& encap, bool v6);
  // Whether what follows the link header is `value` (an EtherType), as libpcap tests it per link type.
  llvm::Value* link_type_is(const lang::Encapsulation& encap, uint16_t value);  // i1
  // pkt.proto: the EtherType the link header names (i64; 0 when it names none).
  llvm::Value* link_protocol();
  llvm::Value* present(const protocols::Protocol& p, const lang::Encapsulation& encap);  // i1
  // Where the header of `p` starts; rejects when the packet does not have it.
  llvm::Value* start(const protocols::Protocol& p, const lang::Encapsulation& encap);
  struct Transport {
    llvm::Value* present;  // i1
    llvm::Value* start;    // i64
  };
  Transport transport(uint8_t ip_proto, bool ipv6_too, const lang::Encapsulation& encap);
  llvm::Value* ipv4_payload(const lang::Encapsulation& encap);  // IPv4 header start + its length

  ProgramEmitter& e_;
  PacketAccess access_;
  const protocols::LinkLayer& link_;
  bool big_endian_;  // the file's byte order (NULL's family)
  std::vector<llvm::BasicBlock*> rejects_;
};

}  // namespace stratoshark::codegen
