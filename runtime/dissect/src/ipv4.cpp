// IPv4 (RFC 791): the fixed header from the protocol table, options, then the
// payload by protocol number. Checks: version 4, header length >= 20 bytes,
// total length >= header length (0 means "unknown", as segmentation offload
// captures write it: the frame's length is used). A total length beyond the
// frame is marked malformed and the frame's bytes are used. Non-first
// fragments are not dissected further (no reassembly).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view option_name(uint64_t type) {
  switch (type) {
    case 0:
      return "end of options";
    case 1:
      return "no operation";
    case 7:
      return "record route";
    case 68:
      return "timestamp";
    case 130:
      return "security";
    case 131:
      return "loose source route";
    case 136:
      return "stream id";
    case 137:
      return "strict source route";
    case 148:
      return "router alert";
    default:
      return {};
  }
}

enum {
  kVersion, kHl, kTos, kLen, kId, kFlags, kFragOff, kTtl, kProto, kChecksum, kSrc, kDst,
  kFlagRb, kFlagDf, kFlagMf, kOption, kOptionType, kOptionLen,
};
const FieldInfo kFields[] = {
    header_field(ProtocolId::Ip, "version", "ip.version", "Version", "ip.version"),
    scaled(header_field(ProtocolId::Ip, "hl", "ip.hl", "Header length (32-bit words)", "ip.hdr_len"), 4),
    header_field(ProtocolId::Ip, "tos", "ip.tos", "Type of service", "ip.dsfield", 2),
    header_field(ProtocolId::Ip, "len", "ip.len", "Total length", "ip.len"),
    header_field(ProtocolId::Ip, "id", "ip.id", "Identification", "ip.id", 4),
    header_field(ProtocolId::Ip, "flags", "ip.flags", "Flags", "ip.flags", 2),
    header_field(ProtocolId::Ip, "frag_off", "ip.frag_off", "Fragment offset (8-byte units)", "ip.frag_offset"),
    header_field(ProtocolId::Ip, "ttl", "ip.ttl", "Time to live", "ip.ttl"),
    header_field(ProtocolId::Ip, "proto", "ip.proto", "Protocol", "ip.proto", 0, ip_proto_name),
    header_field(ProtocolId::Ip, "checksum", "ip.checksum", "Header checksum", "ip.checksum", 4),
    header_field(ProtocolId::Ip, "src", "ip.src", "Source", "ip.src"),
    header_field(ProtocolId::Ip, "dst", "ip.dst", "Destination", "ip.dst"),
    {.key = "ip.flags.rb", .label = "Reserved bit", .format = Format::Flag, .wireshark = "ip.flags.rb"},
    {.key = "ip.flags.df", .label = "Don't fragment", .format = Format::Flag, .wireshark = "ip.flags.df"},
    {.key = "ip.flags.mf", .label = "More fragments", .format = Format::Flag, .wireshark = "ip.flags.mf"},
    {.key = "ip.opt", .label = "Option", .format = Format::Group},
    {.key = "ip.opt.type", .label = "Type", .wireshark = "ip.opt.type", .meaning = option_name},
    {.key = "ip.opt.len", .label = "Length", .wireshark = "ip.opt.len"},
};

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "IP ";
  const Field* src = d.find(d.layers()[i], kFields[kSrc]);
  const Field* dst = d.find(d.layers()[i], kFields[kDst]);
  if (!src || !dst) {
    out += "(header cut short)";
    return 1;
  }
  append_endpoints(d, i, *src, *dst, out);
  const uint64_t frag = number_of(d, i, kFields[kFragOff]);
  if (frag) {
    out += ": fragment of ";
    append_field(d, i, kFields[kProto], out);
    if (auto name = ip_proto_name(number_of(d, i, kFields[kProto])); !name.empty()) {
      out += " (";
      out.append(name);
      out += ")";
    }
    out += ", id ";
    append_field(d, i, kFields[kId], out);
    out += ", offset ";
    append_dec(out, frag * 8);
    if (number_of(d, i, kFields[kFlagMf])) out += ", more";
  }
  const size_t next = i + 1;
  if (next < d.layers().size() && d.layers()[next].protocol == &kDataProtocol && !frag) {
    out += ": ip-proto-";
    append_field(d, i, kFields[kProto], out);
  }
  if (next >= d.layers().size() || d.layers()[next].protocol == &kDataProtocol) {
    out += ", length ";
    append_dec(out, minus(static_cast<uint32_t>(number_of(d, i, kFields[kLen])),
                          static_cast<uint32_t>(number_of(d, i, kFields[kHl]) * 4)));
  }
  return 1;
}

// Options between the fixed header and the header length. A bad option
// length marks the layer malformed and ends the options; the payload still
// follows (its start is known from the header length).
void add_options(LayerBuilder& b, uint32_t begin, uint32_t end) {
  Cursor c = b.cursor();
  if (!c.seek(begin)) return;
  while (c.offset() < end) {
    const uint32_t at = static_cast<uint32_t>(c.offset());
    uint8_t type = 0;
    if (!c.u8(type)) {
      b.truncated("capture ends in the IPv4 options");
      return;
    }
    if (type == 0 || type == 1) {
      b.add(kFields[kOption], at, 1, 0);
      b.add(kFields[kOptionType], at, 1, type, 1);
      if (type == 0) return;
      continue;
    }
    uint8_t len = 0;
    if (!c.u8(len)) {
      b.truncated("capture ends in the IPv4 options");
      return;
    }
    b.add(kFields[kOption], at, len, 0);
    b.add(kFields[kOptionType], at, 1, type, 1);
    b.add(kFields[kOptionLen], at + 1, 1, len, 1);
    if (len < 2 || at + len > end) {
      b.malformed("IPv4 option length does not fit the header");
      return;
    }
    if (!c.skip(len - 2u)) {
      b.truncated("capture ends in the IPv4 options");
      return;
    }
  }
}

}  // namespace

const ProtocolInfo kIpv4Protocol{"ip", "Internet Protocol version 4", kFields, summarize};

void dissect_ipv4(Context& ctx, Region r) {
  LayerBuilder b(ctx, kIpv4Protocol, r);
  const uint32_t h = r.offset;
  auto version = b.table(kFields[kVersion], h);
  if (!version) return;
  if (*version != 4) {
    b.malformed("version is not 4");
    return;
  }
  auto hl = b.table(kFields[kHl], h);
  if (!hl) return;
  if (*hl < 5) {
    b.malformed("header length below 20 bytes");
    return;
  }
  uint64_t v[kDst + 1] = {};
  for (int i = kTos; i <= kDst; ++i) {
    auto x = b.table(kFields[i], h);
    if (!x) return;
    v[i] = *x;
    if (i == kFlags) {
      b.add(kFields[kFlagRb], h + 6, 1, (*x >> 2) & 1, 1);
      b.add(kFields[kFlagDf], h + 6, 1, (*x >> 1) & 1, 1);
      b.add(kFields[kFlagMf], h + 6, 1, *x & 1, 1);
    }
  }
  const uint32_t header_len = static_cast<uint32_t>(*hl * 4);
  uint32_t total = static_cast<uint32_t>(v[kLen]);
  if (total == 0) {
    total = r.declared;  // segmentation offload: the length is the frame's
  } else if (total > r.declared) {
    // An ICMP error quotes only the start of a packet: that is expected.
    if (!ctx.quoted) b.malformed("total length exceeds the frame");
    total = r.declared;
  }
  if (total < header_len) {
    b.malformed("total length shorter than the header");
    return;
  }
  b.set_length(total);
  if (header_len > 20) add_options(b, h + 20, h + header_len);
  if (!b.cursor().contains(h, header_len)) {
    b.truncated("capture ends in the IPv4 options");
    return;
  }
  Region payload = b.payload(h + header_len, total - header_len);
  if (v[kFragOff] != 0) {
    dissect_data(ctx, payload);  // a later fragment: its protocol header is in the first one
    return;
  }
  dispatch_ip_proto(ctx, static_cast<uint8_t>(v[kProto]), payload);
}

}  // namespace stratoshark::dissect
