// DNS messages (RFC 1035; AAAA RFC 3596, EDNS RFC 6891) over UDP, and over
// TCP with their 2-byte length prefix (RFC 7766): the header from the
// protocol table, questions, then answer, authority and additional records
// with the data of the common types decoded (A, AAAA, NS, CNAME, PTR, MX, TXT,
// SOA, OPT) and the rest shown as bytes. Names follow compression pointers
// only backwards ("a prior occurrence", RFC 1035 4.1.4), so pointer loops
// cannot occur; a forward pointer, a reserved label type or a name over 255
// bytes is malformed. Counts are not trusted: parsing stops where the bytes do.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view type_name(uint64_t t) {
  switch (t) {
    case 1: return "A";
    case 2: return "NS";
    case 5: return "CNAME";
    case 6: return "SOA";
    case 12: return "PTR";
    case 13: return "HINFO";
    case 15: return "MX";
    case 16: return "TXT";
    case 28: return "AAAA";
    case 33: return "SRV";
    case 35: return "NAPTR";
    case 41: return "OPT";
    case 43: return "DS";
    case 46: return "RRSIG";
    case 47: return "NSEC";
    case 48: return "DNSKEY";
    case 50: return "NSEC3";
    case 64: return "SVCB";
    case 65: return "HTTPS";
    case 252: return "AXFR";
    case 255: return "ANY";
    case 257: return "CAA";
    default: return {};
  }
}

std::string_view rcode_name(uint64_t r) {
  static constexpr std::string_view kNames[] = {"NoError", "FormErr", "ServFail", "NXDomain", "NotImp", "Refused",
                                                "YXDomain", "YXRRSet", "NXRRSet", "NotAuth", "NotZone"};
  return r < std::size(kNames) ? kNames[r] : std::string_view{};
}

enum {
  kId, kFlags, kQr, kOpcode, kAa, kTc, kRd, kRa, kZ, kAd, kCd, kRcode, kQdcount, kAncount, kNscount, kArcount,
  kTcpLength, kQuery, kQryName, kQryType, kQryClass,
  kAnswer, kAuthority, kAdditional, kName, kType, kClass, kTtl, kRdlength,
  kA, kAaaa, kNs, kCname, kPtr, kMxPreference, kMxExchange, kTxt, kSoaMname, kSoaRname, kSoaSerial,
  kUdpSize, kExtRcode, kEdnsVersion, kEdnsFlags, kOptionCode, kOptionLength, kRdata,
};
const FieldInfo kFields[] = {
    header_field(ProtocolId::Dns, "id", "dns.id", "Transaction id", "dns.id", 4),
    header_field(ProtocolId::Dns, "flags", "dns.flags", "Flags", "dns.flags", 4),
    header_field(ProtocolId::Dns, "qr", "dns.qr", "Response", "dns.flags.response"),
    header_field(ProtocolId::Dns, "opcode", "dns.opcode", "Opcode", "dns.flags.opcode"),
    header_field(ProtocolId::Dns, "aa", "dns.aa", "Authoritative"),
    header_field(ProtocolId::Dns, "tc", "dns.tc", "Truncated", "dns.flags.truncated"),
    header_field(ProtocolId::Dns, "rd", "dns.rd", "Recursion desired", "dns.flags.recdesired"),
    header_field(ProtocolId::Dns, "ra", "dns.ra", "Recursion available"),
    header_field(ProtocolId::Dns, "z", "dns.z", "Reserved"),
    header_field(ProtocolId::Dns, "ad", "dns.ad", "Authentic data"),
    header_field(ProtocolId::Dns, "cd", "dns.cd", "Checking disabled"),
    header_field(ProtocolId::Dns, "rcode", "dns.rcode", "Response code", {}, 0, rcode_name),
    header_field(ProtocolId::Dns, "qdcount", "dns.qdcount", "Questions", "dns.count.queries"),
    header_field(ProtocolId::Dns, "ancount", "dns.ancount", "Answer records", "dns.count.answers"),
    header_field(ProtocolId::Dns, "nscount", "dns.nscount", "Authority records", "dns.count.auth_rr"),
    header_field(ProtocolId::Dns, "arcount", "dns.arcount", "Additional records", "dns.count.add_rr"),
    {.key = "dns.tcp_length", .label = "Length (TCP)", .wireshark = "dns.length"},
    {.key = "dns.qry", .label = "Question", .format = Format::Group},
    {.key = "dns.qry.name", .label = "Name", .format = Format::Text, .wireshark = "dns.qry.name"},
    {.key = "dns.qry.type", .label = "Type", .wireshark = "dns.qry.type", .meaning = type_name},
    {.key = "dns.qry.class", .label = "Class", .format = Format::Hex, .hex_digits = 4},
    {.key = "dns.an", .label = "Answer", .format = Format::Group},
    {.key = "dns.ns", .label = "Authority", .format = Format::Group},
    {.key = "dns.ar", .label = "Additional", .format = Format::Group},
    {.key = "dns.rr.name", .label = "Name", .format = Format::Text, .wireshark = "dns.resp.name"},
    {.key = "dns.rr.type", .label = "Type", .wireshark = "dns.resp.type", .meaning = type_name},
    {.key = "dns.rr.class", .label = "Class", .format = Format::Hex, .hex_digits = 4},
    {.key = "dns.rr.ttl", .label = "Time to live", .wireshark = "dns.resp.ttl"},
    {.key = "dns.rr.rdlength", .label = "Data length", .wireshark = "dns.resp.len"},
    {.key = "dns.a", .label = "Address", .format = Format::Ipv4, .wireshark = "dns.a"},
    {.key = "dns.aaaa", .label = "Address", .format = Format::Ipv6, .wireshark = "dns.aaaa"},
    {.key = "dns.nsdname", .label = "Name server", .format = Format::Text, .wireshark = "dns.ns"},
    {.key = "dns.cname", .label = "Canonical name", .format = Format::Text, .wireshark = "dns.cname"},
    {.key = "dns.ptr", .label = "Domain name", .format = Format::Text, .wireshark = "dns.ptr.domain_name"},
    {.key = "dns.mx.preference", .label = "Preference", .wireshark = "dns.mx.preference"},
    {.key = "dns.mx.exchange", .label = "Mail exchange", .format = Format::Text, .wireshark = "dns.mx.mail_exchange"},
    {.key = "dns.txt", .label = "Text", .format = Format::Text, .wireshark = "dns.txt"},
    {.key = "dns.soa.mname", .label = "Primary name server", .format = Format::Text, .wireshark = "dns.soa.mname"},
    {.key = "dns.soa.rname", .label = "Responsible mailbox", .format = Format::Text, .wireshark = "dns.soa.rname"},
    {.key = "dns.soa.serial", .label = "Serial", .wireshark = "dns.soa.serial_number"},
    {.key = "dns.opt.udp_size", .label = "UDP payload size", .wireshark = "dns.rr.udp_payload_size"},
    {.key = "dns.opt.ext_rcode", .label = "Extended rcode", .format = Format::Hex, .hex_digits = 2},
    {.key = "dns.opt.version", .label = "EDNS version", .wireshark = "dns.resp.edns0_version"},
    {.key = "dns.opt.flags", .label = "EDNS flags", .format = Format::Hex, .hex_digits = 4},
    {.key = "dns.opt.code", .label = "Option code", .wireshark = "dns.opt.code"},
    {.key = "dns.opt.len", .label = "Option length", .wireshark = "dns.opt.len"},
    {.key = "dns.rdata", .label = "Data", .format = Format::Bytes},
};

constexpr uint16_t kTypeOpt = 41;
constexpr size_t kMaxName = 255;

// Reads DNS names of one message. `base` is the message's first byte;
// compression pointers are offsets from it.
class NameReader {
 public:
  enum class Result { Ok, Truncated, Malformed };

  NameReader(const Cursor& message, uint32_t base) : message_(message), base_(base) {}

  // Decodes the name at `at` into `text` ("<Root>" for the root) and sets
  // `end` to the first byte after the name where it is written. A malformed
  // name leaves `end` at 0 unless it ended with a (bad) pointer.
  Result read(uint32_t at, std::string& text, uint32_t& end) const {
    text.clear();
    size_t pos = at;
    size_t name_bytes = 0;
    bool jumped = false;
    for (;;) {
      uint64_t len = 0;
      if (!message_.peek_at(pos, 1, len)) return Result::Truncated;
      if (len == 0) {
        if (!jumped) end = static_cast<uint32_t>(pos + 1);
        break;
      }
      if ((len & 0xc0) == 0xc0) {
        uint64_t ptr = 0;
        if (!message_.peek_at(pos, 2, ptr)) return Result::Truncated;
        const size_t target = base_ + (ptr & 0x3fff);
        // The name ends at its first pointer, valid or not: a record with a
        // bad name can still be read past it.
        if (!jumped) end = static_cast<uint32_t>(pos + 2);
        if (target >= pos) return Result::Malformed;  // only prior occurrences: no loops
        jumped = true;
        pos = target;
        continue;
      }
      if (len & 0xc0) return Result::Malformed;  // extended (0x40) and reserved (0x80) label types
      name_bytes += len + 1;
      if (name_bytes > kMaxName) return Result::Malformed;
      if (!message_.contains(pos + 1, len)) return Result::Truncated;
      if (!text.empty()) text.push_back('.');
      for (size_t k = 0; k < len; ++k) {
        uint64_t c = 0;
        message_.peek_at(pos + 1 + k, 1, c);
        append_label_char(static_cast<unsigned char>(c), text);
      }
      pos += 1 + len;
    }
    if (text.empty()) text = "<Root>";
    return Result::Ok;
  }

 private:
  // Printable characters as they are; others as \DDD (RFC 1035 5.1 master-file form).
  static void append_label_char(unsigned char c, std::string& text) {
    if (c > 0x20 && c < 0x7f) {
      text.push_back(static_cast<char>(c));
      return;
    }
    text.push_back('\\');
    text.push_back(static_cast<char>('0' + c / 100));
    text.push_back(static_cast<char>('0' + c / 10 % 10));
    text.push_back(static_cast<char>('0' + c % 10));
  }

  const Cursor& message_;
  uint32_t base_;
};

class MessageParser {
 public:
  MessageParser(LayerBuilder& b, uint32_t base, uint32_t end)
      : b_(b), message_(b.context().packet, base, end), names_(message_, base), declared_end_(end) {
    message_.seek(base + 12);  // after the header
  }

  // Reads a name at the cursor into a Text field; false (and the layer
  // marked) when it cannot be read.
  bool name(const FieldInfo& info, uint8_t depth) {
    const uint32_t at = static_cast<uint32_t>(message_.offset());
    uint32_t end = 0;
    auto result = names_.read(at, scratch_, end);
    if (result == NameReader::Result::Truncated) return cut("capture ends in a DNS name");
    if (result == NameReader::Result::Malformed) {
      if (end == 0) return b_.malformed("DNS name with a bad label");
      // A pointer forward or to itself: the layer is malformed, but the
      // name's extent is known and the rest of the record can be read.
      b_.malformed("DNS name with a bad compression pointer");
      scratch_ += scratch_.empty() ? "<bad pointer>" : ".<bad pointer>";
    }
    b_.add_text(info, at, end - at, scratch_, depth);
    message_.seek(end);
    return true;
  }

  bool number(const FieldInfo& info, size_t n, uint8_t depth, uint64_t& v) {
    const uint32_t at = static_cast<uint32_t>(message_.offset());
    if (!message_.uint_be(n, v)) return cut(std::string("capture ends in ").append(info.key));
    b_.add(info, at, static_cast<uint32_t>(n), v, depth);
    return true;
  }

  bool question() {
    b_.add(kFields[kQuery], static_cast<uint32_t>(message_.offset()), 0, 0);
    uint64_t v = 0;
    return name(kFields[kQryName], 1) && number(kFields[kQryType], 2, 1, v) && number(kFields[kQryClass], 2, 1, v);
  }

  bool record(const FieldInfo& group) {
    b_.add(group, static_cast<uint32_t>(message_.offset()), 0, 0);
    if (!name(kFields[kName], 1)) return false;
    uint64_t type = 0, klass = 0, ttl = 0, rdlength = 0;
    const uint32_t fixed = static_cast<uint32_t>(message_.offset());
    if (!message_.has(10)) return cut("capture ends in a DNS record");
    message_.uint_be(2, type);
    message_.uint_be(2, klass);
    message_.uint_be(4, ttl);
    message_.uint_be(2, rdlength);
    b_.add(kFields[kType], fixed, 2, type, 1);
    if (type == kTypeOpt) {
      b_.add(kFields[kUdpSize], fixed + 2, 2, klass, 1);
      b_.add(kFields[kExtRcode], fixed + 4, 1, ttl >> 24, 1);
      b_.add(kFields[kEdnsVersion], fixed + 5, 1, (ttl >> 16) & 0xff, 1);
      b_.add(kFields[kEdnsFlags], fixed + 6, 2, ttl & 0xffff, 1);
    } else {
      b_.add(kFields[kClass], fixed + 2, 2, klass, 1);
      b_.add(kFields[kTtl], fixed + 4, 4, ttl, 1);
    }
    b_.add(kFields[kRdlength], fixed + 8, 2, rdlength, 1);
    const uint32_t data = fixed + 10;
    if (data + rdlength > declared_end_) return b_.malformed("DNS record data beyond the message");
    if (!message_.contains(data, rdlength)) return cut("capture ends in DNS record data");
    const bool ok = record_data(static_cast<uint16_t>(type), data, static_cast<uint32_t>(rdlength));
    message_.seek(data + rdlength);
    return ok;
  }

 private:
  bool cut(std::string_view why) {
    // Short of the capture: truncated; short of the declared message: malformed.
    if (message_.end() < declared_end_) return b_.truncated(why);
    return b_.malformed(std::string(why).append(" (past the end of the message)"));
  }

  // The record's data, [data, data + len), all captured.
  bool record_data(uint16_t type, uint32_t data, uint32_t len) {
    Cursor saved = message_;
    message_.seek(data);
    // Names inside record data must stay inside it.
    auto name_in_data = [&](const FieldInfo& info) {
      if (!name(info, 1)) return false;
      if (message_.offset() > data + len) return b_.malformed("DNS name runs past its record");
      return true;
    };
    uint64_t v = 0;
    bool ok = true;
    switch (type) {
      case 1:
        if (len == 4) {
          message_.uint_be(4, v);
          b_.add(kFields[kA], data, 4, v, 1);
        }
        break;
      case 28:
        if (len == 16) b_.add(kFields[kAaaa], data, 16, 0, 1);
        break;
      case 2:
        ok = name_in_data(kFields[kNs]);
        break;
      case 5:
        ok = name_in_data(kFields[kCname]);
        break;
      case 12:
        ok = name_in_data(kFields[kPtr]);
        break;
      case 15:
        ok = len >= 2 && number(kFields[kMxPreference], 2, 1, v) && name_in_data(kFields[kMxExchange]);
        break;
      case 6:
        ok = name_in_data(kFields[kSoaMname]) && name_in_data(kFields[kSoaRname]) &&
             message_.offset() + 4 <= data + len && number(kFields[kSoaSerial], 4, 1, v);
        break;
      case 16:
        for (uint32_t at = data; at < data + len;) {
          uint64_t n = 0;
          message_.peek_at(at, 1, n);
          if (at + 1 + n > data + len) {
            ok = b_.malformed("TXT string runs past its record");
            break;
          }
          std::span<const uint8_t> bytes;
          message_.seek(at + 1);
          message_.bytes(n, bytes);
          std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
          b_.add_text(kFields[kTxt], at, static_cast<uint32_t>(1 + n), text, 1);
          at += static_cast<uint32_t>(1 + n);
        }
        break;
      case kTypeOpt:
        for (uint32_t at = data; at + 4 <= data + len;) {
          uint64_t code = 0, n = 0;
          message_.peek_at(at, 2, code);
          message_.peek_at(at + 2, 2, n);
          b_.add(kFields[kOptionCode], at, 2, code, 1);
          b_.add(kFields[kOptionLength], at + 2, 2, n, 1);
          at += static_cast<uint32_t>(4 + n);
        }
        break;
      default:
        if (len) b_.add(kFields[kRdata], data, len, 0, 1);
        break;
    }
    message_ = saved;
    return ok;
  }

  LayerBuilder& b_;
  Cursor message_;
  NameReader names_;
  uint32_t declared_end_;
  std::string scratch_;
};

// "22836+ A? www.tcpdump.org. (33)" / "22836* 4/0/1 A 192.0.2.1, CNAME x. (120)"
size_t summarize(const Dissection& d, size_t i, std::string& out) {
  const Layer& layer = d.layers()[i];
  if (!has_field(d, i, kFields[kArcount])) {
    out += "DNS";
    return 1;
  }
  append_dec(out, number_of(d, i, kFields[kId]));
  const bool response = number_of(d, i, kFields[kQr]);
  if (const uint64_t op = number_of(d, i, kFields[kOpcode])) {
    out += " op";
    append_dec(out, op);
  }
  if (!response) {
    if (number_of(d, i, kFields[kRd])) out.push_back('+');
    if (number_of(d, i, kFields[kTc])) out.push_back('|');
  } else {
    if (number_of(d, i, kFields[kAa])) out.push_back('*');
    if (!number_of(d, i, kFields[kRa])) out.push_back('-');
    if (number_of(d, i, kFields[kTc])) out.push_back('|');
    if (auto rcode = number_of(d, i, kFields[kRcode])) {
      out.push_back(' ');
      auto name = rcode_name(rcode);
      if (name.empty()) {
        out += "rcode ";
        append_dec(out, rcode);
      } else {
        out.append(name);
      }
    }
    out.push_back(' ');
    append_dec(out, number_of(d, i, kFields[kAncount]));
    out.push_back('/');
    append_dec(out, number_of(d, i, kFields[kNscount]));
    out.push_back('/');
    append_dec(out, number_of(d, i, kFields[kArcount]));
  }
  const Field* qname = d.find(layer, kFields[kQryName]);
  const Field* qtype = d.find(layer, kFields[kQryType]);
  if (!response && qname && qtype) {
    out.push_back(' ');
    if (auto t = type_name(qtype->number); !t.empty()) {
      out.append(t);
    } else {
      out += "type";
      append_dec(out, qtype->number);
    }
    out += "? ";
    append_escaped(out, d.text(*qname));
    out.push_back('.');
  }
  if (response) {
    // The answers' types and values.
    bool in_answer = false;
    const char* separator = " ";
    for (const Field& f : d.fields(layer)) {
      if (f.depth == 0) in_answer = f.info == &kFields[kAnswer];
      if (!in_answer) continue;
      if (f.info == &kFields[kType]) {
        out += separator;
        separator = ", ";
        if (auto t = type_name(f.number); !t.empty()) {
          out.append(t);
        } else {
          out += "type";
          append_dec(out, f.number);
        }
      } else if (f.depth == 1 &&
                 (f.info == &kFields[kA] || f.info == &kFields[kAaaa] || f.info == &kFields[kCname] ||
                  f.info == &kFields[kPtr] || f.info == &kFields[kNs] || f.info == &kFields[kMxExchange])) {
        out.push_back(' ');
        append_value(d, f, out);
      }
    }
  }
  out += " (";
  append_dec(out, layer.length);
  out += ")";
  return 1;
}

}  // namespace

const ProtocolInfo kDnsProtocol{"dns", "Domain Name System", kFields, summarize};

void dissect_dns(Context& ctx, Region r, Transport transport) {
  LayerBuilder b(ctx, kDnsProtocol, r);
  uint32_t h = r.offset;
  uint32_t length = r.declared;
  if (transport == Transport::Tcp) {
    auto prefix = b.read(kFields[kTcpLength], 2);
    if (!prefix) return;
    h += 2;
    length = static_cast<uint32_t>(*prefix);
    if (length > r.declared - 2) {
      // The message continues in later segments (no reassembly): read what is here.
      length = r.declared - 2;
    }
  }
  b.set_length(length);
  uint64_t v[kArcount + 1] = {};
  for (int i = kId; i <= kArcount; ++i) {
    auto x = b.table(kFields[i], h, i >= kQr && i <= kRcode ? 1 : 0);
    if (!x) return;
    v[i] = *x;
  }
  MessageParser message(b, h, h + length);
  for (uint64_t q = 0; q < v[kQdcount]; ++q) {
    if (!message.question()) return;
  }
  const int groups[] = {kAnswer, kAuthority, kAdditional};
  const uint64_t counts[] = {v[kAncount], v[kNscount], v[kArcount]};
  for (int s = 0; s < 3; ++s) {
    for (uint64_t n = 0; n < counts[s]; ++n) {
      if (!message.record(kFields[groups[s]])) return;
    }
  }
}

}  // namespace stratoshark::dissect
