// MPLS label stacks (RFC 3032), over Ethernet (EtherTypes 0x8847/0x8848) or
// UDP (RFC 7510): one label stack entry after another until the bottom of
// stack bit, then the payload, recognised by its IP version nibble (other
// payloads, such as pseudowires, are data).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kEntry, kLabel, kTc, kS, kTtl };
const FieldInfo kFields[] = {
    {.key = "mpls.entry", .label = "Label stack entry", .format = Format::Group},
    header_field(ProtocolId::Mpls, "label", "mpls.label", "Label", "mpls.label"),
    header_field(ProtocolId::Mpls, "tc", "mpls.tc", "Traffic class", "mpls.exp"),
    header_field(ProtocolId::Mpls, "s", "mpls.s", "Bottom of stack", "mpls.bottom"),
    header_field(ProtocolId::Mpls, "ttl", "mpls.ttl", "Time to live", "mpls.ttl"),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "MPLS";
  const char* separator = " (";
  for (const Field& f : d.fields(d.layers()[i])) {
    if (f.info == &kFields[kLabel]) {
      out += separator;
      separator = ", ";
      out += "label ";
      append_dec(out, f.number);
    }
  }
  if (*separator == ',') out += ")";
  return 1;
}

}  // namespace

const ProtocolInfo kMplsProtocol{"mpls", "MPLS label stack", kFields, summarize};

void dissect_mpls(Context& ctx, Region r) {
  LayerBuilder b(ctx, kMplsProtocol, r);
  uint32_t h = r.offset;
  for (;;) {
    b.add(kFields[kEntry], h, 4, 0);
    std::optional<uint64_t> bottom;
    for (int i = kLabel; i <= kTtl; ++i) {
      auto x = b.table(kFields[i], h, 1);
      if (!x) return;
      if (i == kS) bottom = x;
    }
    h += 4;
    if (*bottom) break;
  }
  const uint32_t header_len = h - r.offset;
  b.set_length(header_len);
  Region payload = b.payload(h, minus(r.declared, header_len));
  uint64_t first = 0;
  if (!b.cursor().peek_at(h, 1, first)) return;
  if (first >> 4 == 4) return dispatch_ethertype(ctx, protocols::kEtherTypeIpv4, payload);
  if (first >> 4 == 6) return dispatch_ethertype(ctx, protocols::kEtherTypeIpv6, payload);
  dissect_data(ctx, payload);
}

}  // namespace stratoshark::dissect
