// How language values are laid out in maps and events (runtime::ValueLayout).
#pragma once

#include "stratoshark/lang/format_string.h"
#include "stratoshark/lang/sema.h"
#include "stratoshark/runtime/artifact.h"

namespace stratoshark::codegen {

// Every integer is stored as 8 bytes; strings at their capacity; tuple
// elements at lang::tuple_offsets().
runtime::ValueLayout layout_of(const lang::Type& type, uint32_t offset = 0);

runtime::MapSpec map_spec(const lang::MapInfo& info);

// Event layout: an 8-byte EventHeader, then each argument 8-byte aligned.
runtime::PrintfSpec printf_spec(const lang::FormatString& format, const std::vector<lang::Type>& arg_types);

}  // namespace stratoshark::codegen
