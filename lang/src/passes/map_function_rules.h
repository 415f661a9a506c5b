// Type rules of the histogram and stats aggregations and of the functions
// that act on whole maps (print, clear, zero, delete, has_key, len). Defined
// in map_function_types.cpp; listed in function_types.cpp's rule table.
#pragma once

#include "type_checker.h"

namespace stratoshark::lang {

Type check_Stats(CallUse& use);
Type check_Hist(CallUse& use);
Type check_Lhist(CallUse& use);
Type check_Print(CallUse& use);
Type check_Clear(CallUse& use);
Type check_Zero(CallUse& use);
Type check_Delete(CallUse& use);
Type check_HasKey(CallUse& use);
Type check_Len(CallUse& use);

}  // namespace stratoshark::lang
