// The entry point: from a frame's link type to the first dissector.
#include "stratoshark/dissect/dissect.h"

#include "dissector.h"

namespace stratoshark::dissect {

namespace p = protocols;

void dissect(const Frame& frame, Dissection& out) {
  out.reset(frame);
  Context ctx{out, frame.bytes};
  Region r;
  r.offset = 0;
  r.captured = static_cast<uint32_t>(frame.bytes.size());
  // A wire length below the captured length is itself broken; trust the bytes.
  r.declared = frame.wire_length > r.captured ? frame.wire_length : r.captured;
  switch (frame.link_type) {
    case p::kLinkTypeEthernet:
      return dissect_ethernet(ctx, r);
    case p::kLinkTypeLinuxSll:
      return dissect_linux_sll(ctx, r);
    case p::kLinkTypeLinuxSll2:
      return dissect_linux_sll2(ctx, r);
    case p::kLinkTypeNull:
    case p::kLinkTypeLoop:
      return dissect_loopback(ctx, r);
    case p::kLinkTypeCiscoHdlc:
      return dissect_chdlc(ctx, r);
    case p::kLinkTypeSlip:
      return dissect_slip(ctx, r);
    case p::kLinkTypeIpv4:
      return dispatch_ethertype(ctx, p::kEtherTypeIpv4, r);
    case p::kLinkTypeIpv6:
      return dispatch_ethertype(ctx, p::kEtherTypeIpv6, r);
    case p::kLinkTypeRaw: {
      // The version nibble says which IP it is.
      uint8_t first = 0;
      Cursor c(frame.bytes, 0, frame.bytes.size());
      if (c.u8(first) && first >> 4 == 6) return dispatch_ethertype(ctx, p::kEtherTypeIpv6, r);
      return dispatch_ethertype(ctx, p::kEtherTypeIpv4, r);
    }
    default:
      return dissect_unknown_link(ctx, r);
  }
}

// The dissector reads every link type of the protocol table's list (the
// ones replay and the filters read too).
bool link_type_supported(uint32_t link_type) { return p::find_link_layer(link_type) != nullptr; }

std::string_view link_type_name(uint32_t link_type) {
  const p::LinkLayer* link = p::find_link_layer(link_type);
  return link != nullptr ? link->name : std::string_view();
}

}  // namespace stratoshark::dissect
