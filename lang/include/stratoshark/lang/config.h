// The `config = { name = value; ... }` block of a script: settings that
// change how the program is compiled (docs/language.md#config).
#pragma once

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/lang/sema.h"

namespace stratoshark::lang {

// Applies the program's config entries to `options` (they override the
// environment). Unknown names, bpftrace settings we do not have and values
// out of range are errors at the entry. Returns false after an error.
bool apply_config(const Program& program, LanguageOptions& options, Diagnostics& diags);

// Bounds of the settings, shared with the command line and the environment.
inline constexpr uint32_t kMinStrlen = 2;
inline constexpr uint32_t kMaxStrlen = 1024;
inline constexpr uint32_t kMaxLoopIterations = 1'000'000;

}  // namespace stratoshark::lang
