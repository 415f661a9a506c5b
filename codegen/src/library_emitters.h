// Emitters of the string, time, output and symbol functions
// (library_emitters.cpp); listed in function_emitters.cpp's table.
// Private to codegen.
#pragma once

#include "program_emitter.h"

namespace stratoshark::codegen {

Val emit_Buf(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Strncmp(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Strcontains(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Time(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Strftime(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Join(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Cat(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Cgroupid(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Reg(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Kaddr(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Uaddr(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Ksym(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_Usym(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_KstackCall(ProgramEmitter& e, const lang::Call& call, MapTarget* t);
Val emit_UstackCall(ProgramEmitter& e, const lang::Call& call, MapTarget* t);

// A stack value (builtin or call) of type `type`: the stack id, and the pid
// for user stacks, in a 16-byte buffer.
Val emit_stack(ProgramEmitter& e, const lang::Type& type);
// A register of the probed code, from the pt_regs context.
llvm::Value* emit_register(ProgramEmitter& e, uint32_t offset);

}  // namespace stratoshark::codegen
