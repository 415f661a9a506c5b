// Packet dissection: one captured frame in, the model of model.h out.
//
// dissect() starts from the frame's link type (Ethernet, 802.1Q/802.1ad,
// Linux SLL and SLL2, raw IPv4/IPv6, BSD loopback) and follows the headers:
// ARP, IPv4 (options, fragments), IPv6 (extension headers), ICMP, ICMPv6,
// TCP (options), UDP, DNS, HTTP/1.x, TLS handshakes, and the tunnels GRE,
// IP-in-IP, MPLS, VXLAN and Geneve. Every byte is read through a
// bounds-checked cursor: a layer the capture cuts short is marked truncated,
// one whose lengths or values cannot be trusted is marked malformed, and
// dissection stops there. It never reads outside frame.bytes and never fails:
// an unknown link type gives a single layer that says so.
#pragma once

#include "stratoshark/dissect/model.h"

namespace stratoshark::dissect {

// Dissects `frame` into `out`, replacing what `out` held (its storage is
// reused). `frame.bytes` must stay alive while `out` is used.
void dissect(const Frame& frame, Dissection& out);

// The link types dissect() understands (LINKTYPE_* values) and their names.
bool link_type_supported(uint32_t link_type);
std::string_view link_type_name(uint32_t link_type);

}  // namespace stratoshark::dissect
