#include "event_emitter.h"

namespace stratoshark::codegen {

namespace {

bool perf(const ProgramEmitter& e) {
  return const_cast<ProgramEmitter&>(e).state().module.options().event_mode == runtime::EventMode::PerfBuffer;
}

}  // namespace

uint32_t max_event_size(const ProgramEmitter& e) { return perf(e) ? kPerfMaxEvent : UINT32_MAX; }

void output_event(ProgramEmitter& e, llvm::Value* record, llvm::Value* size) {
  llvm::Value* sent = nullptr;
  if (perf(e)) {
    constexpr uint64_t kCurrentCpu = BPF_F_CURRENT_CPU;
    sent = e.call_helper(BPF_FUNC_perf_event_output, e.i64_type(),
                         {e.ctx(), e.state().events, e.i64(kCurrentCpu), record, size});
  } else {
    sent = e.call_helper(BPF_FUNC_ringbuf_output, e.i64_type(), {e.state().events, record, size, e.i64(0)});
  }
  e.if_then(e.b().CreateICmpSLT(sent, e.i64(0)), [&] { e.count_dropped_event(); });
}

void emit_event(ProgramEmitter& e, uint32_t size, const std::function<void(llvm::Value*)>& fill) {
  if (perf(e)) {
    // Zeroed: the verifier lets only initialised bytes leave the stack, and
    // no stale bytes reach user space.
    llvm::Value* record = e.buffer(size, /*zeroed=*/true);
    fill(record);
    output_event(e, record, e.i64(size));
    return;
  }
  llvm::Value* record = e.call_helper(BPF_FUNC_ringbuf_reserve, e.ptr_type(),
                                      {e.state().events, e.i64(size), e.i64(0)});
  e.if_then(
      e.b().CreateIsNotNull(record),
      [&] {
        fill(record);
        e.call_helper(BPF_FUNC_ringbuf_submit, e.b().getVoidTy(), {record, e.i64(0)});
      },
      [&] { e.count_dropped_event(); });
}

}  // namespace stratoshark::codegen
