// IPv6 (RFC 8200): the fixed header from the protocol table, then the
// extension headers (ipv6_ext.cpp) and the payload. A payload length of 0
// (jumbograms, segmentation offload) means the frame's length; one beyond the
// frame is marked malformed and the frame's bytes are used.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kVersion, kTc, kFlow, kLen, kNxt, kHlim, kSrc, kDst };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Ip6, "version", "ip6.version", "Version", "ipv6.version"),
    header_field(ProtocolId::Ip6, "tc", "ip6.tc", "Traffic class", "ipv6.tclass", 2),
    header_field(ProtocolId::Ip6, "flow", "ip6.flow", "Flow label", "ipv6.flow", 5),
    header_field(ProtocolId::Ip6, "len", "ip6.len", "Payload length", "ipv6.plen"),
    header_field(ProtocolId::Ip6, "nxt", "ip6.nxt", "Next header", "ipv6.nxt", 0, ip_proto_name),
    header_field(ProtocolId::Ip6, "hlim", "ip6.hlim", "Hop limit", "ipv6.hlim"),
    header_field(ProtocolId::Ip6, "src", "ip6.src", "Source", "ipv6.src"),
    header_field(ProtocolId::Ip6, "dst", "ip6.dst", "Destination", "ipv6.dst"),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "IP6 ";
  const Field* src = d.find(d.layers()[i], kFields[kSrc]);
  const Field* dst = d.find(d.layers()[i], kFields[kDst]);
  if (!src || !dst) {
    out += "(header cut short)";
    return 1;
  }
  // Extension headers belong to the same packet: name them, then the
  // transport's ports print with the addresses.
  size_t last = i;
  while (last + 1 < d.layers().size() && d.layers()[last + 1].level == d.layers()[i].level &&
         is_ipv6_extension(*d.layers()[last + 1].protocol)) {
    ++last;
  }
  append_endpoints(d, last, *src, *dst, out);
  for (size_t e = i + 1; e <= last; ++e) {
    out += e == i + 1 ? ": " : ", ";
    summarize_ipv6_extension(d, e, out);
  }
  const size_t next = last + 1;
  if (next >= d.layers().size() || d.layers()[next].protocol == &kDataProtocol) {
    out += last == i ? ": " : ", ";
    out += "ip-proto-";
    append_dec(out, last == i ? number_of(d, i, kFields[kNxt]) : ipv6_extension_next(d, last));
    out += ", length ";
    append_field(d, i, kFields[kLen], out);
  }
  return last - i + 1;
}

}  // namespace

const ProtocolInfo kIpv6Protocol{"ip6", "Internet Protocol version 6", kFields, summarize};

void dissect_ipv6(Context& ctx, Region r) {
  LayerBuilder b(ctx, kIpv6Protocol, r);
  const uint32_t h = r.offset;
  auto version = b.table(kFields[kVersion], h);
  if (!version) return;
  if (*version != 6) {
    b.malformed("version is not 6");
    return;
  }
  uint64_t v[kDst + 1] = {};
  for (int i = kTc; i <= kDst; ++i) {
    auto x = b.table(kFields[i], h);
    if (!x) return;
    v[i] = *x;
  }
  const uint32_t available = minus(r.declared, 40);
  uint32_t len = static_cast<uint32_t>(v[kLen]);
  if (len == 0) {
    len = available;
  } else if (len > available) {
    if (!ctx.quoted) b.malformed("payload length exceeds the frame");
    len = available;
  }
  b.set_length(40 + len);
  Region payload = b.payload(h + 40, len);
  dispatch_ip_proto(ctx, static_cast<uint8_t>(v[kNxt]), payload);
}

}  // namespace stratoshark::dissect
