// Appending numbers, addresses and untrusted text to a string: the building
// blocks of every rendering (summary, tree, tshark-style values). No locale,
// no allocation beyond the string's growth.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace stratoshark::dissect {

void append_dec(std::string& out, uint64_t v);
// "0x" and at least `digits` lowercase hex digits (more if the value needs them).
void append_hex(std::string& out, uint64_t v, unsigned digits);
void append_ipv4(std::string& out, uint32_t address);
// RFC 5952 text: lowercase, longest run of zero groups as "::", and the
// dotted tail for IPv4-mapped and IPv4-compatible addresses (as inet_ntop).
void append_ipv6(std::string& out, std::span<const uint8_t, 16> address);
void append_mac(std::string& out, uint64_t address);
// Bytes as lowercase hex pairs joined by `separator` (0 for none).
void append_hex_bytes(std::string& out, std::span<const uint8_t> bytes, char separator);
// Untrusted bytes as text: printable ASCII as is, '\\' and others as \xNN.
void append_escaped(std::string& out, std::string_view bytes);

}  // namespace stratoshark::dissect
