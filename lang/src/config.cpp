#include "stratoshark/lang/config.h"

#include <fmt/format.h>

namespace stratoshark::lang {

namespace {

// bpftrace settings that have no meaning here (yet); named so that a script
// written for bpftrace gets a precise answer rather than "unknown".
constexpr const char* kBpftraceOnly[] = {
    "max_map_keys", "max_bpf_progs", "max_probes", "max_type_res_iterations", "log_size", "perf_rb_pages",
    "on_stack_limit", "missing_probes", "print_maps_on_exit", "stack_mode", "str_trunc_trailer", "lazy_symbolication",
    "cache_user_symbols", "cpp_demangle", "license", "unstable_map_decl", "unstable_import", "unstable_macro",
    "unstable_tseries", "unstable_addr", "max_cat_bytes", "symbol_source", "show_debug_info", "use_blazesym"};

constexpr const char* kOurs[] = {"max_strlen", "max_loop_iterations"};

}  // namespace

bool apply_config(const Program& program, LanguageOptions& options, Diagnostics& diags) {
  bool ok = true;
  for (const ConfigEntry& entry : program.config) {
    auto bad = [&](std::string message, std::string hint) {
      diags.error(entry.loc, std::move(message), std::move(hint));
      ok = false;
    };
    bool ours = false;
    for (const char* name : kOurs) ours = ours || entry.name == name;
    if (!ours) {
      for (const char* name : kBpftraceOnly) {
        if (entry.name == name) {
          bad(fmt::format("config setting '{}' is not supported by stratoshark", entry.name),
              "remove it; docs/compat.md lists what differs from bpftrace");
          break;
        }
      }
      if (ok) {
        std::string suggestion = closest_match(entry.name, {std::begin(kOurs), std::end(kOurs)});
        bad(fmt::format("unknown config setting '{}'", entry.name),
            suggestion.empty() ? "settings are max_strlen and max_loop_iterations"
                               : fmt::format("did you mean '{}'? settings are max_strlen and max_loop_iterations",
                                             suggestion));
      }
      continue;
    }
    const auto* value = dyn_cast<IntegerLiteral>(entry.value);
    if (value == nullptr) {
      bad(fmt::format("config setting '{}' needs an integer", entry.name), fmt::format("e.g. {} = 128", entry.name));
      continue;
    }
    if (entry.name == "max_strlen") {
      if (value->value < kMinStrlen || value->value > kMaxStrlen) {
        bad(fmt::format("max_strlen must be from {} to {} bytes, not {}", kMinStrlen, kMaxStrlen, value->value),
            "strings longer than a few hundred bytes are better read with buf(ptr, n)");
        continue;
      }
      options.string_capacity = static_cast<uint32_t>(value->value);
    } else {
      if (value->value < 1 || value->value > kMaxLoopIterations) {
        bad(fmt::format("max_loop_iterations must be from 1 to {}, not {}", kMaxLoopIterations, value->value),
            "the verifier walks every iteration of a while loop; keep it small");
        continue;
      }
      options.max_loop_iterations = static_cast<uint32_t>(value->value);
    }
  }
  return ok;
}

}  // namespace stratoshark::lang
