// Emitters of stats/hist/lhist and of the functions that act on whole maps
// (map_function_emitters.cpp), and the pieces of emission they share with
// function_emitters.cpp. Private to codegen.
#pragma once

#include <functional>

#include "event_emitter.h"
#include "program_emitter.h"

namespace stratoshark::codegen {

Val nothing();
void store_header(ProgramEmitter& e, llvm::Value* record, runtime::EventType type, llvm::Value* id32);
// Per-CPU aggregations: runs `update` on this CPU's slot of the entry, or
// inserts the entry with `initial` written into a fresh value.
void update_or_insert(ProgramEmitter& e, MapTarget& t, const std::function<void(llvm::Value*)>& update,
                      const std::function<void(llvm::Value*)>& initial);
// For a string expression that can be written straight into a destination
// of `capacity` bytes (str(), comm, a string field of `args`), evaluates
// what the string needs now (str()'s address and length) and returns the
// writer; otherwise an empty one.
StringWriter string_writer(ProgramEmitter& e, const lang::Expr& x, uint32_t capacity);
// printf(), system() and cat(): the arguments after the format in one event.
Val emit_formatted(ProgramEmitter& e, const lang::Call& call, runtime::EventType type);
llvm::Value* load64(ProgramEmitter& e, llvm::Value* p, uint32_t offset);
void store64(ProgramEmitter& e, llvm::Value* v, llvm::Value* p, uint32_t offset);

Val emit_Stats(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Hist(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Lhist(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Print(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Clear(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Zero(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Delete(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_HasKey(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Len(ProgramEmitter& e, const lang::Call& call, MapTarget* t);

}  // namespace stratoshark::codegen
