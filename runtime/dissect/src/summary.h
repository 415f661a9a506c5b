// Helpers the protocols' summary hooks share (summary.cpp walks the layers
// and calls the hooks; each protocol file renders its own part).
#pragma once

#include <string>

#include "stratoshark/dissect/format.h"
#include "stratoshark/dissect/model.h"
#include "text.h"

namespace stratoshark::dissect {

// The value of `info` in layer `layer`, or `fallback` when absent.
uint64_t number_of(const Dissection& d, size_t layer, const FieldInfo& info, uint64_t fallback = 0);
bool has_field(const Dissection& d, size_t layer, const FieldInfo& info);
// Appends the field's value as the tree shows it; nothing when absent.
void append_field(const Dissection& d, size_t layer, const FieldInfo& info, std::string& out);
// Index of the layer after `layer` at the same level, or layers().size().
size_t next_layer(const Dissection& d, size_t layer);
// How many layers from `layer` on belong to it: itself and any deeper-level layers right after it.
size_t with_nested(const Dissection& d, size_t layer);
// True when layer `i` exists and is of `protocol`.
bool layer_is(const Dissection& d, size_t i, const ProtocolInfo& protocol);

// Source and destination ports of a TCP or UDP layer (tcp.cpp, udp.cpp);
// false when the layer is another protocol or lacks them.
bool tcp_ports(const Dissection& d, size_t layer, uint64_t& src, uint64_t& dst);
bool udp_ports(const Dissection& d, size_t layer, uint64_t& src, uint64_t& dst);
// "SRC > DST" for the IP layer `ip`, as "SRC.PORT > DST.PORT" when the next
// layer at its level is TCP or UDP with ports (tcpdump's form).
void append_endpoints(const Dissection& d, size_t ip, const Field& src, const Field& dst, std::string& out);

// IPv6 extension header layers (ipv6_ext.cpp): whether a layer is one, its
// summary piece ("HBH", "frag (id 0x1, offset 0, more)"), its next header.
bool is_ipv6_extension(const ProtocolInfo& protocol);
void summarize_ipv6_extension(const Dissection& d, size_t layer, std::string& out);
uint64_t ipv6_extension_next(const Dissection& d, size_t layer);

}  // namespace stratoshark::dissect
