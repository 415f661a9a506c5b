#include "filter/filter_lowering.h"

#include <optional>

#include <fmt/format.h>

#include "filter/expr_builder.h"
#include "filter/filter_constants.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::lang::filter {

namespace {

namespace pr = protocols;

constexpr uint32_t kLinkEtherMax = 1500;  // EtherType values above this are protocols, below are 802.3 lengths

class Lowering : ExprBuilder {
 public:
  Lowering(const pr::LinkLayer& link, AstContext& ast, Diagnostics& diags) : ExprBuilder(ast, diags), link_(link) {}

  Expr* lower(const Node& n) {
    if (failed_) return nullptr;
    loc_ = n.loc;
    switch (n.kind) {
      case Node::Kind::And: {
        Expr* l = lower(*n.lhs);
        Expr* r = lower(*n.rhs);
        return failed_ ? nullptr : and_(l, r);
      }
      case Node::Kind::Or: {
        Expr* l = lower(*n.lhs);
        Expr* r = lower(*n.rhs);
        return failed_ ? nullptr : or_(l, r);
      }
      case Node::Kind::Not: {
        Expr* e = lower(*n.lhs);
        loc_ = n.loc;
        return failed_ ? nullptr : not_(e);
      }
      case Node::Kind::Protocol: return protocol(n.proto, n.loc);
      case Node::Kind::Keyword: return keyword(n);
      case Node::Kind::Relation: return relation(n);
      case Node::Kind::Primitive: return primitive(n);
    }
    return nullptr;
  }

 private:
  // Ethernet: the EtherType field that says what follows the link layer here.
  Expr* link_type() {
    if (encap_.vlan_tags == 0) return field_at("eth", "type", {});
    Encapsulation outer = encap_;
    --outer.vlan_tags;
    return field_at("vlan", "type", outer);
  }
  // What follows the link layer is EtherType `v`, as libpcap's gen_linktype
  // tests it on this link type: the EtherType field; on other link types
  // the test of the layer it names (a cooked header's protocol, the IP
  // version of raw IP, a loopback family), or false without reading a byte
  // when such packets cannot carry it.
  Expr* link_type_is(uint32_t v) {
    if (is_ethernet()) return eq(link_type(), v);
    switch (v) {
      case pr::kEtherTypeIpv4: return layer("ip");
      case pr::kEtherTypeIpv6: return layer("ip6");
      case pr::kEtherTypeArp: return layer("arp");
      case pr::kEtherTypeRarp: return layer("rarp");
      default: break;
    }
    if (link_.next == pr::LinkNext::EtherType) return eq(pkt_meta("proto"), v);
    return num(0);
  }

  // ------------------------------------------------- per link type
  bool is_ethernet() const { return link_.header == &pr::protocol(pr::ProtocolId::Eth); }
  // "LINUX_SLL2 (Linux cooked v2)"
  std::string link_words() const { return fmt::format("{} ({})", link_.name, link_.description); }
  // A primitive libpcap refuses on this link type: refused here too, naming it.
  Expr* refuse_on_link(SourceRange where, std::string_view what, std::string_view why, std::string hint = {}) {
    return fail(where, fmt::format("'{}' does not apply to {} captures: {}", what, link_words(), why),
                std::move(hint));
  }
  // How to ask for an encapsulation the link type's primitives lack.
  std::string protocol_hint(std::string_view test) const {
    if (link_.next == pr::LinkNext::EtherType) return fmt::format("test the link header's protocol field instead: {}", test);
    return fmt::format("{} packets carry IPv4 or IPv6 only", link_.name);
  }
  // ether host/src/dst, broadcast, multicast: Ethernet addresses.
  bool has_mac_addresses(SourceRange where, std::string_view what) {
    if (link_.ethernet_addresses) return true;
    std::string hint = "filter on the IP layer instead, e.g. 'ip multicast', 'ip6 multicast' or 'dst host ADDR'";
    if (link_.header != nullptr) {
      hint = fmt::format("the {} header records the sender's address only: in a script, read {}.addr", link_.header->name,
                         link_.header->name);
    }
    refuse_on_link(where, what, "its packets have no Ethernet addresses", std::move(hint));
    return false;
  }
  // inbound/outbound, where the link header records the direction.
  Expr* direction_test(SourceRange where, bool outbound) {
    const pr::LinkDirection& d = link_.direction;
    if (d.word.size == 0) {
      // On Ethernet libpcap asks the live socket, which stratoshark's programs do not.
      return refuse_on_link(where, outbound ? "outbound" : "inbound",
                            is_ethernet() ? "the frames do not record their direction (libpcap asks a live socket; "
                                            "stratoshark's filters do not yet)"
                                          : "its packets do not record their direction",
                            "Linux cooked captures (tcpdump -i any) and SLIP captures record it");
    }
    Expr* equal = eq(load("link", num(d.word.offset), d.word.size), d.value);
    return outbound == d.outbound_if_equal ? equal : not_(equal);
  }
  Expr* ifindex_test(const Node& n) {
    const pr::LinkWord& w = link_.ifindex;
    if (w.size == 0) {
      return refuse_on_link(n.loc, "ifindex", "its packets do not record their interface",
                            "LINUX_SLL2 captures (tcpdump -i any -y LINUX_SLL2) record it");
    }
    return eq(load("link", num(w.offset), w.size), n.number);
  }
  bool link_type_usable(SourceRange where, const char* what) {
    if (!encap_.pppoe && encap_.mpls_labels == 0) return true;
    fail(where, fmt::format("'{}' after 'pppoes' or 'mpls' is not supported", what),
         "only ip and ip6 (and what they carry) can follow pppoes and mpls");
    return false;
  }

  // IP protocol tests as libpcap builds them.
  Expr* ip_proto(uint8_t p) { return and_(layer("ip"), eq(field("ip", "proto"), p)); }
  Expr* ip6_proto(uint8_t p) {
    // Directly after the IPv6 header, or behind one fragment header.
    Expr* direct = eq(field("ip6", "nxt"), p);
    Expr* fragment = and_(eq(field("ip6", "nxt"), pr::kIp6Fragment), eq(load("ip6", num(40), 1), p));
    return and_(layer("ip6"), or_(direct, fragment));
  }

  // ---------------------------------------------------------- protocols
  Expr* protocol(Proto p, SourceRange where) {
    loc_ = where;
    switch (p) {
      case Proto::Link: return fail(where, "'ether' alone is not a filter", "e.g. 'ether host 00:11:22:33:44:55'");
      case Proto::Arp:
      case Proto::Rarp:
        if (!link_type_usable(where, proto_name(p))) return nullptr;
        return layer(proto_name(p));
      case Proto::Ip: case Proto::Ip6: case Proto::Tcp: case Proto::Udp: case Proto::Sctp: case Proto::Icmp:
      case Proto::Icmp6:
        return layer(proto_name(p));
      case Proto::Igmp: return ip_proto(pr::kIpProtoIgmp);
      case Proto::Igrp: return ip_proto(9);
      case Proto::Vrrp: case Proto::Carp: return ip_proto(112);
      case Proto::Pim: return or_(ip_proto(103), ip6_proto(103));
      case Proto::Ah: return or_(ip_proto(pr::kIp6Ah), ip6_proto(pr::kIp6Ah));
      case Proto::Esp: return or_(ip_proto(pr::kIp6Esp), ip6_proto(pr::kIp6Esp));
      case Proto::Default: break;
    }
    return fail(where, "expected a protocol");
  }

  // ----------------------------------------------------------- keywords
  Expr* keyword(const Node& n) {
    loc_ = n.loc;
    const std::string& k = n.keyword;
    if (k == "less") return bin(BinaryOp::Le, pkt_len(), num(n.number));
    if (k == "inbound" || k == "outbound") return direction_test(n.loc, k == "outbound");
    if (k == "ifindex") return ifindex_test(n);
    if (k == "greater") return bin(BinaryOp::Ge, pkt_len(), num(n.number));
    if (k == "vlan") {
      if (!link_.vlan) {
        return refuse_on_link(n.loc, "vlan", "libpcap filters VLAN tags on Ethernet only",
                              protocol_hint("'ether proto 0x8100'"));
      }
      if (!link_type_usable(n.loc, "vlan")) return nullptr;
      Expr* e = layer("vlan");
      if (n.has_number) {
        if (n.number > 4095) return fail(n.loc, fmt::format("VLAN id {} is out of range", n.number), "VLAN ids are 0 to 4095");
        e = and_(e, eq(field("vlan", "id"), n.number));
      }
      ++encap_.vlan_tags;  // everything after this looks behind the tag
      return e;
    }
    if (k == "pppoes") {
      if (!link_type_usable(n.loc, "pppoes")) return nullptr;
      Expr* e = layer("pppoe");
      if (n.has_number) {
        if (n.number > 0xffff) return fail(n.loc, fmt::format("PPPoE session id {} is out of range", n.number));
        e = and_(e, eq(field("pppoe", "session"), n.number));
      }
      encap_.pppoe = true;
      return e;
    }
    if (k == "mpls") {
      if (!link_.mpls && !encap_.pppoe && encap_.mpls_labels == 0) {
        return refuse_on_link(n.loc, "mpls", "libpcap filters MPLS on Ethernet, Cisco HDLC and PPPoE only",
                              protocol_hint("'ether proto 0x8847'"));
      }
      Expr* e = layer("mpls");
      if (n.has_number) {
        if (n.number > 0xfffff) return fail(n.loc, fmt::format("MPLS label {} is out of range", n.number), "labels are 20 bits");
        e = and_(e, eq(field("mpls", "label"), n.number));
      }
      ++encap_.mpls_labels;
      return e;
    }
    if (k == "pppoed") {
      if (!link_type_usable(n.loc, "pppoed")) return nullptr;
      return link_type_is(pr::kEtherTypePppoeDiscovery);
    }
    bool broadcast = k == "broadcast";
    switch (n.proto) {
      case Proto::Default:
      case Proto::Link:
        if (!has_mac_addresses(n.loc, n.proto == Proto::Link ? "ether " + k : k)) return nullptr;
        if (broadcast) return eq(field_at("eth", "dst", {}), 0xffffffffffffULL);
        return bin(BinaryOp::Ne, bin(BinaryOp::BitAnd, field_at("eth", "dst", {}), num(1ULL << 40)), num(0));
      case Proto::Ip:
        if (broadcast) {
          return fail(n.loc, "'ip broadcast' needs the network's netmask, which a capture filter does not know",
                      "compare the address instead, e.g. 'dst host 192.168.1.255'");
        }
        return and_(layer("ip"), bin(BinaryOp::Ge, load("ip", num(16), 1), num(224)));
      case Proto::Ip6:
        if (broadcast) return fail(n.loc, "IPv6 has no broadcast", "use 'ip6 multicast'");
        return and_(layer("ip6"), eq(load("ip6", num(24), 1), 255));
      default:
        return fail(n.loc, fmt::format("'{} {}' is not a valid filter", proto_name(n.proto), k),
                    fmt::format("{} applies to ether, ip and ip6", k));
    }
  }

  // ---------------------------------------------------------- relations
  // libpcap arithmetic is unsigned 32-bit: results that can exceed 32 bits wrap.
  Expr* wrap32(Expr* e) { return bin(BinaryOp::BitAnd, e, num(0xffffffffULL)); }

  Expr* arith(const Arith& a, Expr*& guards) {
    if (failed_) return nullptr;
    loc_ = a.loc;
    switch (a.kind) {
      case Arith::Kind::Number: return num(a.number);
      case Arith::Kind::Len: return pkt_len();
      case Arith::Kind::Neg: {
        Expr* v = arith(*a.lhs, guards);
        loc_ = a.loc;
        return failed_ ? nullptr : wrap32(bin(BinaryOp::Sub, num(0), v));
      }
      case Arith::Kind::Binary: {
        Expr* l = arith(*a.lhs, guards);
        Expr* r = arith(*a.rhs, guards);
        if (failed_) return nullptr;
        loc_ = a.loc;
        switch (a.op) {
          case '+': return wrap32(bin(BinaryOp::Add, l, r));
          case '-': return wrap32(bin(BinaryOp::Sub, l, r));
          case '*': return wrap32(bin(BinaryOp::Mul, l, r));
          case '<': return wrap32(bin(BinaryOp::Shl, l, r));
          case '>': return bin(BinaryOp::Shr, l, r);
          case '&': return bin(BinaryOp::BitAnd, l, r);
          case '|': return bin(BinaryOp::BitOr, l, r);
          case '^': return bin(BinaryOp::BitXor, l, r);
          case '/':
          case '%':
            if (a.rhs->kind == Arith::Kind::Number && a.rhs->number == 0) {
              return fail(a.rhs->loc, a.op == '/' ? "division by zero" : "modulus by zero");
            }
            return bin(a.op == '/' ? BinaryOp::Div : BinaryOp::Mod, l, r);
          default: return fail(a.loc, "unknown operator");
        }
      }
      case Arith::Kind::Load: {
        Expr* offset = arith(*a.lhs, guards);
        if (failed_) return nullptr;
        loc_ = a.loc;
        Expr* guard = nullptr;
        std::string layer_name;
        switch (a.proto) {
          case Proto::Link: layer_name = "link"; break;
          case Proto::Ip: case Proto::Ip6: case Proto::Arp: case Proto::Rarp:
            if ((a.proto == Proto::Arp || a.proto == Proto::Rarp) && !link_type_usable(a.loc, proto_name(a.proto))) return nullptr;
            layer_name = proto_name(a.proto);
            guard = layer(layer_name);
            break;
          case Proto::Icmp6:
            // Behind a bare 40-byte IPv6 header, as libpcap assumes.
            layer_name = "icmp6";
            guard = and_(layer("ip6"), eq(field("ip6", "nxt"), pr::kIpProtoIcmp6));
            break;
          case Proto::Tcp: case Proto::Udp: case Proto::Sctp: case Proto::Icmp: case Proto::Igmp: case Proto::Igrp:
          case Proto::Pim: case Proto::Vrrp: case Proto::Carp: {
            // Transport headers of IPv4 first fragments only.
            static constexpr std::pair<Proto, uint8_t> kNumbers[] = {
                {Proto::Tcp, 6}, {Proto::Udp, 17}, {Proto::Sctp, 132}, {Proto::Icmp, 1}, {Proto::Igmp, 2},
                {Proto::Igrp, 9}, {Proto::Pim, 103}, {Proto::Vrrp, 112}, {Proto::Carp, 112}};
            uint8_t number = 0;
            for (auto [p, v] : kNumbers) {
              if (p == a.proto) number = v;
            }
            layer_name = proto_name(a.proto);
            guard = and_(and_(layer("ip"), eq(field("ip", "proto"), number)), eq(field("ip", "frag_off"), 0));
            break;
          }
          default:
            return fail(a.loc, fmt::format("'{}[...]' is not supported", a.proto_word),
                        "byte loads work on ether, link, ip, ip6, arp, rarp, tcp, udp, sctp, icmp, icmp6, igmp, igrp, pim, vrrp");
        }
        guards = and_(guards, guard);
        return load(layer_name, offset, a.size);
      }
    }
    return nullptr;
  }

  Expr* relation(const Node& n) {
    Expr* guards = nullptr;
    Expr* l = arith(*n.left, guards);
    Expr* r = arith(*n.right, guards);
    if (failed_) return nullptr;
    loc_ = n.loc;
    BinaryOp op = BinaryOp::Eq;
    switch (n.relop) {
      case Relop::Gt: op = BinaryOp::Gt; break;
      case Relop::Ge: op = BinaryOp::Ge; break;
      case Relop::Eq: op = BinaryOp::Eq; break;
      case Relop::Ne: op = BinaryOp::Ne; break;
      case Relop::Lt: op = BinaryOp::Lt; break;
      case Relop::Le: op = BinaryOp::Le; break;
    }
    return and_(guards, bin(op, l, r));
  }

  // --------------------------------------------------------- primitives
  Expr* primitive(const Node& n) {
    const Qualifiers& q = n.q;
    const Value& v = n.value;
    loc_ = n.loc;
    Addr addr = q.addr;
    if (addr == Addr::Default) {
      if (v.kind == Value::Kind::Name && !v.escaped) {
        return fail(v.loc, fmt::format("'{}' needs a qualifier; host names are not resolved", v.text),
                    "write an address ('host 10.0.0.1'), or a qualifier for a name ('port http')");
      }
      addr = Addr::Host;
    }
    switch (addr) {
      case Addr::Host:
      case Addr::Net: return host_or_net(q, v, addr == Addr::Net);
      case Addr::Port:
      case Addr::PortRange: return ports(q, v, addr == Addr::PortRange);
      case Addr::Proto: return proto_value(q, v, false);
      case Addr::ProtoChain: return proto_value(q, v, true);
      case Addr::Gateway:
      case Addr::Default: break;
    }
    return fail(v.loc, "unsupported qualifier");
  }

  Expr* direction(Dir d, Expr* src, Expr* dst) {
    switch (d) {
      case Dir::Src: return src;
      case Dir::Dst: return dst;
      case Dir::SrcAndDst: return and_(src, dst);
      default: return or_(src, dst);
    }
  }

  Expr* host_or_net(const Qualifiers& q, const Value& v, bool net) {
    const char* what = net ? "net" : "host";
    if (v.kind == Value::Kind::Mac) {
      if (q.proto != Proto::Link || net) {
        return fail(v.loc, fmt::format("'{}' is a MAC address", v.text), fmt::format("write 'ether {} {}'", q.dir == Dir::Src ? "src" : q.dir == Dir::Dst ? "dst" : "host", v.text));
      }
      loc_ = SourceRange::join(q.where, v.loc);
      if (!has_mac_addresses(loc_, q.dir == Dir::Src ? "ether src" : q.dir == Dir::Dst ? "ether dst" : "ether host")) {
        return nullptr;
      }
      auto mac_field = [&](const char* f) { return eq(field_at("eth", f, {}), v.mac); };
      return direction(q.dir, mac_field("src"), mac_field("dst"));
    }
    if (q.proto == Proto::Link) {
      return fail(v.loc, fmt::format("'ether {}' needs a MAC address", what), "e.g. 'ether host 00:11:22:33:44:55'");
    }
    if (v.kind == Value::Kind::Name || v.kind == Value::Kind::Range) {
      return fail(v.loc, fmt::format("'{}' is not an address; host names are not resolved", v.text),
                  fmt::format("write the address, e.g. '{} 192.0.2.1'", what));
    }
    loc_ = SourceRange::join(q.where, v.loc);
    if (v.kind == Value::Kind::Ipv6) {
      if (q.proto != Proto::Default && q.proto != Proto::Ip6) {
        return fail(q.where, fmt::format("'{}' does not apply to an IPv6 address", proto_name(q.proto)), "use 'ip6 host' or 'host'");
      }
      uint32_t prefix = 128;
      if (v.mask == Value::Mask::Netmask) return fail(v.mask_loc, "'mask' applies to IPv4 networks", "write 'net ADDR/LEN'");
      if (v.mask == Value::Mask::Prefix) {
        if (!net) return fail(v.mask_loc, "a prefix length is for networks", "write 'net ADDR/LEN'");
        if (v.prefix > 128) return fail(v.mask_loc, fmt::format("prefix length {} is longer than 128", v.prefix));
        prefix = v.prefix;
        for (uint32_t bit = prefix; bit < 128; ++bit) {
          if (v.ipv6[bit / 8] & (0x80 >> (bit % 8))) {
            return fail(v.mask_loc, fmt::format("'{}' has bits set beyond its /{} prefix", v.text, prefix),
                        "clear the host part of the address");
          }
        }
      }
      auto match = [&](const char* f) {
        return ast_.make<AddressMatch>(loc_, field("ip6", f), v.ipv6, static_cast<uint8_t>(prefix));
      };
      return and_(layer("ip6"), direction(q.dir, match("src"), match("dst")));
    }
    // IPv4: a number is 0.0.0.N for a host; for a net, its leading zero bytes drop.
    uint32_t addr = v.number;
    uint32_t mask = 0xffffffff;
    if (v.kind == Value::Kind::Ipv4 && v.ipv4_parts < 4) {
      addr <<= 8 * (4 - v.ipv4_parts);
      mask <<= 8 * (4 - v.ipv4_parts);
    } else if (v.kind == Value::Kind::Number && net) {
      while (addr != 0 && (addr & 0xff000000u) == 0) {
        addr <<= 8;
        mask <<= 8;
      }
    }
    if (v.mask != Value::Mask::None) {
      if (!net) return fail(v.mask_loc, "a mask is for networks", "write 'net' instead of 'host'");
      if (v.mask == Value::Mask::Prefix) {
        if (v.prefix > 32) return fail(v.mask_loc, fmt::format("prefix length {} is longer than 32", v.prefix));
        mask = v.prefix == 0 ? 0 : 0xffffffffu << (32 - v.prefix);
      } else {
        mask = v.netmask;
      }
      if (addr & ~mask) {
        return fail(v.mask_loc, fmt::format("'{}' has bits set outside its network mask", v.text), "clear the host part of the address");
      }
    }
    auto compare = [&](const char* layer_name, const char* f) {
      Expr* value = field(layer_name, f);
      if (mask != 0xffffffff) value = bin(BinaryOp::BitAnd, value, num(mask));
      return eq(value, addr);
    };
    auto for_layer = [&](const char* layer_name, const char* src, const char* dst) {
      return and_(layer(layer_name), direction(q.dir, compare(layer_name, src), compare(layer_name, dst)));
    };
    switch (q.proto) {
      case Proto::Default:
        if (encap_.pppoe || encap_.mpls_labels > 0) return for_layer("ip", "src", "dst");
        return or_(or_(for_layer("ip", "src", "dst"), for_layer("arp", "spa", "tpa")), for_layer("rarp", "spa", "tpa"));
      case Proto::Ip: return for_layer("ip", "src", "dst");
      case Proto::Arp:
      case Proto::Rarp:
        if (!link_type_usable(q.where, proto_name(q.proto))) return nullptr;
        return for_layer(proto_name(q.proto), "spa", "tpa");
      default:
        return fail(q.where, fmt::format("'{} {}' is not valid", proto_name(q.proto), what),
                    fmt::format("{} applies to ip, ip6, arp and rarp addresses (or 'ether host' for MACs)", what));
    }
  }

  std::optional<uint32_t> port_number(std::string_view text, SourceRange where, bool& tcp_only, bool& udp_only) {
    if (auto n = named_constant(text); n) return *n;
    uint32_t value = 0;
    bool digits = !text.empty();
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    if (digits) {
      for (char c : text) value = value * 10 + static_cast<uint32_t>(c - '0');
      if (text.size() > 6 || value > 65535) {
        fail(where, fmt::format("port {} is out of range", text), "ports are 0 to 65535");
        return std::nullopt;
      }
      return value;
    }
    auto sp = service_port(text);
    if (!sp) {
      fail(where, fmt::format("unknown port name '{}'", text), "use a number, or a service name from /etc/services");
      return std::nullopt;
    }
    tcp_only = sp->tcp && !sp->udp;
    udp_only = sp->udp && !sp->tcp;
    return sp->port;
  }

  Expr* ports(const Qualifiers& q, const Value& v, bool range) {
    if (q.proto != Proto::Default && q.proto != Proto::Tcp && q.proto != Proto::Udp && q.proto != Proto::Sctp) {
      return fail(q.where, fmt::format("'{} {}' is not valid", proto_name(q.proto), range ? "portrange" : "port"),
                  "ports belong to tcp, udp and sctp");
    }
    bool tcp_only = false;
    bool udp_only = false;
    uint32_t lo = 0;
    uint32_t hi = 0;
    if (v.kind == Value::Kind::Number) {
      if (v.number > 65535) return fail(v.loc, fmt::format("port {} is out of range", v.number), "ports are 0 to 65535");
      lo = hi = v.number;
    } else if (v.kind == Value::Kind::Name || (v.kind == Value::Kind::Range && range)) {
      std::string_view text = v.text;
      size_t dash = range ? text.find('-') : std::string_view::npos;
      auto first = port_number(text.substr(0, dash), v.loc, tcp_only, udp_only);
      if (!first) return nullptr;
      lo = hi = *first;
      if (dash != std::string_view::npos) {
        auto second = port_number(text.substr(dash + 1), v.loc, tcp_only, udp_only);
        if (!second) return nullptr;
        hi = *second;
      }
    } else {
      return fail(v.loc, fmt::format("'{}' is not a port", v.text), range ? "e.g. 'portrange 8000-8999'" : "e.g. 'port 80'");
    }
    if (lo > hi) std::swap(lo, hi);
    if (v.kind == Value::Kind::Name && !range && (tcp_only || udp_only)) {
      // A service only TCP (or UDP) defines limits the primitive to it, as in libpcap.
      if ((tcp_only && q.proto != Proto::Default && q.proto != Proto::Tcp) ||
          (udp_only && q.proto != Proto::Default && q.proto != Proto::Udp)) {
        return fail(v.loc, fmt::format("port '{}' is a {} service", v.text, tcp_only ? "tcp" : "udp"));
      }
    }
    loc_ = SourceRange::join(q.where, v.loc);
    std::vector<std::pair<const char*, uint8_t>> protos;
    auto want = [&](Proto p) {
      if (q.proto != Proto::Default) return q.proto == p;
      if (tcp_only) return p == Proto::Tcp;
      if (udp_only) return p == Proto::Udp;
      return true;
    };
    if (want(Proto::Tcp)) protos.push_back({"tcp", pr::kIpProtoTcp});
    if (want(Proto::Udp)) protos.push_back({"udp", pr::kIpProtoUdp});
    if (want(Proto::Sctp)) protos.push_back({"sctp", pr::kIpProtoSctp});
    auto test = [&](const char* l, const char* f) -> Expr* {
      if (lo == hi) return eq(field(l, f), lo);
      return and_(bin(BinaryOp::Ge, field(l, f), num(lo)), bin(BinaryOp::Le, field(l, f), num(hi)));
    };
    Expr* v4 = nullptr;
    Expr* v6 = nullptr;
    for (auto [name, number] : protos) {
      Expr* match = direction(q.dir, test(name, "sport"), test(name, "dport"));
      v4 = or_(v4, and_(and_(eq(field("ip", "proto"), number), eq(field("ip", "frag_off"), 0)), match));
      Expr* match6 = direction(q.dir, test(name, "sport"), test(name, "dport"));
      v6 = or_(v6, and_(eq(field("ip6", "nxt"), number), match6));
    }
    return or_(and_(layer("ip"), v4), and_(layer("ip6"), v6));
  }

  Expr* chain(bool v6, uint8_t p) {
    return and_(layer(v6 ? "ip6" : "ip"), ast_.make<ProtoChain>(loc_, v6, p, encap_));
  }

  Expr* proto_value(const Qualifiers& q, const Value& v, bool walk) {
    loc_ = SourceRange::join(q.where, v.loc);
    uint32_t number = 0;
    if (v.kind == Value::Kind::Number) {
      number = v.number;
    } else if (v.kind == Value::Kind::Name) {
      std::optional<uint32_t> found;
      if (q.proto == Proto::Link) {
        if (auto t = ether_type_by_name(v.text)) found = *t;
      } else if (auto p = ip_protocol_by_name(v.text)) {
        found = *p;
      }
      if (!found) return fail(v.loc, fmt::format("unknown protocol name '{}'", v.text),
                              q.proto == Proto::Link ? "e.g. 'ether proto \\arp' or a number such as 0x0806"
                                                     : "e.g. 'ip proto \\udp' or a number such as 17");
      number = *found;
    } else {
      return fail(v.loc, fmt::format("'{}' is not a protocol", v.text));
    }
    if (walk) {
      if (number > 255) return fail(v.loc, fmt::format("IP protocol {} does not fit in 8 bits", number));
      auto p = static_cast<uint8_t>(number);
      switch (q.proto) {
        case Proto::Ip: return chain(false, p);
        case Proto::Ip6: return chain(true, p);
        case Proto::Default: return or_(chain(false, p), chain(true, p));
        default:
          return fail(q.where, fmt::format("'{} protochain' is not valid", proto_name(q.proto)),
                      "use 'ip protochain', 'ip6 protochain' or 'protochain'");
      }
    }
    switch (q.proto) {
      case Proto::Link:
        if (number <= kLinkEtherMax) {
          return fail(v.loc, fmt::format("ether proto {} is an 802.3 length (LLC), which is not supported", number),
                      "EtherTypes are above 1500 (0x05dc)");
        }
        if (number > 0xffff) return fail(v.loc, fmt::format("EtherType {} does not fit in 16 bits", number));
        if (!link_type_usable(q.where, "ether proto")) return nullptr;
        return link_type_is(number);
      case Proto::Ip:
      case Proto::Ip6:
      case Proto::Default:
        if (number > 255) return fail(v.loc, fmt::format("IP protocol {} does not fit in 8 bits", number));
        if (q.proto == Proto::Ip) return ip_proto(static_cast<uint8_t>(number));
        if (q.proto == Proto::Ip6) return ip6_proto(static_cast<uint8_t>(number));
        return or_(ip_proto(static_cast<uint8_t>(number)), ip6_proto(static_cast<uint8_t>(number)));
      default:
        return fail(q.where, fmt::format("'{} proto' is not supported", proto_name(q.proto)),
                    "use 'ether proto', 'ip proto', 'ip6 proto' or 'proto'");
    }
  }

  const pr::LinkLayer& link_;
};

}  // namespace

Expr* lower_filter(const Node& root, const pr::LinkLayer& link, AstContext& ast, Diagnostics& diags) {
  Lowering lowering(link, ast, diags);
  return lowering.lower(root);
}

}  // namespace stratoshark::lang::filter
