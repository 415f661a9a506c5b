// TCP (RFC 9293): the fixed header from the protocol table, the flags one by
// one, options (MSS, window scale, SACK, timestamps, and any other kind by
// its length), then the payload by port (dispatch.cpp). A data offset below 5
// words is malformed and ends the layer; a bad option length is malformed but
// the payload still follows, since the data offset says where it starts.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view option_name(uint64_t kind) {
  switch (kind) {
    case 0:
      return "end of options";
    case 1:
      return "no operation";
    case 2:
      return "maximum segment size";
    case 3:
      return "window scale";
    case 4:
      return "SACK permitted";
    case 5:
      return "SACK";
    case 8:
      return "timestamps";
    case 28:
      return "user timeout";
    case 29:
      return "authentication (TCP-AO)";
    case 30:
      return "multipath TCP";
    case 34:
      return "fast open cookie";
    default:
      return {};
  }
}

enum {
  kSport, kDport, kSeq, kAck, kOff, kRes, kAe, kFlags, kWin, kChecksum, kUrp,
  kCwr, kEce, kUrg, kAckFlag, kPsh, kRst, kSyn, kFin,
  kOption, kKind, kLen, kMss, kWscale, kSackLeft, kSackRight, kTsVal, kTsEcr, kPayload,
};
const FieldInfo kFields[] = {
    header_field(ProtocolId::Tcp, "sport", "tcp.sport", "Source port", "tcp.srcport"),
    header_field(ProtocolId::Tcp, "dport", "tcp.dport", "Destination port", "tcp.dstport"),
    header_field(ProtocolId::Tcp, "seq", "tcp.seq", "Sequence number", "tcp.seq"),
    header_field(ProtocolId::Tcp, "ack", "tcp.ack", "Acknowledgment number", "tcp.ack"),
    scaled(header_field(ProtocolId::Tcp, "off", "tcp.off", "Data offset (32-bit words)", "tcp.hdr_len"), 4),
    header_field(ProtocolId::Tcp, "res", "tcp.res", "Reserved", "tcp.flags.res"),
    header_field(ProtocolId::Tcp, "ae", "tcp.ae", "Accurate ECN", "tcp.flags.ae"),
    header_field(ProtocolId::Tcp, "flags", "tcp.flags", "Flags"),
    header_field(ProtocolId::Tcp, "win", "tcp.win", "Window", "tcp.window_size_value"),
    header_field(ProtocolId::Tcp, "checksum", "tcp.checksum", "Checksum", "tcp.checksum", 4),
    header_field(ProtocolId::Tcp, "urp", "tcp.urp", "Urgent pointer", "tcp.urgent_pointer"),
    {.key = "tcp.flags.cwr", .label = "CWR", .format = Format::Flag, .wireshark = "tcp.flags.cwr"},
    {.key = "tcp.flags.ece", .label = "ECE", .format = Format::Flag, .wireshark = "tcp.flags.ece"},
    {.key = "tcp.flags.urg", .label = "URG", .format = Format::Flag, .wireshark = "tcp.flags.urg"},
    {.key = "tcp.flags.ack", .label = "ACK", .format = Format::Flag, .wireshark = "tcp.flags.ack"},
    {.key = "tcp.flags.psh", .label = "PSH", .format = Format::Flag, .wireshark = "tcp.flags.push"},
    {.key = "tcp.flags.rst", .label = "RST", .format = Format::Flag, .wireshark = "tcp.flags.reset"},
    {.key = "tcp.flags.syn", .label = "SYN", .format = Format::Flag, .wireshark = "tcp.flags.syn"},
    {.key = "tcp.flags.fin", .label = "FIN", .format = Format::Flag, .wireshark = "tcp.flags.fin"},
    {.key = "tcp.opt", .label = "Option", .format = Format::Group},
    {.key = "tcp.opt.kind", .label = "Kind", .wireshark = "tcp.option_kind", .meaning = option_name},
    {.key = "tcp.opt.len", .label = "Length", .wireshark = "tcp.option_len"},
    {.key = "tcp.opt.mss", .label = "MSS", .wireshark = "tcp.options.mss_val"},
    {.key = "tcp.opt.wscale", .label = "Shift count", .wireshark = "tcp.options.wscale.shift"},
    {.key = "tcp.opt.sack_left", .label = "Left edge", .wireshark = "tcp.options.sack_le"},
    {.key = "tcp.opt.sack_right", .label = "Right edge", .wireshark = "tcp.options.sack_re"},
    {.key = "tcp.opt.ts_val", .label = "Timestamp value", .wireshark = "tcp.options.timestamp.tsval"},
    {.key = "tcp.opt.ts_ecr", .label = "Timestamp echo reply", .wireshark = "tcp.options.timestamp.tsecr"},
    {.key = "tcp.len", .label = "Payload length", .wireshark = "tcp.len"},
};

void append_flags(uint64_t flags, uint64_t ae, std::string& out) {
  static constexpr struct {
    uint8_t bit;
    char letter;
  } kLetters[] = {{0x01, 'F'}, {0x02, 'S'}, {0x04, 'R'}, {0x08, 'P'}, {0x10, '.'}, {0x20, 'U'}, {0x40, 'E'}, {0x80, 'W'}};
  out += "Flags [";
  const size_t before = out.size();
  for (auto [bit, letter] : kLetters) {
    if (flags & bit) out.push_back(letter);
  }
  if (ae) out.push_back('e');
  if (out.size() == before) out += "none";
  out += "]";
}

// tcpdump's option list: "mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7".
void append_options(const Dissection& d, size_t i, std::string& out) {
  bool any = false;
  auto fields = d.fields(d.layers()[i]);
  for (size_t k = 0; k < fields.size(); ++k) {
    if (fields[k].info != &kFields[kKind]) continue;
    out += any ? "," : ", options [";
    any = true;
    const uint64_t kind = fields[k].number;
    auto value_of = [&](int which) -> const Field* {
      for (size_t j = k + 1; j < fields.size() && fields[j].depth > 0; ++j) {
        if (fields[j].info == &kFields[which]) return &fields[j];
      }
      return nullptr;
    };
    switch (kind) {
      case 0:
        out += "eol";
        break;
      case 1:
        out += "nop";
        break;
      case 2:
        out += "mss ";
        if (auto f = value_of(kMss)) append_dec(out, f->number);
        break;
      case 3:
        out += "wscale ";
        if (auto f = value_of(kWscale)) append_dec(out, f->number);
        break;
      case 4:
        out += "sackOK";
        break;
      case 5:
        out += "sack";
        break;
      case 8:
        out += "TS val ";
        if (auto f = value_of(kTsVal)) append_dec(out, f->number);
        out += " ecr ";
        if (auto f = value_of(kTsEcr)) append_dec(out, f->number);
        break;
      case 30:
        out += "mptcp";
        break;
      case 34:
        out += "tfo";
        break;
      default:
        out += "unknown-";
        append_dec(out, kind);
        break;
    }
  }
  if (any) out += "]";
}

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  if (!has_field(d, i, kFields[kFlags])) {
    out += "tcp";
    return 1;
  }
  const uint64_t flags = number_of(d, i, kFields[kFlags]);
  append_flags(flags, number_of(d, i, kFields[kAe]), out);
  const uint64_t seq = number_of(d, i, kFields[kSeq]), len = number_of(d, i, kFields[kPayload]);
  out += ", seq ";
  append_dec(out, seq);
  if (len) {
    out.push_back(':');
    append_dec(out, (seq + len) & 0xffffffff);
  }
  if (flags & 0x10) {
    out += ", ack ";
    append_field(d, i, kFields[kAck], out);
  }
  out += ", win ";
  append_field(d, i, kFields[kWin], out);
  append_options(d, i, out);
  out += ", length ";
  append_dec(out, len);
  return 1;
}

// One option's value fields, by kind and length (all its bytes are captured).
void add_option_values(LayerBuilder& b, uint64_t kind, uint32_t at, uint32_t len) {
  Cursor c = b.cursor();
  c.seek(at + 2);
  if (kind == 2 && len == 4) {
    uint16_t mss = 0;
    c.u16(mss);
    b.add(kFields[kMss], at + 2, 2, mss, 1);
  } else if (kind == 3 && len == 3) {
    uint8_t shift = 0;
    c.u8(shift);
    b.add(kFields[kWscale], at + 2, 1, shift, 1);
  } else if (kind == 8 && len == 10) {
    uint32_t val = 0, ecr = 0;
    c.u32(val);
    c.u32(ecr);
    b.add(kFields[kTsVal], at + 2, 4, val, 1);
    b.add(kFields[kTsEcr], at + 6, 4, ecr, 1);
  } else if (kind == 5) {
    for (uint32_t edge = at + 2; edge + 8 <= at + len; edge += 8) {
      uint32_t left = 0, right = 0;
      c.u32(left);
      c.u32(right);
      b.add(kFields[kSackLeft], edge, 4, left, 1);
      b.add(kFields[kSackRight], edge + 4, 4, right, 1);
    }
  }
}

// Options in [begin, end): false if the capture ended inside them.
bool add_options(LayerBuilder& b, uint32_t begin, uint32_t end) {
  Cursor c = b.cursor();
  if (!c.seek(begin)) return b.truncated("capture ends in the TCP options");
  while (c.offset() < end) {
    const uint32_t at = static_cast<uint32_t>(c.offset());
    uint8_t kind = 0, len = 0;
    if (!c.u8(kind)) return b.truncated("capture ends in the TCP options");
    if (kind == 0 || kind == 1) {
      b.add(kFields[kOption], at, 1, 0);
      b.add(kFields[kKind], at, 1, kind, 1);
      if (kind == 0) return true;  // the rest is padding
      continue;
    }
    if (!c.u8(len)) return b.truncated("capture ends in the TCP options");
    b.add(kFields[kOption], at, len, 0);
    b.add(kFields[kKind], at, 1, kind, 1);
    b.add(kFields[kLen], at + 1, 1, len, 1);
    if (len < 2 || at + len > end) {
      b.malformed("TCP option length does not fit the header");
      return true;
    }
    if (!c.contains(at, len)) return b.truncated("capture ends in the TCP options");
    c.seek(at + len);
    add_option_values(b, kind, at, len);
  }
  return true;
}

}  // namespace

const ProtocolInfo kTcpProtocol{"tcp", "Transmission Control Protocol", kFields, summarize};

bool tcp_ports(const Dissection& d, size_t i, uint64_t& src, uint64_t& dst) {
  if (i >= d.layers().size() || d.layers()[i].protocol != &kTcpProtocol) return false;
  const Field* s = d.find(d.layers()[i], kFields[kSport]);
  const Field* t = d.find(d.layers()[i], kFields[kDport]);
  if (!s || !t) return false;
  src = s->number;
  dst = t->number;
  return true;
}

void dissect_tcp(Context& ctx, Region r) {
  LayerBuilder b(ctx, kTcpProtocol, r);
  const uint32_t h = r.offset;
  uint64_t v[kUrp + 1] = {};
  for (int i = kSport; i <= kUrp; ++i) {
    auto x = b.table(kFields[i], h);
    if (!x) return;
    v[i] = *x;
    if (i == kOff && *x < 5) {
      b.malformed("data offset below 20 bytes");
      return;
    }
    if (i == kFlags) {
      for (int bit = 7, k = kCwr; bit >= 0; --bit, ++k) b.add(kFields[k], h + 13, 1, (*x >> bit) & 1, 1);
    }
  }
  const uint32_t header_len = static_cast<uint32_t>(v[kOff] * 4);
  if (header_len > r.declared) {
    b.malformed("data offset beyond the segment");
    return;
  }
  b.set_length(r.declared);
  if (header_len > 20 && !add_options(b, h + 20, h + header_len)) return;
  if (!b.cursor().contains(h, header_len)) {
    b.truncated("capture ends in the TCP options");
    return;
  }
  const uint32_t payload_len = r.declared - header_len;
  b.add(kFields[kPayload], h + header_len, 0, payload_len);
  if (payload_len == 0) return;
  dispatch_ports(ctx, Transport::Tcp, static_cast<uint16_t>(v[kSport]), static_cast<uint16_t>(v[kDport]),
                 b.payload(h + header_len, payload_len));
}

}  // namespace stratoshark::dissect
