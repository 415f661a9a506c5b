// UDP (RFC 768): the header from the protocol table, then the payload by
// port. A length below 8 is malformed; one beyond the IP payload is
// malformed and the IP payload's bytes are used; 0 (jumbograms, RFC 2675)
// means the IP payload's length.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

enum { kSport, kDport, kLen, kChecksum };
const FieldInfo kFields[] = {
    header_field(ProtocolId::Udp, "sport", "udp.sport", "Source port", "udp.srcport"),
    header_field(ProtocolId::Udp, "dport", "udp.dport", "Destination port", "udp.dstport"),
    header_field(ProtocolId::Udp, "len", "udp.len", "Length", "udp.length"),
    header_field(ProtocolId::Udp, "checksum", "udp.checksum", "Checksum", "udp.checksum", 4),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  const size_t next = i + 1;
  const bool app = next < d.layers().size() && d.layers()[next].protocol != &kDataProtocol &&
                   d.layers()[next].level == d.layers()[i].level;
  if (app) return 1;  // the application's summary says more than "UDP"
  out += "UDP";
  if (has_field(d, i, kFields[kLen])) {
    out += ", length ";
    append_dec(out, minus(static_cast<uint32_t>(number_of(d, i, kFields[kLen])), 8));
  }
  return 1;
}

}  // namespace

const ProtocolInfo kUdpProtocol{"udp", "User Datagram Protocol", kFields, summarize};

bool udp_ports(const Dissection& d, size_t i, uint64_t& src, uint64_t& dst) {
  if (i >= d.layers().size() || d.layers()[i].protocol != &kUdpProtocol) return false;
  const Field* s = d.find(d.layers()[i], kFields[kSport]);
  const Field* t = d.find(d.layers()[i], kFields[kDport]);
  if (!s || !t) return false;
  src = s->number;
  dst = t->number;
  return true;
}

void dissect_udp(Context& ctx, Region r) {
  LayerBuilder b(ctx, kUdpProtocol, r);
  const uint32_t h = r.offset;
  uint64_t v[kChecksum + 1] = {};
  for (int i = kSport; i <= kChecksum; ++i) {
    auto x = b.table(kFields[i], h);
    if (!x) return;
    v[i] = *x;
  }
  uint32_t len = static_cast<uint32_t>(v[kLen]);
  if (len == 0) {
    len = r.declared;
  } else if (len < 8) {
    b.malformed("length below 8 bytes");
    return;
  } else if (len > r.declared) {
    if (!ctx.quoted) b.malformed("length exceeds the IP payload");
    len = r.declared;
  }
  b.set_length(len);
  if (len <= 8) return;
  dispatch_ports(ctx, Transport::Udp, static_cast<uint16_t>(v[kSport]), static_cast<uint16_t>(v[kDport]),
                 b.payload(h + 8, len - 8));
}

}  // namespace stratoshark::dissect
