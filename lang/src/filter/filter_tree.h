// The capture-filter syntax tree: what FilterParser produces and
// FilterLowering turns into language AST nodes. Private to lang/src/filter.
//
// Qualifier inheritance (`host a or b`, `port 80 or 443`) is resolved by the
// parser: every Primitive carries its full qualifiers. What a primitive means
// (which headers, which fields) is only decided by the lowering.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stratoshark/lang/source.h"

namespace stratoshark::lang::filter {

// Protocol qualifiers and protocol keywords.
enum class Proto : uint8_t {
  Default, Link, Ip, Ip6, Arp, Rarp, Tcp, Udp, Sctp, Icmp, Icmp6, Igmp, Igrp, Pim, Vrrp, Carp, Ah, Esp,
};
enum class Dir : uint8_t { Default, Src, Dst, SrcOrDst, SrcAndDst };
enum class Addr : uint8_t { Default, Host, Net, Port, PortRange, Proto, ProtoChain, Gateway };

const char* proto_name(Proto p);

struct Qualifiers {
  Proto proto = Proto::Default;
  Dir dir = Dir::Default;
  Addr addr = Addr::Default;
  bool usable = true;  // false after a term that has no qualifiers to pass on (`tcp or 80`)
  SourceRange where;   // the qualifier words
};

// A value after qualifiers, as written.
struct Value {
  enum class Kind : uint8_t { Number, Ipv4, Ipv6, Mac, Name, Range } kind = Kind::Number;
  SourceRange loc;
  std::string text;      // as written (names, ranges)
  uint32_t number = 0;   // Number; Ipv4 (host order)
  int ipv4_parts = 4;    // Ipv4: how many dotted parts were written
  std::array<uint8_t, 16> ipv6{};
  uint64_t mac = 0;      // 48 bits
  bool escaped = false;  // written \name (a keyword used as a name)
  // Net masks: "net A/len" or "net A mask M".
  enum class Mask : uint8_t { None, Prefix, Netmask } mask = Mask::None;
  uint32_t prefix = 0;
  uint32_t netmask = 0;
  SourceRange mask_loc;
};

struct Arith;
using ArithPtr = std::unique_ptr<Arith>;

// Arithmetic of relations: unsigned 32-bit, as in libpcap.
struct Arith {
  enum class Kind : uint8_t { Number, Len, Load, Binary, Neg } kind = Kind::Number;
  SourceRange loc;
  uint32_t number = 0;
  // Load: proto[offset:size]
  Proto proto = Proto::Default;
  std::string proto_word;  // as written: ether, link, ip, tcp, ...
  uint8_t size = 1;
  char op = 0;    // Binary: + - * / % & | ^ < (<<) > (>>)
  ArithPtr lhs;   // Binary; Load offset; Neg operand
  ArithPtr rhs;   // Binary
};

enum class Relop : uint8_t { Gt, Ge, Eq, Ne, Lt, Le };

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Node {
  enum class Kind : uint8_t {
    And,
    Or,
    Not,
    Primitive,  // qualifiers + value: host 10.0.0.1, port 80, ether proto 0x806
    Protocol,   // a protocol keyword alone: tcp, ip6, arp
    Keyword,    // less/greater/ifindex N, vlan/mpls/pppoes [N], pppoed, broadcast, multicast, inbound, outbound
    Relation,   // arith relop arith
  } kind = Kind::Primitive;
  SourceRange loc;
  NodePtr lhs, rhs;  // And, Or (both); Not (lhs)
  Qualifiers q;      // Primitive
  Value value;       // Primitive
  Proto proto = Proto::Default;  // Protocol; Keyword (broadcast/multicast qualifier)
  std::string keyword;           // Keyword: "less", "vlan", ...
  bool has_number = false;       // Keyword: vlan 100, less 64
  uint32_t number = 0;
  Relop relop = Relop::Eq;       // Relation
  ArithPtr left, right;          // Relation
};

}  // namespace stratoshark::lang::filter
