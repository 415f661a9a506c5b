// TLS records (RFC 8446 5.1, RFC 5246 6.2) in one TCP segment, and the
// handshake messages inside handshake records; ClientHello and ServerHello
// are read up to their extensions: server name (SNI, RFC 6066), supported
// versions (RFC 8446 4.2.1) and ALPN (RFC 7301). Without reassembly a record
// or a hello may continue in the next segment: what is here is read, and the
// layer is marked truncated only when the capture (not the segment) ends.
// A segment that does not start with a record header is plain data, unless
// it starts with an SSL 2.0 hello (message type and version only).
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

using protocols::ProtocolId;

std::string_view content_type_name(uint64_t t) {
  switch (t) {
    case 20: return "ChangeCipherSpec";
    case 21: return "Alert";
    case 22: return "Handshake";
    case 23: return "ApplicationData";
    case 24: return "Heartbeat";
    default: return {};
  }
}

std::string_view handshake_name(uint64_t t) {
  switch (t) {
    case 0: return "HelloRequest";
    case 1: return "ClientHello";
    case 2: return "ServerHello";
    case 4: return "NewSessionTicket";
    case 5: return "EndOfEarlyData";
    case 8: return "EncryptedExtensions";
    case 11: return "Certificate";
    case 12: return "ServerKeyExchange";
    case 13: return "CertificateRequest";
    case 14: return "ServerHelloDone";
    case 15: return "CertificateVerify";
    case 16: return "ClientKeyExchange";
    case 20: return "Finished";
    case 24: return "KeyUpdate";
    default: return {};
  }
}

std::string_view version_name(uint64_t v) {
  switch (v) {
    case 0x0300: return "SSL 3.0";
    case 0x0301: return "TLS 1.0";
    case 0x0302: return "TLS 1.1";
    case 0x0303: return "TLS 1.2";
    case 0x0304: return "TLS 1.3";
    default: return {};
  }
}

std::string_view extension_name(uint64_t t) {
  switch (t) {
    case 0: return "server_name";
    case 10: return "supported_groups";
    case 13: return "signature_algorithms";
    case 16: return "application_layer_protocol_negotiation";
    case 43: return "supported_versions";
    case 45: return "psk_key_exchange_modes";
    case 51: return "key_share";
    default: return {};
  }
}

std::string_view sslv2_message_name(uint64_t t) {
  switch (t) {
    case 1: return "SSLv2 ClientHello";
    case 2: return "SSLv2 ClientMasterKey";
    case 4: return "SSLv2 ServerHello";
    default: return {};
  }
}

enum {
  kV2Length, kV2Type,
  kRecord, kType, kVersion, kLength,
  kHandshake, kHsType, kHsLength, kHsVersion, kRandom, kSessionId, kCipherSuitesLength, kCipherSuite,
  kCompressionLength, kExtensionsLength, kExtension, kExtType, kExtLength, kServerName, kSupportedVersion, kAlpn,
};
const FieldInfo kFields[] = {
    {.key = "tls.v2.len", .label = "SSLv2 record length", .wireshark = "tls.record.length"},
    {.key = "tls.v2.type", .label = "SSLv2 message type", .wireshark = "tls.handshake.type",
     .meaning = sslv2_message_name},
    {.key = "tls.record", .label = "Record", .format = Format::Group},
    header_field(ProtocolId::Tls, "type", "tls.type", "Content type", "tls.record.content_type", 0, content_type_name),
    header_field(ProtocolId::Tls, "version", "tls.version", "Version", "tls.record.version", 4, version_name),
    header_field(ProtocolId::Tls, "len", "tls.len", "Length", "tls.record.length"),
    {.key = "tls.handshake", .label = "Handshake message", .format = Format::Group},
    header_field(ProtocolId::TlsHandshake, "type", "tls.handshake.type", "Type", "tls.handshake.type", 0,
                 handshake_name),
    header_field(ProtocolId::TlsHandshake, "len", "tls.handshake.len", "Length", "tls.handshake.length"),
    {.key = "tls.handshake.version", .label = "Version", .format = Format::Hex, .hex_digits = 4,
     .wireshark = "tls.handshake.version", .wireshark_hex_digits = 4, .meaning = version_name},
    {.key = "tls.handshake.random", .label = "Random", .format = Format::Bytes},
    {.key = "tls.handshake.session_id", .label = "Session id", .format = Format::Bytes},
    {.key = "tls.handshake.cipher_suites_len", .label = "Cipher suites length",
     .wireshark = "tls.handshake.cipher_suites_length"},
    {.key = "tls.handshake.cipher_suite", .label = "Cipher suite", .format = Format::Hex, .hex_digits = 4,
     .wireshark = "tls.handshake.ciphersuite", .wireshark_hex_digits = 4},
    {.key = "tls.handshake.compression_len", .label = "Compression methods length",
     .wireshark = "tls.handshake.comp_methods_length"},
    {.key = "tls.handshake.extensions_len", .label = "Extensions length",
     .wireshark = "tls.handshake.extensions_length"},
    {.key = "tls.ext", .label = "Extension", .format = Format::Group},
    {.key = "tls.ext.type", .label = "Type", .wireshark = "tls.handshake.extension.type", .meaning = extension_name},
    {.key = "tls.ext.len", .label = "Length", .wireshark = "tls.handshake.extension.len"},
    {.key = "tls.sni", .label = "Server name", .format = Format::Text,
     .wireshark = "tls.handshake.extensions_server_name"},
    {.key = "tls.supported_version", .label = "Supported version", .format = Format::Hex, .hex_digits = 4,
     .wireshark = "tls.handshake.extensions.supported_version", .wireshark_hex_digits = 4, .meaning = version_name},
    {.key = "tls.alpn", .label = "ALPN protocol", .format = Format::Text,
     .wireshark = "tls.handshake.extensions_alpn_str"},
};

constexpr uint8_t kChangeCipherSpecRecord = 20;
constexpr uint8_t kHandshakeRecord = 22;

// Reads a ClientHello or ServerHello body through a cursor limited to the
// message; returns false when the bytes run out.
class HelloReader {
 public:
  HelloReader(LayerBuilder& b, Cursor c, bool client) : b_(b), c_(c), client_(client) {}

  bool read() {
    uint64_t v = 0;
    if (!number(kHsVersion, 2, v) || !bytes(kRandom, 32)) return false;
    uint64_t sid_len = 0;
    if (!c_.uint_be(1, sid_len) || !bytes(kSessionId, sid_len)) return false;
    if (client_) {
      uint64_t suites = 0;
      if (!number(kCipherSuitesLength, 2, suites)) return false;
      for (uint64_t k = 0; k + 2 <= suites; k += 2) {
        if (!number(kCipherSuite, 2, v)) return false;
      }
      if (suites % 2 && !c_.skip(1)) return false;
      uint64_t methods = 0;
      if (!number(kCompressionLength, 1, methods) || !c_.skip(methods)) return false;
    } else {
      if (!number(kCipherSuite, 2, v) || !c_.skip(1)) return false;
    }
    if (c_.at_end()) return true;  // no extensions
    uint64_t total = 0;
    if (!number(kExtensionsLength, 2, total)) return false;
    const size_t end = c_.offset() + total;
    while (c_.offset() + 4 <= end) {
      const uint32_t at = static_cast<uint32_t>(c_.offset());
      uint64_t type = 0, len = 0;
      if (!c_.uint_be(2, type) || !c_.uint_be(2, len)) return false;
      b_.add(kFields[kExtension], at, static_cast<uint32_t>(4 + len), 0, 1);
      b_.add(kFields[kExtType], at, 2, type, 2);
      b_.add(kFields[kExtLength], at + 2, 2, len, 2);
      Cursor ext = c_.window(len);
      if (!c_.skip(len)) {
        extension(type, ext);  // what of it is here
        return false;
      }
      extension(type, ext);
    }
    return true;
  }

 private:
  bool number(int which, size_t n, uint64_t& v) {
    const uint32_t at = static_cast<uint32_t>(c_.offset());
    if (!c_.uint_be(n, v)) return false;
    b_.add(kFields[which], at, static_cast<uint32_t>(n), v, 1);
    return true;
  }
  bool bytes(int which, uint64_t n) {
    const uint32_t at = static_cast<uint32_t>(c_.offset());
    if (!c_.skip(n)) return false;
    if (n) b_.add(kFields[which], at, static_cast<uint32_t>(n), 0, 1);
    return true;
  }

  void extension(uint64_t type, Cursor ext) {
    if (type == 0 && client_) {
      // server_name_list: (type, length-prefixed name)*; type 0 is host_name.
      uint64_t list = 0;
      if (!ext.uint_be(2, list)) return;
      while (ext.remaining() >= 3) {
        uint64_t name_type = 0, len = 0;
        ext.uint_be(1, name_type);
        ext.uint_be(2, len);
        const uint32_t at = static_cast<uint32_t>(ext.offset());
        std::span<const uint8_t> name;
        if (!ext.bytes(len, name)) return;
        if (name_type == 0) {
          b_.add_text(kFields[kServerName], at, static_cast<uint32_t>(len),
                      std::string_view(reinterpret_cast<const char*>(name.data()), name.size()), 2);
        }
      }
    } else if (type == 43) {
      // ClientHello: a 1-byte length and a list; ServerHello: the chosen version.
      if (client_) {
        uint64_t list = 0;
        if (!ext.uint_be(1, list)) return;
      }
      while (ext.remaining() >= 2) {
        const uint32_t at = static_cast<uint32_t>(ext.offset());
        uint64_t version = 0;
        ext.uint_be(2, version);
        b_.add(kFields[kSupportedVersion], at, 2, version, 2);
      }
    } else if (type == 16) {
      uint64_t list = 0;
      if (!ext.uint_be(2, list)) return;
      while (ext.remaining() >= 1) {
        uint64_t len = 0;
        ext.uint_be(1, len);
        const uint32_t at = static_cast<uint32_t>(ext.offset());
        std::span<const uint8_t> proto;
        if (!ext.bytes(len, proto)) return;
        b_.add_text(kFields[kAlpn], at, static_cast<uint32_t>(len),
                    std::string_view(reinterpret_cast<const char*>(proto.data()), proto.size()), 2);
      }
    }
  }

  LayerBuilder& b_;
  Cursor c_;
  bool client_;
};

// Handshake messages in one handshake record's captured bytes [begin, end).
void add_handshakes(LayerBuilder& b, size_t begin, size_t end) {
  Cursor c(b.context().packet, begin, end);
  while (c.remaining() >= 4) {
    const uint32_t at = static_cast<uint32_t>(c.offset());
    uint64_t type = 0, len = 0;
    c.peek_at(at, 1, type);
    c.peek_at(at + 1, 3, len);
    // An unknown type, or a HelloRequest with a body, is an encrypted
    // handshake message (a Finished after ChangeCipherSpec): stop.
    if (handshake_name(type).empty() || (type == 0 && len != 0)) return;
    b.add(kFields[kHandshake], at, static_cast<uint32_t>(4 + len), 0);
    b.table(kFields[kHsType], at, 1);
    b.table(kFields[kHsLength], at, 1);
    c.skip(4);
    Cursor body = c.window(len);
    if (type == 1 || type == 2) HelloReader(b, body, type == 1).read();
    if (!c.skip(len)) return;
  }
}

// "TLS ClientHello, SNI example.com" / "TLS ServerHello TLS 1.3, ChangeCipherSpec".
size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "TLS";
  const char* separator = " ";
  uint64_t message = 256, version = 0;
  auto finish_message = [&] {
    if (message != 2 || !version) return;  // a ServerHello names the version it chose
    out.push_back(' ');
    if (auto name = version_name(version); !name.empty()) {
      out.append(name);
    } else {
      append_hex(out, version, 4);
    }
  };
  for (const Field& f : d.fields(d.layers()[i])) {
    if (f.info == &kFields[kV2Type]) {
      out += separator;
      separator = ", ";
      out.append(sslv2_message_name(f.number));
    } else if (f.info == &kFields[kType] && f.number != kHandshakeRecord) {
      finish_message();
      message = 256;
      out += separator;
      separator = ", ";
      out.append(content_type_name(f.number));
    } else if (f.info == &kFields[kHsType]) {
      finish_message();
      message = f.number;
      version = 0;
      out += separator;
      separator = ", ";
      out.append(handshake_name(f.number));
    } else if (f.info == &kFields[kHsVersion] || f.info == &kFields[kSupportedVersion]) {
      version = f.number;
    } else if (f.info == &kFields[kServerName]) {
      out += ", SNI ";
      append_value(d, f, out);
    }
  }
  finish_message();
  return 1;
}

}  // namespace

const ProtocolInfo kTlsProtocol{"tls", "Transport Layer Security", kFields, summarize};

namespace {

// An SSL 2.0 record with a 2-byte header (RFC 6101 appendix E.1 describes
// the layout) holding a ClientHello, ClientMasterKey or ServerHello: the
// message type, and the version where the message has one.
bool looks_like_sslv2(const Cursor& probe, uint32_t at) {
  uint64_t header = 0, type = 0, a = 0, b = 0;
  if (!probe.peek_at(at, 2, header) || !(header & 0x8000) || (header & 0x7fff) < 3) return false;
  if (!probe.peek_at(at + 2, 1, type)) return false;
  auto version_ok = [](uint64_t v) { return v == 0x0002 || (v >= 0x0300 && v <= 0x0303); };
  switch (type) {
    case 1:
      return probe.peek_at(at + 3, 2, a) && version_ok(a);
    case 4:
      return probe.peek_at(at + 5, 2, a) && version_ok(a);
    case 2:
      // The chosen cipher kind: 0x0N00{40,80,c0}.
      return probe.peek_at(at + 3, 2, a) && probe.peek_at(at + 5, 1, b) && (a >> 8) >= 1 && (a >> 8) <= 7 &&
             (a & 0xff) == 0 && (b == 0x40 || b == 0x80 || b == 0xc0);
    default:
      return false;
  }
}

void dissect_sslv2(Context& ctx, Region r) {
  LayerBuilder b(ctx, kTlsProtocol, r);
  b.set_length(r.declared);
  const uint32_t h = r.offset;
  Cursor& c = b.cursor();
  uint64_t header = 0, type = 0, version = 0;
  c.peek_at(h, 2, header);
  c.peek_at(h + 2, 1, type);
  b.add(kFields[kRecord], h, static_cast<uint32_t>(2 + (header & 0x7fff)), 0);
  b.add(kFields[kV2Length], h, 2, header & 0x7fff, 1);
  b.add(kFields[kV2Type], h + 2, 1, type, 1);
  const uint32_t version_at = type == 1 ? h + 3 : h + 5;
  if (type != 2 && c.peek_at(version_at, 2, version)) b.add(kFields[kHsVersion], version_at, 2, version, 1);
}

}  // namespace

void dissect_tls(Context& ctx, Region r) {
  Cursor probe(ctx.packet, r.offset, static_cast<size_t>(r.offset) + r.captured);
  if (looks_like_sslv2(probe, r.offset)) return dissect_sslv2(ctx, r);
  uint64_t type = 0, version = 0;
  if (!probe.peek_at(r.offset, 1, type) || !probe.peek_at(r.offset + 1, 2, version) || type < 20 || type > 24 ||
      (version >> 8) != 3) {
    return dissect_data(ctx, r);  // not at a record boundary: continuation bytes
  }
  LayerBuilder b(ctx, kTlsProtocol, r);
  b.set_length(r.declared);
  const bool capture_cut = r.captured < r.declared;
  size_t at = r.offset;
  const size_t end = static_cast<size_t>(r.offset) + r.captured;
  bool encrypted = false;  // handshake records after a ChangeCipherSpec are encrypted
  while (at + 5 <= end) {
    uint64_t t = 0, v = 0, len = 0;
    probe.peek_at(at, 1, t);
    probe.peek_at(at + 1, 2, v);
    probe.peek_at(at + 3, 2, len);
    if (t < 20 || t > 24 || (v >> 8) != 3) return;  // not a record header: stop
    const uint32_t h = static_cast<uint32_t>(at);
    b.add(kFields[kRecord], h, static_cast<uint32_t>(5 + len), 0);
    b.table(kFields[kType], h, 1);
    b.table(kFields[kVersion], h, 1);
    b.table(kFields[kLength], h, 1);
    const size_t body_end = at + 5 + len;
    if (t == kHandshakeRecord && !encrypted) add_handshakes(b, at + 5, body_end < end ? body_end : end);
    if (t == kChangeCipherSpecRecord) encrypted = true;
    at = body_end;
  }
  if (capture_cut && at != end) b.truncated("capture ends in a TLS record");
}

}  // namespace stratoshark::dissect
