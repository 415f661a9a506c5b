// FilterLowering: the filter syntax tree to language expressions.
//
// This is where the meaning of each primitive lives: `host X` is a compare of
// ip.src/ip.dst (and of the ARP and RARP addresses), `port N` a compare of
// the transport ports of first fragments, `vlan` a layer test that moves every
// later layer behind one more tag, ... — each exactly as libpcap 1.10 compiles
// it, with the same loads in the same order, so that out-of-bounds reads of
// truncated packets reject the same packets. The result uses the script
// language's nodes (protocol layers, field accesses, comparisons, && || !)
// plus PacketLayer, PacketLoad and AddressMatch.
#pragma once

#include "filter/filter_tree.h"
#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::lang::filter {

// Lowers `root` for packets of `link` (where the network layer starts, which
// primitives exist there); returns null after reporting an error to `diags`.
Expr* lower_filter(const Node& root, const protocols::LinkLayer& link, AstContext& ast, Diagnostics& diags);

}  // namespace stratoshark::lang::filter
