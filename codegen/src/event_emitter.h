// Events to user space: through the BPF ring buffer (default) or a perf
// event array (--event-mode perf). The choice is made once per compilation
// (CodegenOptions::event_mode), and this is the only code that knows it. An
// event that cannot be queued (the buffer is full) is counted in ss_dropped.
// Private to codegen.
#pragma once

#include <functional>

#include "program_emitter.h"

namespace stratoshark::codegen {

// The largest event a perf buffer takes: perf's record header holds the
// record's size in 16 bits (8 header bytes, 4 of raw size, padding to 8).
constexpr uint32_t kPerfMaxEvent = 65512;

// Builds a `size`-byte event with `fill` and queues it: in place in the ring
// buffer, or in a zeroed buffer that is then copied to this CPU's perf buffer.
void emit_event(ProgramEmitter& e, uint32_t size, const std::function<void(llvm::Value*)>& fill);
// Queues the `size` (i64) bytes at `record` (a map value) as one event.
void output_event(ProgramEmitter& e, llvm::Value* record, llvm::Value* size);
// The largest event output_event() can queue.
uint32_t max_event_size(const ProgramEmitter& e);

}  // namespace stratoshark::codegen
