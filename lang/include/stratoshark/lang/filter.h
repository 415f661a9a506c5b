// Capture filters: the tcpdump / pcap-filter language ("tcp port 80 and host
// 10.0.0.1") parsed into the script language's expression nodes, so the same
// type checker, estimator and code generator handle both.
//
// parse_filter() reads `text`, which sits at byte `base` of `file` (a file of
// its own such as "<filter>", or the inside of a filter("...") string in a
// script, so carets point into what the user wrote). It returns a boolean
// expression owned by `ast`, or null after reporting the first problem to
// `diags` (message, the offending words underlined, a hint). Meanings follow
// libpcap 1.10 exactly, for the link type `link_type` (LINKTYPE_*: where the
// network layer starts, which primitives exist there; one that libpcap refuses
// on that link type is refused with its name); docs/capture-filters.md lists
// what is covered.
#pragma once

#include <string_view>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"

namespace stratoshark::lang {

Expr* parse_filter(std::string_view text, FileId file, uint32_t base, uint32_t link_type, AstContext& ast,
                   Diagnostics& diags);

}  // namespace stratoshark::lang
