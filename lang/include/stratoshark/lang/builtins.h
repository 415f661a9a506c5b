// Builtin variables (pid, comm, args, ...): the registry. Their type rules are
// in passes/builtin_types.cpp, their code in codegen; both are indexed by
// BuiltinId, generated from builtins.def.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace stratoshark::lang {

enum class BuiltinId : uint8_t {
#define SS_BUILTIN(id, name, description) id,
#include "stratoshark/lang/builtins.def"
#undef SS_BUILTIN
};

inline constexpr size_t kBuiltinCount = 0
#define SS_BUILTIN(id, name, description) +1
#include "stratoshark/lang/builtins.def"
#undef SS_BUILTIN
    ;

struct BuiltinInfo {
  BuiltinId id;
  std::string_view name;
  std::string_view description;
};

std::span<const BuiltinInfo> all_builtins();
const BuiltinInfo* find_builtin(std::string_view name);
// N for "argN" (arg0, arg1, ...), -1 for any other name.
int positional_arg_index(std::string_view name);
// N for "sargN" (sarg0, sarg1, ...), -1 for any other name.
int stack_arg_index(std::string_view name);

}  // namespace stratoshark::lang
