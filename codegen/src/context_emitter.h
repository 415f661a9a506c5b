// Reading a probe's positional arguments and return value from its context
// (context_emitter.cpp). The type checker has made sure they exist.
#pragma once

#include <cstdint>

#include "stratoshark/lang/types.h"

namespace stratoshark::codegen {

class ProgramEmitter;
struct Val;

// argN of the running probe, as u64.
Val emit_positional_arg(ProgramEmitter& e, uint32_t n);
// `retval`, extended from its width as `type` says.
Val emit_retval(ProgramEmitter& e, const lang::Type& type);

}  // namespace stratoshark::codegen
