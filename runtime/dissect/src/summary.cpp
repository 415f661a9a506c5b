// The one-line summary: walks the layers and lets each protocol's hook
// (ProtocolInfo::summarize) render its piece; pieces are joined by ": " as
// tcpdump does ("IP a.1 > b.2: Flags [S], ...: HTTP: GET / HTTP/1.1"), and
// truncated or malformed layers are marked at the end.
#include "summary.h"

#include "stratoshark/dissect/format.h"

namespace stratoshark::dissect {

uint64_t number_of(const Dissection& d, size_t layer, const FieldInfo& info, uint64_t fallback) {
  const Field* f = d.find(d.layers()[layer], info);
  return f ? f->number : fallback;
}

bool has_field(const Dissection& d, size_t layer, const FieldInfo& info) {
  return d.find(d.layers()[layer], info) != nullptr;
}

void append_field(const Dissection& d, size_t layer, const FieldInfo& info, std::string& out) {
  if (const Field* f = d.find(d.layers()[layer], info)) append_value(d, *f, out);
}

size_t next_layer(const Dissection& d, size_t layer) {
  const auto layers = d.layers();
  for (size_t i = layer + 1; i < layers.size(); ++i) {
    if (layers[i].level == layers[layer].level) return i;
    if (layers[i].level < layers[layer].level) break;
  }
  return layers.size();
}

size_t with_nested(const Dissection& d, size_t layer) {
  const auto layers = d.layers();
  size_t end = layer + 1;
  while (end < layers.size() && layers[end].level > layers[layer].level) ++end;
  return end - layer;
}

bool layer_is(const Dissection& d, size_t i, const ProtocolInfo& protocol) {
  return i < d.layers().size() && d.layers()[i].protocol == &protocol;
}

void append_endpoints(const Dissection& d, size_t ip, const Field& src, const Field& dst, std::string& out) {
  uint64_t sport = 0, dport = 0;
  const size_t next = ip + 1;
  const bool ports = next < d.layers().size() && d.layers()[next].level == d.layers()[ip].level &&
                     (tcp_ports(d, next, sport, dport) || udp_ports(d, next, sport, dport));
  append_value(d, src, out);
  if (ports) {
    out.push_back('.');
    append_dec(out, sport);
  }
  out += " > ";
  append_value(d, dst, out);
  if (ports) {
    out.push_back('.');
    append_dec(out, dport);
  }
}

void append_summary(const Dissection& d, const FormatOptions& options, std::string& out) {
  if (options.time != TimeFormat::None) {
    append_time(d.frame().timestamp_ns, options.time, out);
    out.push_back(' ');
  }
  const size_t start = out.size();
  const auto layers = d.layers();
  // Problems are listed after the pieces; only layers the walk reached count
  // (a quoted packet in an ICMP error is cut short by design).
  size_t first_problem = layers.size();
  for (size_t i = 0; i < layers.size();) {
    size_t covered = 1;
    if (layers[i].protocol->summarize) {
      const size_t mark = out.size();
      if (mark > start && out.back() != ' ') out += ": ";
      const size_t before = out.size();
      covered = layers[i].protocol->summarize(d, i, out);
      if (out.size() == before) out.resize(mark);
      if (covered == 0) covered = 1;
    }
    for (size_t k = i; k < i + covered && k < layers.size(); ++k) {
      if (layers[k].level == layers[i].level && layers[k].status != LayerStatus::Complete && first_problem > k) {
        first_problem = k;
      }
    }
    i += covered;
  }
  if (out.size() == start) {
    out += "frame, length ";
    append_dec(out, d.frame().wire_length);
  }
  if (first_problem < layers.size()) {
    const Layer& l = layers[first_problem];
    if (l.status == LayerStatus::Truncated) {
      out += " [|";
      out.append(l.protocol->name);
      out += "]";
    } else {
      out += " [malformed ";
      out.append(l.protocol->name);
      out += ": ";
      append_escaped(out, d.problem(l));
      out += "]";
    }
  }
}

}  // namespace stratoshark::dissect
