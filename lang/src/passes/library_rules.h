// Type rules of the string, time, output and symbol functions: buf,
// strncmp, strcontains, time, strftime, join, cat (text_function_types.cpp)
// and cgroupid, reg, kaddr, uaddr, ksym, usym, kstack, ustack
// (symbol_function_types.cpp). Listed in function_types.cpp's rule table.
#pragma once

#include "type_checker.h"

namespace stratoshark::lang {

Type check_Buf(CallUse& use);
Type check_Strncmp(CallUse& use);
Type check_Strcontains(CallUse& use);
Type check_Time(CallUse& use);
Type check_Strftime(CallUse& use);
Type check_Join(CallUse& use);
Type check_Cat(CallUse& use);
Type check_Cgroupid(CallUse& use);
Type check_Reg(CallUse& use);
Type check_Kaddr(CallUse& use);
Type check_Uaddr(CallUse& use);
Type check_Ksym(CallUse& use);
Type check_Usym(CallUse& use);
Type check_KstackCall(CallUse& use);
Type check_UstackCall(CallUse& use);

// printf()'s format rules, shared with system() and cat().
Type check_format(CallUse& use);

// The pt_regs offset of an x86-64 register named as bpftrace names it
// ("ip", "sp", "ax", "r8", ...), or -1.
int register_offset(std::string_view name);

// The stack of kstack/ustack (builtin or call): frames and printing mode.
Type stack_type(bool user, uint32_t frames, const std::string& mode);

}  // namespace stratoshark::lang
