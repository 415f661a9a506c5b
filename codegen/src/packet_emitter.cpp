#include "packet_emitter.h"

#include <linux/if_ether.h>

#include <algorithm>

#include "event_emitter.h"

namespace stratoshark::codegen {

using namespace lang;
namespace pr = protocols;

namespace {

// Bytes of the EventHeader plus runtime::PacketEventHeader before the packet data.
constexpr uint32_t kPacketHeaderBytes = sizeof(runtime::EventHeader) + sizeof(runtime::PacketEventHeader);

struct TransportNumber {
  pr::ProtocolId id;
  uint8_t number;
  bool ipv6;  // also behind IPv6
};
constexpr TransportNumber kTransports[] = {
    {pr::ProtocolId::Tcp, pr::kIpProtoTcp, true},     {pr::ProtocolId::Udp, pr::kIpProtoUdp, true},
    {pr::ProtocolId::Sctp, pr::kIpProtoSctp, true},   {pr::ProtocolId::Icmp, pr::kIpProtoIcmp, false},
    {pr::ProtocolId::Icmp6, pr::kIpProtoIcmp6, true},
};

const TransportNumber* transport_number(pr::ProtocolId id) {
  for (const auto& t : kTransports) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace

PacketEmitter::PacketEmitter(ProgramEmitter& e, ProgramType type, bool replay, const pr::CaptureLink& link,
                             std::optional<TcTwin> twin)
    : e_(e), access_(e, type, replay, twin), link_(link_layer_of(link)), big_endian_(link.big_endian) {
  rejects_.push_back(e_.return_block());
}

const pr::LinkLayer& PacketEmitter::link_layer_of(const pr::CaptureLink& link) {
  const pr::LinkLayer* l = pr::find_link_layer(link.link_type);
  return l != nullptr ? *l : pr::ethernet_link();  // codegen::generate() refuses other link types first
}

// ----------------------------------------------------------- link layer

uint32_t PacketEmitter::link_type_offset(const Encapsulation& e) const { return link_.next_offset + 4u * e.vlan_tags; }
uint32_t PacketEmitter::payload_start(const Encapsulation& e) const { return link_.payload + 4u * e.vlan_tags; }
uint32_t PacketEmitter::network_start(const Encapsulation& e) const {
  return payload_start(e) + (e.pppoe ? 8u : 0u) + 4u * e.mpls_labels;
}
uint32_t PacketEmitter::ppp_proto_offset(const Encapsulation& e) const { return payload_start(e) + 6u; }

uint64_t PacketEmitter::family(uint32_t value) const {
  // Host-order families (NULL) are in the byte order of the file; loads are big-endian.
  return link_.host_order && !big_endian_ ? __builtin_bswap32(value) : value;
}

llvm::Value* PacketEmitter::family_is_inet6(llvm::Value* word) {
  auto& b = e_.b();
  llvm::Value* any = b.getFalse();
  for (uint32_t f : pr::kFamilyInet6) any = b.CreateOr(any, b.CreateICmpEQ(word, e_.i64(family(f))));
  return any;
}

// ------------------------------------------------------------ primitives

void PacketEmitter::reject_unless(llvm::Value* ok) {
  auto* next = llvm::BasicBlock::Create(e_.llvm_context(), "pkt.ok", e_.function());
  e_.b().CreateCondBr(ok, next, rejects_.back());
  e_.b().SetInsertPoint(next);
}

llvm::Value* PacketEmitter::load_bytes(llvm::Value* offset, unsigned size) {
  auto& b = e_.b();
  if (size == 6) {  // MAC addresses: 4 + 2 bytes
    llvm::Value* high = load_bytes(offset, 4);
    llvm::Value* low = load_bytes(b.CreateAdd(offset, e_.i64(4)), 2);
    return b.CreateOr(b.CreateShl(high, 16), low);
  }
  return access_.read(offset, size, rejects_.back());
}

llvm::Value* PacketEmitter::both(const std::function<llvm::Value*()>& first, const std::function<llvm::Value*()>& second) {
  llvm::Value* result = e_.temporary();
  e_.b().CreateStore(e_.i64(0), result);
  e_.if_then(first(), [&] { e_.b().CreateStore(e_.b().CreateZExt(second(), e_.i64_type()), result); });
  return e_.is_true(e_.b().CreateLoad(e_.i64_type(), result));
}

llvm::Value* PacketEmitter::either(const std::function<llvm::Value*()>& first, const std::function<llvm::Value*()>& second) {
  llvm::Value* result = e_.temporary();
  e_.b().CreateStore(e_.i64(1), result);
  e_.if_then(e_.b().CreateNot(first()), [&] { e_.b().CreateStore(e_.b().CreateZExt(second(), e_.i64_type()), result); });
  return e_.is_true(e_.b().CreateLoad(e_.i64_type(), result));
}

llvm::Value* PacketEmitter::wire_length() { return access_.wire_length(); }

// ---------------------------------------------------------------- layers

llvm::Value* PacketEmitter::is_network(const Encapsulation& encap, bool v6) {
  auto& b = e_.b();
  uint32_t ns = network_start(encap);
  if (encap.mpls_labels > 0) {
    // Bottom of the label stack, then the IP version nibble.
    return both([&] { return b.CreateICmpEQ(b.CreateAnd(load_at(ns - 2, 1), e_.i64(1)), e_.i64(1)); },
                [&] { return b.CreateICmpEQ(b.CreateAnd(load_at(ns, 1), e_.i64(0xf0)), e_.i64(v6 ? 0x60 : 0x40)); });
  }
  if (encap.pppoe) return b.CreateICmpEQ(load_at(ppp_proto_offset(encap), 2), e_.i64(v6 ? pr::kPppIpv6 : pr::kPppIpv4));
  return link_type_is(encap, v6 ? pr::kEtherTypeIpv6 : pr::kEtherTypeIpv4);
}

llvm::Value* PacketEmitter::link_type_is(const Encapsulation& encap, uint16_t value) {
  auto& b = e_.b();
  // As libpcap's gen_linktype: a field compare where the link header has an
  // EtherType; otherwise only IPv4 and IPv6 can be told, and other values
  // are false without reading anything.
  switch (link_.next) {
    case pr::LinkNext::EtherType:
      return access_.equals(link_type_offset(encap), 2, value, rejects_.back());
    case pr::LinkNext::IpVersion: {
      if (value != pr::kEtherTypeIpv4 && value != pr::kEtherTypeIpv6) return b.getFalse();
      llvm::Value* version = b.CreateAnd(load_at(link_.next_offset, 1), e_.i64(0xf0));
      return b.CreateICmpEQ(version, e_.i64(value == pr::kEtherTypeIpv4 ? 0x40 : 0x60));
    }
    case pr::LinkNext::Ipv4: return value == pr::kEtherTypeIpv4 ? b.getTrue() : b.getFalse();
    case pr::LinkNext::Ipv6: return value == pr::kEtherTypeIpv6 ? b.getTrue() : b.getFalse();
    case pr::LinkNext::Family: {
      if (value != pr::kEtherTypeIpv4 && value != pr::kEtherTypeIpv6) return b.getFalse();
      llvm::Value* word = load_at(link_.next_offset, 4);
      if (value == pr::kEtherTypeIpv4) return b.CreateICmpEQ(word, e_.i64(family(pr::kFamilyInet)));
      return family_is_inet6(word);
    }
  }
  return b.getFalse();
}

llvm::Value* PacketEmitter::link_protocol() {
  auto& b = e_.b();
  auto pick = [&](llvm::Value* v4, llvm::Value* v6) {
    return b.CreateSelect(v4, e_.i64(pr::kEtherTypeIpv4), b.CreateSelect(v6, e_.i64(pr::kEtherTypeIpv6), e_.i64(0)));
  };
  switch (link_.next) {
    case pr::LinkNext::EtherType: return load_at(link_.next_offset, 2);
    case pr::LinkNext::IpVersion: {
      llvm::Value* version = b.CreateLShr(load_at(link_.next_offset, 1), e_.i64(4));
      return pick(b.CreateICmpEQ(version, e_.i64(4)), b.CreateICmpEQ(version, e_.i64(6)));
    }
    case pr::LinkNext::Ipv4: return e_.i64(pr::kEtherTypeIpv4);
    case pr::LinkNext::Ipv6: return e_.i64(pr::kEtherTypeIpv6);
    case pr::LinkNext::Family: {
      llvm::Value* word = load_at(link_.next_offset, 4);
      return pick(b.CreateICmpEQ(word, e_.i64(family(pr::kFamilyInet))), family_is_inet6(word));
    }
  }
  return e_.i64(0);
}

llvm::Value* PacketEmitter::ipv4_payload(const Encapsulation& encap) {
  auto& b = e_.b();
  uint32_t ns = network_start(encap);
  llvm::Value* words = b.CreateAnd(load_at(ns, 1), e_.i64(0xf));
  return b.CreateAdd(e_.i64(ns), b.CreateShl(words, 2));
}

PacketEmitter::Transport PacketEmitter::transport(uint8_t ip_proto, bool ipv6_too, const Encapsulation& encap) {
  auto& b = e_.b();
  uint32_t ns = network_start(encap);
  llvm::Value* present = e_.temporary();
  llvm::Value* start = e_.temporary();
  b.CreateStore(e_.i64(0), present);
  b.CreateStore(e_.i64(0), start);
  auto found = [&](llvm::Value* where) {
    b.CreateStore(e_.i64(1), present);
    b.CreateStore(where, start);
  };
  e_.if_then(
      is_network(encap, false),
      [&] {
        e_.if_then(b.CreateICmpEQ(load_at(ns + 9, 1), e_.i64(ip_proto)), [&] { found(ipv4_payload(encap)); });
      },
      [&] {
        if (!ipv6_too) return;
        e_.if_then(is_network(encap, true), [&] {
          llvm::Value* next = load_at(ns + 6, 1);
          e_.if_then(
              b.CreateICmpEQ(next, e_.i64(ip_proto)), [&] { found(e_.i64(ns + 40)); },
              [&] {
                // One fragment header between IPv6 and the transport, as libpcap allows.
                e_.if_then(b.CreateICmpEQ(next, e_.i64(pr::kIp6Fragment)), [&] {
                  e_.if_then(b.CreateICmpEQ(load_at(ns + 40, 1), e_.i64(ip_proto)), [&] { found(e_.i64(ns + 48)); });
                });
              });
        });
      });
  return {e_.is_true(b.CreateLoad(e_.i64_type(), present)), b.CreateLoad(e_.i64_type(), start)};
}

llvm::Value* PacketEmitter::present(const pr::Protocol& p, const Encapsulation& encap) {
  auto& b = e_.b();
  auto link_type_is = [&](uint16_t v) { return this->link_type_is(encap, v); };
  switch (p.id) {
    case pr::ProtocolId::Eth:
    case pr::ProtocolId::Sll:
    case pr::ProtocolId::Sll2:
      return link_.header == &p ? b.getTrue() : b.getFalse();
    case pr::ProtocolId::Vlan: {
      if (encap.pppoe || encap.mpls_labels > 0 || !link_.vlan) return b.getFalse();
      llvm::Value* any = link_type_is(pr::kEtherTypeVlan);
      any = b.CreateOr(any, link_type_is(pr::kEtherTypeQinQ));
      return b.CreateOr(any, link_type_is(pr::kEtherTypeQinQOld));
    }
    case pr::ProtocolId::Pppoe: return link_type_is(pr::kEtherTypePppoeSession);
    case pr::ProtocolId::Mpls:
      if (encap.mpls_labels > 0) {
        // Another label follows when the previous one is not the bottom of the stack.
        return b.CreateICmpEQ(b.CreateAnd(load_at(network_start(encap) - 2, 1), e_.i64(1)), e_.i64(0));
      }
      if (encap.pppoe) return b.CreateICmpEQ(load_at(ppp_proto_offset(encap), 2), e_.i64(pr::kPppMpls));
      return link_type_is(pr::kEtherTypeMpls);
    case pr::ProtocolId::Arp: return link_type_is(pr::kEtherTypeArp);
    case pr::ProtocolId::Rarp: return link_type_is(pr::kEtherTypeRarp);
    case pr::ProtocolId::Ip: return is_network(encap, false);
    case pr::ProtocolId::Ip6: return is_network(encap, true);
    default: {
      const TransportNumber* t = transport_number(p.id);
      return transport(t->number, t->ipv6, encap).present;
    }
  }
}

llvm::Value* PacketEmitter::start(const pr::Protocol& p, const Encapsulation& encap) {
  switch (p.id) {
    case pr::ProtocolId::Eth:
    case pr::ProtocolId::Sll:
    case pr::ProtocolId::Sll2:
      reject_unless(present(p, encap));
      return e_.i64(0);
    case pr::ProtocolId::Vlan:
    case pr::ProtocolId::Pppoe:
      reject_unless(present(p, encap));
      return e_.i64(payload_start(encap));
    case pr::ProtocolId::Mpls:
    case pr::ProtocolId::Arp:
    case pr::ProtocolId::Rarp:
    case pr::ProtocolId::Ip:
    case pr::ProtocolId::Ip6:
      reject_unless(present(p, encap));
      return e_.i64(network_start(encap));
    default: {
      const TransportNumber* t = transport_number(p.id);
      Transport found = transport(t->number, t->ipv6, encap);
      reject_unless(found.present);
      return found.start;
    }
  }
}

Val PacketEmitter::layer(const PacketRef& ref) {
  return {e_.b().CreateZExt(present(*ref.protocol, ref.encap), e_.i64_type()), Type::u64()};
}

Val PacketEmitter::field(const PacketRef& ref) {
  auto& b = e_.b();
  if (ref.protocol == nullptr) {
    if (ref.meta == "len") return {wire_length(), Type::u32()};
    if (ref.meta == "ifindex") return {access_.ifindex(), Type::u32()};
    // pkt.proto: the frame's EtherType (0x8100 for a tagged frame, as on the wire).
    return {link_protocol(), Type::integer(16, false)};
  }
  const pr::Field& f = *ref.field;
  llvm::Value* where = b.CreateAdd(start(*ref.protocol, ref.encap), e_.i64(f.offset));
  if (f.size == 16) {  // IPv6 addresses (the IPv6 header starts at a constant offset): bytes in network order
    llvm::Value* address = e_.buffer(16, false);
    access_.read_into(llvm::cast<llvm::ConstantInt>(where)->getZExtValue(), 16, address, rejects_.back());
    return {address, Type::address(16)};
  }
  llvm::Value* v = load_bytes(where, f.size);
  if (f.shift) v = b.CreateLShr(v, f.shift);
  if (f.mask) v = b.CreateAnd(v, e_.i64(f.mask));
  Type t = f.size == 1 ? Type::integer(8, false) : f.size == 2 ? Type::integer(16, false)
                                                               : f.size == 4 ? Type::u32() : Type::u64();
  return {v, t};
}

Val PacketEmitter::load(const PacketLoad& l) {
  auto& b = e_.b();
  Val offset = e_.expr(*l.offset);
  llvm::Value* base = nullptr;
  const std::string& n = l.layer;
  if (n == "link") {
    base = e_.i64(0);
  } else if (n == "ip" || n == "ip6" || n == "arp" || n == "rarp") {
    base = e_.i64(network_start(l.encap));
  } else if (n == "icmp6") {
    base = e_.i64(network_start(l.encap) + 40);
  } else {
    base = ipv4_payload(l.encap);  // transport headers behind IPv4
  }
  // Offsets are unsigned 32-bit; anything past 64 KiB is out of every packet.
  llvm::Value* at = b.CreateAdd(base, offset.v);
  reject_unless(b.CreateICmpULE(at, e_.i64(0xffff)));
  return {load_bytes(at, l.size), Type::integer(static_cast<uint8_t>(l.size * 8), false)};
}

Val PacketEmitter::address_match(const AddressMatch& m, const PacketRef& ref) {
  auto& b = e_.b();
  llvm::Value* base = b.CreateAdd(start(*ref.protocol, ref.encap), e_.i64(ref.field->offset));
  llvm::Value* result = e_.temporary();
  b.CreateStore(e_.i64(0), result);
  auto* done = llvm::BasicBlock::Create(e_.llvm_context(), "addr.done", e_.function());
  // 32 bits at a time, stopping at the first difference, like libpcap.
  for (unsigned word = 0; word < 4 && word * 32 < m.prefix; ++word) {
    unsigned bits = std::min<unsigned>(32, m.prefix - word * 32);
    uint32_t mask = bits == 32 ? 0xffffffffu : ~(0xffffffffu >> bits);
    uint32_t want = 0;
    for (unsigned i = 0; i < 4; ++i) want = want << 8 | m.address[word * 4 + i];
    llvm::Value* v = b.CreateAnd(load_bytes(b.CreateAdd(base, e_.i64(word * 4)), 4), e_.i64(mask));
    auto* next = llvm::BasicBlock::Create(e_.llvm_context(), "addr.next", e_.function());
    b.CreateCondBr(b.CreateICmpEQ(v, e_.i64(want & mask)), next, done);
    b.SetInsertPoint(next);
  }
  b.CreateStore(e_.i64(1), result);
  b.CreateBr(done);
  b.SetInsertPoint(done);
  return {b.CreateLoad(e_.i64_type(), result), Type::u64()};
}

Val PacketEmitter::protochain(const ProtoChain& c) {
  auto& b = e_.b();
  auto& ctx = e_.llvm_context();
  constexpr unsigned kMaxHeaders = 128;
  uint32_t ns = network_start(c.encap);
  llvm::Value* proto = e_.temporary();
  llvm::Value* offset = e_.temporary();  // from the IP header to the current one
  llvm::Value* steps = e_.temporary();
  llvm::Value* result = e_.temporary();
  b.CreateStore(load_at(ns + (c.ipv6 ? 6 : 9), 1), proto);
  b.CreateStore(c.ipv6 ? e_.i64(40) : b.CreateShl(b.CreateAnd(load_at(ns, 1), e_.i64(0xf)), 2), offset);
  b.CreateStore(e_.i64(0), steps);
  b.CreateStore(e_.i64(0), result);
  auto* loop = llvm::BasicBlock::Create(ctx, "chain.loop", e_.function());
  auto* done = llvm::BasicBlock::Create(ctx, "chain.done", e_.function());
  b.CreateBr(loop);
  b.SetInsertPoint(loop);
  llvm::Value* p = b.CreateLoad(e_.i64_type(), proto);
  llvm::Value* n = b.CreateLoad(e_.i64_type(), steps);
  auto exit_if = [&](llvm::Value* cond, bool found) {
    auto* next = llvm::BasicBlock::Create(ctx, "chain.next", e_.function());
    auto* leave = llvm::BasicBlock::Create(ctx, "chain.leave", e_.function());
    b.CreateCondBr(cond, leave, next);
    b.SetInsertPoint(leave);
    if (found) b.CreateStore(e_.i64(1), result);
    b.CreateBr(done);
    b.SetInsertPoint(next);
  };
  exit_if(b.CreateICmpUGE(n, e_.i64(kMaxHeaders)), false);
  exit_if(b.CreateICmpEQ(p, e_.i64(c.protocol)), true);
  exit_if(b.CreateICmpEQ(p, e_.i64(pr::kIp6NoNext)), false);
  // Step over one header: its first byte names the next one, its second is its length.
  auto step = [&](bool ah) {
    llvm::Value* at = b.CreateAdd(e_.i64(ns), b.CreateLoad(e_.i64_type(), offset));
    // Both bytes at once, through the helpers: an offset carried around the loop.
    llvm::Value* both_bytes = access_.read_through_helper(at, 2, ns, rejects_.back());
    llvm::Value* next = b.CreateLShr(both_bytes, 8);
    llvm::Value* length = b.CreateAnd(both_bytes, e_.i64(0xff));
    llvm::Value* moved;
    if (ah) {
      // libpcap 1.10 sets the offset to the AH header's length rather than
      // adding it; kept as is so that answers agree.
      moved = b.CreateShl(b.CreateAdd(length, e_.i64(2)), 2);
    } else {
      moved = b.CreateAdd(b.CreateLoad(e_.i64_type(), offset), b.CreateShl(b.CreateAdd(length, e_.i64(1)), 3));
    }
    b.CreateStore(moved, offset);
    b.CreateStore(next, proto);
    b.CreateStore(b.CreateAdd(n, e_.i64(1)), steps);
    b.CreateBr(loop);
  };
  if (c.ipv6) {
    llvm::Value* ext = b.CreateICmpEQ(p, e_.i64(pr::kIp6HopByHop));
    ext = b.CreateOr(ext, b.CreateICmpEQ(p, e_.i64(pr::kIp6DestOpts)));
    ext = b.CreateOr(ext, b.CreateICmpEQ(p, e_.i64(pr::kIp6Routing)));
    ext = b.CreateOr(ext, b.CreateICmpEQ(p, e_.i64(pr::kIp6Fragment)));
    auto* ext_block = llvm::BasicBlock::Create(ctx, "chain.ext", e_.function());
    auto* other = llvm::BasicBlock::Create(ctx, "chain.other", e_.function());
    b.CreateCondBr(ext, ext_block, other);
    b.SetInsertPoint(ext_block);
    step(false);
    b.SetInsertPoint(other);
  }
  auto* ah_block = llvm::BasicBlock::Create(ctx, "chain.ah", e_.function());
  b.CreateCondBr(b.CreateICmpEQ(p, e_.i64(pr::kIp6Ah)), ah_block, done);
  b.SetInsertPoint(ah_block);
  step(true);
  b.SetInsertPoint(done);
  return {b.CreateLoad(e_.i64_type(), result), Type::u64()};
}

Val PacketEmitter::filter(const Expr& expr) {
  auto& b = e_.b();
  llvm::Value* result = e_.temporary();
  b.CreateStore(e_.i64(0), result);
  auto* reject = llvm::BasicBlock::Create(e_.llvm_context(), "filter.reject", e_.function());
  auto* done = llvm::BasicBlock::Create(e_.llvm_context(), "filter.done", e_.function());
  rejects_.push_back(reject);
  Val v = e_.expr(expr);
  b.CreateStore(b.CreateZExt(e_.is_true(v.v), e_.i64_type()), result);
  b.CreateBr(done);
  rejects_.pop_back();
  b.SetInsertPoint(reject);
  b.CreateBr(done);
  b.SetInsertPoint(done);
  return {b.CreateLoad(e_.i64_type(), result), Type::u64()};
}

void PacketEmitter::capture(uint32_t probe_id, uint32_t snaplen, llvm::GlobalVariable* scratch) {
  auto& b = e_.b();
  llvm::Value* key = e_.buffer(4, false);
  llvm::Value* cpu = e_.call_helper(BPF_FUNC_get_smp_processor_id, e_.i64_type(), {});
  b.CreateStore(b.CreateTrunc(cpu, b.getInt32Ty()), key);
  llvm::Value* record = e_.call_helper(BPF_FUNC_map_lookup_elem, e_.ptr_type(), {scratch, key});
  e_.if_then(
      b.CreateIsNotNull(record),
      [&] {
        // The event holds at most snaplen bytes of the packet (and a perf record at most 64 KB).
        uint32_t keep = std::min<uint32_t>(snaplen, max_event_size(e_) - kPacketHeaderBytes);
        llvm::Value* available = access_.captured_length();
        llvm::Value* n = b.CreateSelect(b.CreateICmpUGT(available, e_.i64(keep)), e_.i64(keep), available);
        auto store32 = [&](llvm::Value* v, uint32_t offset) {
          b.CreateAlignedStore(b.CreateTrunc(v, b.getInt32Ty()), e_.at_offset(record, offset), llvm::MaybeAlign(4));
        };
        store32(e_.i64(static_cast<uint32_t>(runtime::EventType::Packet)), 0);
        store32(e_.i64(probe_id), 4);
        b.CreateAlignedStore(e_.call_helper(BPF_FUNC_ktime_get_ns, e_.i64_type(), {}), e_.at_offset(record, 8),
                             llvm::MaybeAlign(8));
        store32(access_.wire_length(), 16);
        store32(n, 20);
        store32(access_.ifindex(), 24);
        store32(e_.i64(0), 28);
        llvm::Value* copied = access_.copy_frame(e_.at_offset(record, kPacketHeaderBytes), n);
        e_.if_then(b.CreateNot(copied), [&] { store32(e_.i64(0), 20); });
        output_event(e_, record, b.CreateAdd(b.CreateSelect(copied, n, e_.i64(0)), e_.i64(kPacketHeaderBytes)));
      },
      [&] { e_.count_dropped_event(); });
}

}  // namespace stratoshark::codegen
