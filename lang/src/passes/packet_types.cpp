// Type rules of packet access: protocol layers (`tcp`), header fields
// (`tcp.dport`), packet metadata (`pkt.len`), and the nodes capture filters
// lower to (PacketLayer, PacketLoad, AddressMatch). Layouts come from the
// protocol table; this file only decides types and records what each name
// refers to (SemaResult::packet) for codegen.
#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"
#include "type_checker.h"

namespace stratoshark::lang {

namespace {

namespace pr = protocols;

struct MetaField {
  std::string_view name;
  Type type;
  std::string_view description;
};

const std::vector<MetaField>& meta_fields() {
  static const std::vector<MetaField> fields = {
      {"len", Type::u32(), "length of the packet on the wire"},
      {"ifindex", Type::u32(), "index of the interface"},
      {"proto", Type::integer(16, false),
       "EtherType of the packet (0x0800 IPv4, 0x86dd IPv6); for link types without one, the EtherType their "
       "header means (raw IP: by the version; loopback: by the family; 0 when none)"},
  };
  return fields;
}

std::string layer_names() {
  std::string out;
  for (const pr::Protocol& p : pr::all_protocols()) out += (out.empty() ? "" : ", ") + std::string(p.name);
  return out;
}

Type field_type(const pr::Field& f) {
  switch (f.size) {
    case 1: return Type::integer(8, false);
    case 2: return Type::integer(16, false);
    case 4: {
      Type t = Type::integer(32, false);
      t.host_address = f.display == pr::Display::Ipv4;
      return t;
    }
    case 16: return Type::address(16);  // IPv6 addresses
    default: return Type::u64();         // 6-byte MAC addresses
  }
}

// A link header (eth, sll, sll2) that packets of the program's link type
// do not start with: its fields are refused (the layer test is simply false).
bool foreign_link_header(TypeChecker& checker, const pr::Protocol& protocol, SourceRange where,
                         const std::string& what) {
  bool link_header = false;
  for (const pr::LinkLayer& l : pr::all_link_layers()) link_header = link_header || l.header == &protocol;
  const pr::LinkLayer* link = pr::find_link_layer(checker.context().options.link_type);
  if (!link_header || link == nullptr || link->header == &protocol) return false;
  std::string hint = link->header != nullptr
                         ? fmt::format("they start with the {} header instead: read {}.* (docs/capture.md#link-types)",
                                       link->header->name, link->header->name)
                         : "these packets have no link-layer header; read the network layer (ip.*, ip6.*)";
  checker.diags().error(where,
                        fmt::format("{}: the program reads {} ({}) packets, which have no {} header", what, link->name,
                                    link->description, protocol.name),
                        std::move(hint));
  return true;
}

}  // namespace

bool TypeChecker::is_network_probe(const Probe& probe) const {
  const auto& attaches = ctx_.result.probes.at(probe.index).attaches;
  if (attaches.empty()) return false;
  for (const auto& a : attaches) {
    if (!is_network_program(a.provider->program_type())) return false;
  }
  return true;
}

bool require_network_probe(TypeChecker& checker, const Probe& probe, SourceRange where, const std::string& what) {
  if (checker.is_network_probe(probe)) return true;
  checker.diags().error(where, fmt::format("{} is only available in network probes", what),
                        "packets are seen by socket:IFACE, tc:IFACE:ingress|egress and xdp:IFACE probes, e.g. "
                        "socket:eth0 /tcp/ { @[tcp.dport] = count(); }");
  return false;
}

std::optional<Type> check_packet_name(TypeChecker& checker, const Identifier& id, const Probe& probe) {
  const pr::Protocol* protocol = pr::find_protocol(id.name);
  if (protocol == nullptr && id.name != "pkt") return std::nullopt;
  if (!require_network_probe(checker, probe, id.loc, fmt::format("'{}'", id.name))) return Type::none();
  if (protocol == nullptr) {
    checker.diags().error(id.loc, "'pkt' is not a value by itself", "read one of its fields: pkt.len, pkt.ifindex, pkt.proto");
    return Type::none();
  }
  checker.result().packet[id.id] = PacketRef{protocol, nullptr, {}, {}};
  return Type::u64();  // 1 when the packet has this layer
}

std::optional<Type> check_packet_field(TypeChecker& checker, const FieldAccess& f, const Probe& probe) {
  const pr::Protocol* protocol = nullptr;
  Encapsulation encap;
  std::string base_name;
  if (const auto* id = dyn_cast<Identifier>(f.base)) {
    if (id->name != "pkt" && pr::find_protocol(id->name) == nullptr) return std::nullopt;
    base_name = id->name;
    protocol = pr::find_protocol(id->name);
  } else if (const auto* layer = dyn_cast<PacketLayer>(f.base)) {
    base_name = layer->name;
    protocol = pr::find_protocol(layer->name);
    encap = layer->encap;
  } else {
    return std::nullopt;
  }
  if (!require_network_probe(checker, probe, f.loc, fmt::format("'{}'", print_expr(f)))) return Type::none();
  if (protocol == nullptr && base_name == "pkt") {
    for (const MetaField& m : meta_fields()) {
      if (m.name == f.field) {
        checker.result().packet[f.id] = PacketRef{nullptr, nullptr, {}, std::string(m.name)};
        return m.type;
      }
    }
    checker.diags().error(f.field_loc, fmt::format("pkt has no field '{}'", f.field), "its fields are: len, ifindex, proto");
    return Type::none();
  }
  if (protocol == nullptr) {
    checker.diags().error(f.base->loc, fmt::format("unknown packet layer '{}'", base_name), "layers are: " + layer_names());
    return Type::none();
  }
  if (foreign_link_header(checker, *protocol, f.loc, fmt::format("'{}'", print_expr(f)))) return Type::none();
  const pr::Field* field = pr::find_field(*protocol, f.field);
  if (field == nullptr) {
    std::vector<std::string> names;
    for (const pr::Field& x : protocol->fields) names.emplace_back(x.name);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    std::string suggestion = closest_match(f.field, names);
    checker.diags().error(f.field_loc, fmt::format("{} has no field '{}'", protocol->name, f.field),
                          suggestion.empty() ? fmt::format("its fields are: {}", list)
                                             : fmt::format("did you mean '{}'? its fields are: {}", suggestion, list));
    return Type::none();
  }
  checker.result().packet[f.id] = PacketRef{protocol, field, encap, {}};
  return field_type(*field);
}

Type check_packet_node(TypeChecker& checker, const Expr& e, const Probe& probe) {
  if (!require_network_probe(checker, probe, e.loc, "packet access")) return Type::none();
  switch (e.kind) {
    case NodeKind::PacketLayer: {
      const auto& l = *cast<PacketLayer>(&e);
      const pr::Protocol* protocol = pr::find_protocol(l.name);
      if (protocol == nullptr) {
        checker.diags().error(l.loc, fmt::format("unknown packet layer '{}'", l.name), "layers are: " + layer_names());
        return Type::none();
      }
      checker.result().packet[l.id] = PacketRef{protocol, nullptr, l.encap, {}};
      return Type::u64();
    }
    case NodeKind::PacketLoad: {
      const auto& l = *cast<PacketLoad>(&e);
      Type offset = checker.expr(*l.offset);
      if (!offset.is_none() && !offset.is_int()) {
        checker.diags().error(l.offset->loc, "a packet offset must be an integer");
        return Type::none();
      }
      return Type::integer(static_cast<uint8_t>(l.size * 8), false);
    }
    case NodeKind::ProtoChain:
      return Type::u64();
    case NodeKind::AddressMatch: {
      const auto& m = *cast<AddressMatch>(&e);
      const auto* f = dyn_cast<FieldAccess>(m.field);
      const pr::Protocol* protocol = nullptr;
      Encapsulation encap;
      if (f != nullptr) {
        if (const auto* id = dyn_cast<Identifier>(f->base)) protocol = pr::find_protocol(id->name);
        if (const auto* layer = dyn_cast<PacketLayer>(f->base)) {
          protocol = pr::find_protocol(layer->name);
          encap = layer->encap;
        }
      }
      const pr::Field* field = protocol != nullptr ? pr::find_field(*protocol, f->field) : nullptr;
      if (field == nullptr || field->size != 16) {
        checker.diags().error(m.loc, "an address match needs a 128-bit address field such as ip6.src");
        return Type::none();
      }
      checker.result().packet[f->id] = PacketRef{protocol, field, encap, {}};
      return Type::u64();
    }
    default:
      return Type::none();
  }
}

}  // namespace stratoshark::lang
