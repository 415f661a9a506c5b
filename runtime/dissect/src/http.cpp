// HTTP/1.x (RFC 9112) start lines and header fields of one TCP segment: the
// request line (method, target, version) or status line (version, code,
// reason), then header lines up to the blank line; Host gets its own field.
// Without reassembly a segment may end inside the headers: the lines that are
// complete are read, the rest is left. A segment that does not start with a
// request or status line (a body, a continuation) is plain data.
#include "dissector.h"
#include "summary.h"

namespace stratoshark::dissect {

namespace {

enum { kMethod, kUri, kRequestVersion, kResponseVersion, kCode, kPhrase, kHost, kHeader };
const FieldInfo kFields[] = {
    {.key = "http.method", .label = "Method", .format = Format::Text, .wireshark = "http.request.method"},
    {.key = "http.uri", .label = "Target", .format = Format::Text, .wireshark = "http.request.uri"},
    {.key = "http.version", .label = "Version", .format = Format::Text, .wireshark = "http.request.version"},
    {.key = "http.version", .label = "Version", .format = Format::Text, .wireshark = "http.response.version"},
    {.key = "http.code", .label = "Status code", .wireshark = "http.response.code"},
    {.key = "http.reason", .label = "Reason", .format = Format::Text, .wireshark = "http.response.phrase"},
    {.key = "http.host", .label = "Host", .format = Format::Text, .wireshark = "http.host"},
    {.key = "http.header", .label = "Header", .format = Format::Text},
};

// Methods of RFC 9110 and RFC 5789; a request line must start with one.
// RFC 9110 and RFC 5789, and the SSDP methods of HTTP over UDP (UPnP).
constexpr std::string_view kMethods[] = {"GET",   "HEAD",  "POST",     "PUT",    "DELETE", "CONNECT",
                                         "OPTIONS", "TRACE", "PATCH", "M-SEARCH", "NOTIFY"};

bool is_method(std::string_view token) {
  for (std::string_view m : kMethods) {
    if (token == m) return true;
  }
  return false;
}

bool is_version(std::string_view token) {
  return token.size() == 8 && token.starts_with("HTTP/1.") && token[7] >= '0' && token[7] <= '9';
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A line of `text` starting at `pos`: up to LF (a CR before it dropped).
// False when no LF follows (the line continues past the segment).
bool next_line(std::string_view text, size_t& pos, std::string_view& line) {
  const size_t lf = text.find('\n', pos);
  if (lf == std::string_view::npos) return false;
  line = text.substr(pos, lf - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = lf + 1;
  return true;
}

size_t summarize(const Dissection& d, size_t i, std::string& out) {
  out += "HTTP: ";
  const Layer& layer = d.layers()[i];
  bool first = true;
  for (const Field& f : d.fields(layer)) {
    if (f.info == &kFields[kHost] || f.info == &kFields[kHeader]) continue;
    if (!first) out.push_back(' ');
    first = false;
    append_value(d, f, out);
  }
  if (const Field* host = d.find(layer, kFields[kHost])) {
    out += ", Host ";
    append_value(d, *host, out);
  }
  return 1;
}

}  // namespace

const ProtocolInfo kHttpProtocol{"http", "Hypertext Transfer Protocol", kFields, summarize};

void dissect_http(Context& ctx, Region r) {
  Cursor c(ctx.packet, r.offset, static_cast<size_t>(r.offset) + r.captured);
  auto bytes = c.rest();
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  size_t pos = 0;
  std::string_view line;
  if (!next_line(text, pos, line)) return dissect_data(ctx, r);
  // Request line: METHOD SP target SP HTTP/1.x; status line: HTTP/1.x SP code SP reason.
  const size_t sp1 = line.find(' ');
  const size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp1 == std::string_view::npos) return dissect_data(ctx, r);
  const std::string_view first = line.substr(0, sp1);
  const std::string_view second = line.substr(sp1 + 1, sp2 == std::string_view::npos ? sp2 : sp2 - sp1 - 1);
  const std::string_view third = sp2 == std::string_view::npos ? std::string_view{} : line.substr(sp2 + 1);
  const bool request = is_method(first) && is_version(third);
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  const bool response = is_version(first) && second.size() == 3 && second[0] >= '1' && second[0] <= '5' &&
                        digit(second[1]) && digit(second[2]);
  if (!request && !response) return dissect_data(ctx, r);

  LayerBuilder b(ctx, kHttpProtocol, r);
  b.set_length(r.declared);
  const uint32_t base = r.offset;
  auto at = [&](std::string_view part) { return base + static_cast<uint32_t>(part.data() - text.data()); };
  auto len = [](std::string_view part) { return static_cast<uint32_t>(part.size()); };
  if (request) {
    b.add_text(kFields[kMethod], at(first), len(first), first);
    b.add_text(kFields[kUri], at(second), len(second), second);
    b.add_text(kFields[kRequestVersion], at(third), len(third), third);
  } else {
    b.add_text(kFields[kResponseVersion], at(first), len(first), first);
    const uint64_t code = static_cast<uint64_t>((second[0] - '0') * 100 + (second[1] - '0') * 10 + (second[2] - '0'));
    b.add(kFields[kCode], at(second), 3, code);
    b.add_text(kFields[kPhrase], at(third), len(third), third);
  }
  // Header lines until the blank line or the end of the segment.
  while (next_line(text, pos, line) && !line.empty()) {
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && equals_ignoring_case(line.substr(0, colon), "host")) {
      const std::string_view value = trim(line.substr(colon + 1));
      b.add_text(kFields[kHost], at(value), len(value), value);
    } else {
      b.add_text(kFields[kHeader], at(line), len(line), line);
    }
  }
}

}  // namespace stratoshark::dissect
