// Functions and aggregations (printf, exit, count, ...): the registry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace stratoshark::lang {

enum class FunctionId : uint8_t {
#define SS_FUNCTION(id, name, min_args, max_args, signature, description) id,
#include "stratoshark/lang/functions.def"
#undef SS_FUNCTION
};

inline constexpr size_t kFunctionCount = 0
#define SS_FUNCTION(id, name, min_args, max_args, signature, description) +1
#include "stratoshark/lang/functions.def"
#undef SS_FUNCTION
    ;

struct FunctionInfo {
  FunctionId id;
  std::string_view name;
  unsigned min_args;
  unsigned max_args;
  std::string_view signature;
  std::string_view description;
};

std::span<const FunctionInfo> all_functions();
const FunctionInfo* find_function(std::string_view name);
const FunctionInfo& function_info(FunctionId id);

struct Expr;
// True when `arg`, the first argument of function `id`, names a map as a
// whole (print(@m), clear(@m), delete(@m[k]), has_key(@m, k), ...) rather
// than reading a value from it.
bool names_whole_map(FunctionId id, const Expr& arg);

}  // namespace stratoshark::lang
