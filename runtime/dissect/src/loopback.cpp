// BSD loopback encapsulation (LINKTYPE_NULL and LINKTYPE_LOOP): a 4-byte
// address family, in the capturing host's byte order for NULL and in network
// order for LOOP. Either way the byte order is recognised by the value (real
// families are small), as other readers do.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

// AF_INET6 differs between systems: Linux 10, NetBSD/OpenBSD 24, FreeBSD 28, Darwin 30.
bool is_inet6(uint64_t family) { return family == 10 || family == 24 || family == 28 || family == 30; }
constexpr uint64_t kInet = 2;

std::string_view family_name(uint64_t family) {
  if (family == kInet) return "IPv4";
  if (is_inet6(family)) return "IPv6";
  return {};
}

const FieldInfo kFields[] = {
    header_field(ProtocolId::Loop, "family", "loop.family", "Family", "null.family", 0, family_name),
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  const size_t next = i + 1;
  if (next < d.layers().size() && d.layers()[next].protocol != &kDataProtocol) return 1;
  out += "loopback, family ";
  append_field(d, i, kFields[0], out);
  return 1;
}

}  // namespace

const ProtocolInfo kLoopbackProtocol{"loop", "BSD loopback", kFields, summarize};

void dissect_loopback(Context& ctx, Region r) {
  LayerBuilder b(ctx, kLoopbackProtocol, r);
  uint32_t raw = 0;
  if (!b.cursor().u32(raw)) {
    b.truncated("capture ends in loop.family");
    return;
  }
  // Real families are small: a large value was written in the other byte order.
  uint32_t family = raw;
  if ((family & 0xffff0000u) && !(__builtin_bswap32(raw) & 0xffff0000u)) family = __builtin_bswap32(raw);
  b.add(kFields[0], r.offset, 4, family);
  b.set_length(4);
  Region payload = b.payload(r.offset + 4, minus(r.declared, 4));
  if (family == kInet) return dispatch_ethertype(ctx, protocols::kEtherTypeIpv4, payload);
  if (is_inet6(family)) return dispatch_ethertype(ctx, protocols::kEtherTypeIpv6, payload);
  dissect_data(ctx, payload);
}

}  // namespace stratoshark::dissect
