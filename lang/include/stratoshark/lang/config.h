// The `config = { name = value; ... }` block of a script: settings that
// change how the program is compiled (docs/language.md#config).
#pragma once

#include <string>
#include <vector>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/lang/sema.h"

namespace stratoshark::lang {

// Applies the program's config entries to `options` (they override the
// environment). Unknown names, bpftrace settings we do not have and values
// out of range are errors at the entry. Returns false after an error.
bool apply_config(const Program& program, LanguageOptions& options, Diagnostics& diags);

// The settings a config block may set, in documentation order.
std::vector<std::string> config_setting_names();

// Applies one setting given as text (an environment variable's value: a
// number or a word). Returns false with `message` (and `hint`) on an unknown
// name or a bad value.
bool apply_config_text(const std::string& name, const std::string& text, LanguageOptions& options,
                       std::string& message, std::string& hint);

// Bounds of the settings, shared with the command line and the environment.
inline constexpr uint32_t kMinStrlen = 2;
inline constexpr uint32_t kMaxStrlen = 1024;
inline constexpr uint32_t kMaxLoopIterations = 1'000'000;
inline constexpr uint32_t kMaxMapKeys = 1u << 24;     // max_map_keys
inline constexpr uint32_t kMaxBufferPages = 1u << 18;  // perf_rb_pages: 1 GiB of 4 KiB pages
inline constexpr uint32_t kMaxCatBytes = 1u << 20;    // max_cat_bytes
inline constexpr uint32_t kMaxProbes = 1u << 20;      // max_probes, max_bpf_progs

}  // namespace stratoshark::lang
