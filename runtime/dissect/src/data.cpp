// Bytes no dissector claims ("data"), and frames of a link type we do not
// dissect (one layer that names it).
#include "dissector.h"
#include "stratoshark/dissect/dissect.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

const FieldInfo kDataFields[] = {
    {.key = "data.len", .label = "Length", .wireshark = "data.len"},
};

const FieldInfo kLinkFields[] = {
    {.key = "frame.link_type", .label = "Link type"},
};

size_t summarize_unknown_link(const Dissection& d, size_t i, std::string& out) {
  out += "link type ";
  append_dec(out, d.frame().link_type);
  out += " not dissected, length ";
  append_dec(out, d.frame().wire_length);
  return 1;
}

}  // namespace

const ProtocolInfo kDataProtocol{"data", "Data", kDataFields, nullptr};
const ProtocolInfo kUnknownLinkProtocol{"link", "Link layer not dissected", kLinkFields, summarize_unknown_link};

void dissect_data(Context& ctx, Region r) {
  if (r.declared == 0 && r.captured == 0) return;
  LayerBuilder b(ctx, kDataProtocol, r);
  // Payload bytes the capture cut are not a problem of any header: no mark.
  b.add(kDataFields[0], r.offset, r.captured, r.declared);
}

void dissect_unknown_link(Context& ctx, Region r) {
  LayerBuilder b(ctx, kUnknownLinkProtocol, r);
  b.add(kLinkFields[0], r.offset, 0, ctx.out.frame().link_type);
}

}  // namespace stratoshark::dissect
