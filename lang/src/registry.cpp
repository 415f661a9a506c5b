// The builtin and function tables, generated from builtins.def and functions.def.
#include "stratoshark/lang/builtins.h"
#include "stratoshark/lang/functions.h"

namespace stratoshark::lang {

namespace {
constexpr BuiltinInfo kBuiltins[] = {
#define SS_BUILTIN(id, name, description) {BuiltinId::id, name, description},
#include "stratoshark/lang/builtins.def"
#undef SS_BUILTIN
};

constexpr FunctionInfo kFunctions[] = {
#define SS_FUNCTION(id, name, min_args, max_args, signature, description) \
  {FunctionId::id, name, min_args, max_args, signature, description},
#include "stratoshark/lang/functions.def"
#undef SS_FUNCTION
};
}  // namespace

std::span<const BuiltinInfo> all_builtins() { return kBuiltins; }

const BuiltinInfo* find_builtin(std::string_view name) {
  for (const auto& b : kBuiltins) {
    if (b.name == name) return &b;
  }
  // arg0, arg1, ...: one entry, "argN", for the family.
  if (positional_arg_index(name) >= 0) return find_builtin("argN");
  if (stack_arg_index(name) >= 0) return find_builtin("sargN");
  return nullptr;
}

namespace {
// N of "<prefix>N": digits only, no leading zeros, at most three of them.
int numbered(std::string_view name, std::string_view prefix) {
  if (name.size() <= prefix.size() || name.size() > prefix.size() + 3 || name.substr(0, prefix.size()) != prefix) {
    return -1;
  }
  int n = 0;
  for (char c : name.substr(prefix.size())) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  if (name.size() > prefix.size() + 1 && name[prefix.size()] == '0') return -1;
  return n;
}
}  // namespace

int positional_arg_index(std::string_view name) { return numbered(name, "arg"); }
int stack_arg_index(std::string_view name) { return numbered(name, "sarg"); }

std::span<const FunctionInfo> all_functions() { return kFunctions; }

const FunctionInfo* find_function(std::string_view name) {
  for (const auto& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const FunctionInfo& function_info(FunctionId id) { return kFunctions[static_cast<size_t>(id)]; }

}  // namespace stratoshark::lang
