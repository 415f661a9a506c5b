// uprobe:BINARY:FUNCTION[+OFFSET] and uretprobe:BINARY:FUNCTION — dynamic
// probes on user-space functions, in executables and shared libraries.
//
// BINARY is a path, a program on $PATH ("bash") or a library ("libc",
// "libc.so.6"); the catalog resolves it to one absolute path and lists the
// functions its ELF symbol tables define, against which FUNCTION (wildcards
// allowed) is matched. The runtime attaches by path and symbol (libbpf finds
// the offset), restricted to one process with -p or -c.
#include <charconv>

#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class UprobeProvider final : public ProbeProvider {
 public:
  explicit UprobeProvider(bool ret) : ret_(ret) {}

  std::string_view name() const override { return ret_ ? "uretprobe" : "uprobe"; }
  std::vector<std::string_view> aliases() const override {
    if (ret_) return {"ur"};
    return {"u"};
  }
  ProgramType program_type() const override { return ProgramType::Kprobe; }
  std::string_view synopsis() const override {
    return ret_ ? "uretprobe:BINARY:FUNCTION  return of a user-space function; wildcards allowed; retval"
                : "uprobe:BINARY:FUNCTION[+OFFSET]  entry of a user-space function; wildcards allowed; arg0..arg5";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    std::string syntax = fmt::format("write {}:BINARY:FUNCTION, e.g. {}:/bin/bash:readline or {}:libc:malloc",
                                     name(), name(), name());
    if (parts.size() < 3 || parts[1].empty() || parts[2].empty()) {
      ctx.diags.error(point.loc, fmt::format("malformed {} '{}'", name(), point.text), syntax);
      return {};
    }
    // C++ names keep their "::" (split_attach_point cut them).
    std::string function = parts[2];
    for (size_t i = 3; i < parts.size(); ++i) function += ":" + parts[i];
    uint64_t offset = 0;
    if (auto plus = function.find('+'); plus != std::string::npos) {
      std::string digits = function.substr(plus + 1);
      function.resize(plus);
      std::string_view view(digits);
      int base = 10;
      if (view.rfind("0x", 0) == 0) {
        base = 16;
        view.remove_prefix(2);
      }
      auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), offset, base);
      if (ret_ || view.empty() || ec != std::errc() || ptr != view.data() + view.size()) {
        ctx.diags.error(point.loc, ret_ ? "uretprobe does not take an offset" : fmt::format("bad offset '{}'", digits),
                        ret_ ? "remove '+OFFSET'" : "write the offset in decimal or 0x-hex, e.g. uprobe:/bin/bash:readline+4");
        return {};
      }
    }
    std::string error;
    auto path = ctx.catalog.resolve_binary(parts[1], error);
    if (!path) {
      ctx.missing(point.loc, fmt::format("cannot find binary '{}': {}", parts[1], error),
                  "give an absolute path, a program on $PATH or a library name such as libc");
      return {};
    }
    auto functions = ctx.catalog.binary_functions(*path, error);
    if (!functions) {
      ctx.diags.error(point.loc, fmt::format("cannot read the functions of {}: {}", *path, error),
                      "uprobes need an ELF executable or shared library");
      return {};
    }
    std::vector<ProbeTarget> targets;
    if (has_wildcard(function)) {
      for (const auto& f : *functions) {
        if (glob_match(function, f)) targets.push_back(make_target(*path, f, offset));
      }
      if (targets.empty()) {
        ctx.missing(point.loc, fmt::format("no function of {} matches '{}'", *path, function),
                    fmt::format("list them with: stratoshark -l '{}:{}:*'", name(), *path));
      }
      return targets;
    }
    for (const auto& f : *functions) {
      if (f == function) return {make_target(*path, f, offset)};
    }
    std::string suggestion = closest_match(function, *functions);
    ctx.missing(point.loc, fmt::format("{} has no function '{}'", *path, function),
                suggestion.empty() ? fmt::format("list them with: stratoshark -l '{}:{}:*'", name(), *path)
                                   : fmt::format("did you mean '{}'?", suggestion));
    return {};
  }

  void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const override {
    // Only with a binary named: uprobe:BINARY:PATTERN.
    auto parts = split_attach_point(pattern);
    if (parts.size() < 3 || has_wildcard(parts[1])) return;
    std::string error;
    auto path = catalog.resolve_binary(parts[1], error);
    if (!path) return;
    auto functions = catalog.binary_functions(*path, error);
    if (!functions) return;
    std::string wanted = parts[2];
    for (size_t i = 3; i < parts.size(); ++i) wanted += ":" + parts[i];
    for (const auto& f : *functions) {
      if (glob_match(wanted, f)) out.push_back(fmt::format("{}:{}:{}", name(), *path, f));
    }
  }

  ArgAccess arg_access() const override { return ArgAccess::Registers; }
  uint32_t max_args() const override { return 6; }
  bool user_space() const override { return true; }
  std::string function_of(const ProbeTarget& target) const override { return target.params[1]; }
  std::optional<TracepointField> retval(const ProbeTarget&, ProviderContext&) const override {
    if (!ret_) return std::nullopt;
    return register_retval();
  }

 private:
  ProbeTarget make_target(const std::string& path, const std::string& function, uint64_t offset) const {
    ProbeTarget t;
    t.name = fmt::format("{}:{}:{}", name(), path, function);
    if (offset != 0) t.name += fmt::format("+{}", offset);
    t.params = {path, function};
    t.number = offset;
    t.retprobe = ret_;
    return t;
  }

  bool ret_;
};

}  // namespace

const ProbeProvider& uprobe_provider() {
  static const UprobeProvider provider(false);
  return provider;
}

const ProbeProvider& uretprobe_provider() {
  static const UprobeProvider provider(true);
  return provider;
}

}  // namespace stratoshark::lang
