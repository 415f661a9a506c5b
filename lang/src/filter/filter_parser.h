// FilterParser: tokens to the filter syntax tree. Private to lang/src/filter.
//
// The grammar is libpcap's as users meet it: `and`/`or` (also && ||) of equal
// precedence, left-associative; `not`/`!` binding tightest; primitives with
// protocol, direction and address qualifiers; bare values inheriting the
// qualifiers of the primitive before them; relations between unsigned 32-bit
// arithmetic expressions with proto[offset:size] loads (`%` and `^` without a
// precedence of their own, as in libpcap: they take everything to their right).
// Stops at the first error, which goes to `diags` with the offending word
// underlined.
#pragma once

#include <string_view>

#include "filter/filter_tree.h"
#include "stratoshark/lang/diagnostics.h"

namespace stratoshark::lang::filter {

NodePtr parse_filter_tree(std::string_view text, FileId file, uint32_t base, Diagnostics& diags);

}  // namespace stratoshark::lang::filter
