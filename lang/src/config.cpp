#include "stratoshark/lang/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "stratoshark/lang/limits.h"

namespace stratoshark::lang {

namespace {

// bpftrace settings that have no meaning here (yet); named so that a script
// written for bpftrace gets a precise answer rather than "unknown".
constexpr const char* kBpftraceOnly[] = {
    "max_type_res_iterations", "log_size", "str_trunc_trailer", "lazy_symbolication",
    "cache_user_symbols", "cpp_demangle", "license", "unstable_map_decl", "unstable_import", "unstable_macro",
    "unstable_tseries", "unstable_addr", "symbol_source", "show_debug_info", "use_blazesym"};

// One setting's value as written: a number, or a word (an identifier, a
// string, true/false).
struct Value {
  std::optional<uint64_t> number;
  std::string word;
};

// Applies a value to the options; on a bad value returns false with the
// message and hint set.
using Setter = bool (*)(const Value&, LanguageOptions&, std::string& message, std::string& hint);

struct Setting {
  const char* name;
  Setter apply;
};

// An integer from low to high; `range_hint` is the hint for one outside.
bool number_in(const Value& v, const char* name, uint64_t low, uint64_t high, const char* unit, uint32_t& out,
               std::string& message, std::string& hint, const char* range_hint = "") {
  if (!v.number) {
    message = fmt::format("config setting '{}' needs an integer", name);
    hint = fmt::format("e.g. {} = {}", name, std::max<uint64_t>(low, std::min<uint64_t>(high, 128)));
    return false;
  }
  if (*v.number < low || *v.number > high) {
    message = fmt::format("{} must be from {} to {}{}, not {}", name, low, high, unit, *v.number);
    hint = range_hint;
    return false;
  }
  out = static_cast<uint32_t>(*v.number);
  return true;
}

// One of `choices` (as an identifier or a string); returns its index.
bool choice(const Value& v, const char* name, std::initializer_list<const char*> choices, size_t& out,
            std::string& message, std::string& hint) {
  size_t i = 0;
  std::string list;
  for (const char* c : choices) {
    if (!v.number && v.word == c) {
      out = i;
      return true;
    }
    list += (list.empty() ? "" : ", ") + std::string(c);
    ++i;
  }
  message = v.number ? fmt::format("config setting '{}' needs one of: {}", name, list)
                     : fmt::format("'{}' is not a value of {}", v.word, name);
  hint = fmt::format("{} is one of: {}", name, list);
  return false;
}

constexpr Setting kSettings[] = {
    {"max_strlen",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "max_strlen", kMinStrlen, kMaxStrlen, " bytes", o.string_capacity, m, h,
                        "strings longer than a few hundred bytes are better read with buf(ptr, n)");
     }},
    {"max_loop_iterations",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "max_loop_iterations", 1, kMaxLoopIterations, "", o.max_loop_iterations, m, h,
                        "the verifier walks every iteration of a while loop; keep it small");
     }},
    {"max_map_keys",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "max_map_keys", 1, kMaxMapKeys, " entries", o.max_map_keys, m, h,
                        "maps are created without preallocation: a large limit costs memory only when used");
     }},
    {"max_probes",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "max_probes", 1, kMaxProbes, "", o.max_probes, m, h);
     }},
    {"max_bpf_progs",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "max_bpf_progs", 1, kMaxProbes, "", o.max_bpf_progs, m, h);
     }},
    {"perf_rb_pages",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       if (!number_in(v, "perf_rb_pages", 1, kMaxBufferPages, " pages", o.perf_rb_pages, m, h)) return false;
       if ((o.perf_rb_pages & (o.perf_rb_pages - 1)) != 0) {
         m = fmt::format("perf_rb_pages must be a power of two, not {}", o.perf_rb_pages);
         h = "the kernel's ring and perf buffers are a power of two pages long, e.g. 64 (256 KiB)";
         return false;
       }
       return true;
     }},
    {"max_cat_bytes",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "max_cat_bytes", 1, kMaxCatBytes, " bytes", o.max_cat_bytes, m, h);
     }},
    {"on_stack_limit",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       return number_in(v, "on_stack_limit", 0, limits::kStackBudget, " bytes", o.on_stack_limit, m, h,
                        "buffers of on_stack_limit bytes or more live in a per-CPU scratch map");
     }},
    {"stack_mode",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       size_t i = 0;
       if (!choice(v, "stack_mode", {"bpftrace", "perf", "raw"}, i, m, h)) return false;
       o.stack_mode = v.word;
       return true;
     }},
    {"missing_probes",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       size_t i = 0;
       if (!choice(v, "missing_probes", {"error", "warn", "ignore"}, i, m, h)) return false;
       o.missing_probes = static_cast<MissingProbes>(i);
       return true;
     }},
    {"print_maps_on_exit",
     [](const Value& v, LanguageOptions& o, std::string& m, std::string& h) {
       Value word = v;
       if (v.number && *v.number <= 1) word = Value{std::nullopt, *v.number ? "true" : "false"};
       size_t i = 0;
       if (!choice(word, "print_maps_on_exit", {"true", "false"}, i, m, h)) return false;
       o.print_maps_on_exit = i == 0;
       return true;
     }},
};

std::string supported_list() {
  std::string list;
  for (const Setting& s : kSettings) list += (list.empty() ? "" : ", ") + std::string(s.name);
  return list;
}

const Setting* find_setting(const std::string& name) {
  for (const Setting& s : kSettings) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> config_setting_names() {
  std::vector<std::string> names;
  for (const Setting& s : kSettings) names.emplace_back(s.name);
  return names;
}

bool apply_config_text(const std::string& name, const std::string& text, LanguageOptions& options,
                       std::string& message, std::string& hint) {
  const Setting* setting = find_setting(name);
  if (setting == nullptr) {
    message = fmt::format("unknown config setting '{}'", name);
    return false;
  }
  Value v;
  if (!text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    v.number = std::strtoull(text.c_str(), nullptr, 10);
  } else {
    v.word = text;
  }
  return setting->apply(v, options, message, hint);
}

bool apply_config(const Program& program, LanguageOptions& options, Diagnostics& diags) {
  bool ok = true;
  for (const ConfigEntry& entry : program.config) {
    const Setting* setting = find_setting(entry.name);
    if (setting == nullptr) {
      bool bpftrace = std::find_if(std::begin(kBpftraceOnly), std::end(kBpftraceOnly),
                                   [&](const char* n) { return entry.name == n; }) != std::end(kBpftraceOnly);
      if (bpftrace) {
        diags.error(entry.loc, fmt::format("config setting '{}' is not supported by stratoshark", entry.name),
                    fmt::format("remove it; the settings are {} (docs/compat.md lists what differs from bpftrace)",
                                supported_list()));
      } else {
        std::string suggestion = closest_match(entry.name, config_setting_names());
        diags.error(entry.loc, fmt::format("unknown config setting '{}'", entry.name),
                    suggestion.empty() ? fmt::format("settings are {}", supported_list())
                                       : fmt::format("did you mean '{}'? settings are {}", suggestion,
                                                     supported_list()));
      }
      ok = false;
      continue;
    }
    Value v;
    if (const auto* n = dyn_cast<IntegerLiteral>(entry.value)) {
      v.number = n->value;
    } else if (const auto* s = dyn_cast<StringLiteral>(entry.value)) {
      v.word = s->value;
    } else if (const auto* id = dyn_cast<Identifier>(entry.value)) {
      v.word = id->name;
    } else if (const auto* b = dyn_cast<BoolLiteral>(entry.value)) {
      v.word = b->value ? "true" : "false";
    } else {
      v.word = "?";
    }
    std::string message, hint;
    if (!setting->apply(v, options, message, hint)) {
      diags.error(entry.loc, std::move(message), std::move(hint));
      ok = false;
    }
  }
  return ok;
}

}  // namespace stratoshark::lang
