#include "text.h"

namespace stratoshark::dissect {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

void append_dec(std::string& out, uint64_t v) {
  char buf[20];
  size_t n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) out.push_back(buf[--n]);
}

void append_hex(std::string& out, uint64_t v, unsigned digits) {
  char buf[16];
  size_t n = 0;
  do {
    buf[n++] = kHex[v & 0xf];
    v >>= 4;
  } while (v);
  while (n < digits && n < sizeof buf) buf[n++] = '0';
  out += "0x";
  while (n) out.push_back(buf[--n]);
}

void append_ipv4(std::string& out, uint32_t a) {
  append_dec(out, a >> 24);
  out.push_back('.');
  append_dec(out, (a >> 16) & 0xff);
  out.push_back('.');
  append_dec(out, (a >> 8) & 0xff);
  out.push_back('.');
  append_dec(out, a & 0xff);
}

void append_ipv6(std::string& out, std::span<const uint8_t, 16> a) {
  uint16_t words[8];
  for (int i = 0; i < 8; ++i) words[i] = static_cast<uint16_t>(a[2 * i] << 8 | a[2 * i + 1]);
  // The longest run of two or more zero words (the first one on ties).
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (words[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && words[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) best = i, best_len = j - i;
    i = j;
  }
  const bool v4_tail = best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff));
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (i > 0 && i != best + best_len) out.push_back(':');
    if (i == 6 && v4_tail) {
      append_ipv4(out, static_cast<uint32_t>(a[12]) << 24 | a[13] << 16 | a[14] << 8 | a[15]);
      break;
    }
    uint16_t w = words[i];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      unsigned nib = (w >> shift) & 0xf;
      if (nib || started || shift == 0) {
        out.push_back(kHex[nib]);
        started = true;
      }
    }
  }
}

void append_mac(std::string& out, uint64_t a) {
  for (int i = 5; i >= 0; --i) {
    unsigned b = (a >> (8 * i)) & 0xff;
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xf]);
    if (i) out.push_back(':');
  }
}

void append_hex_bytes(std::string& out, std::span<const uint8_t> bytes, char separator) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i && separator) out.push_back(separator);
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0xf]);
  }
}

void append_escaped(std::string& out, std::string_view bytes) {
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f && u != '\\') {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xf]);
    }
  }
}

}  // namespace stratoshark::dissect
