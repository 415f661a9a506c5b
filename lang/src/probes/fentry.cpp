// fentry:FUNCTION and fexit:FUNCTION (aliases kfunc, kretfunc) — kernel
// function entry and return through BPF trampolines. Arguments are typed
// from kernel BTF and read as args.NAME; fexit also has `retval`. The
// program's context is an array of u64, one slot per argument, then the
// return value. Each function gets its own program (the kernel binds a
// tracing program to one BTF function when it loads it).
#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

TracepointField slot_field(const KernelFunctionValue& v, uint32_t index, std::string_view function) {
  TracepointField f;
  f.name = v.name.empty() ? "retval" : v.name;
  f.c_type = v.c_type;
  f.offset = 8 * index;
  f.size = 8;
  f.is_signed = v.is_signed;
  f.is_pointer = v.is_pointer;
  if (!v.is_integer) {
    f.unsupported = fmt::format("{} of {} is a {} passed by value, which cannot be read yet",
                                v.name.empty() ? "the return value" : "argument '" + v.name + "'", function, v.c_type);
    return f;
  }
  f.type = v.is_pointer ? type_from_c(v.c_type, 8, false, false)
                        : Type::integer(static_cast<uint8_t>(std::min<uint32_t>(v.size, 8) * 8), v.is_signed);
  if (v.is_pointer && !f.type.is_pointer()) f.type = Type::pointer(Type::void_type(), false);
  return f;
}

class FentryProvider final : public ProbeProvider {
 public:
  explicit FentryProvider(bool exit) : exit_(exit) {}

  std::string_view name() const override { return exit_ ? "fexit" : "fentry"; }
  std::vector<std::string_view> aliases() const override {
    if (exit_) return {"kretfunc", "fr"};
    return {"kfunc", "f"};
  }
  ProgramType program_type() const override { return ProgramType::Tracing; }
  std::string_view synopsis() const override {
    return exit_ ? "fexit:FUNCTION  return of a kernel function via BPF trampolines; args.NAME, retval (BTF)"
                 : "fentry:FUNCTION  entry of a kernel function via BPF trampolines; args.NAME (BTF)";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    // fentry:FUNCTION or fentry:MODULE:FUNCTION (vmlinux only for now)
    if (parts.size() < 2 || parts.size() > 3 || parts.back().empty()) {
      ctx.diags.error(point.loc, fmt::format("malformed {} '{}'", name(), point.text),
                      fmt::format("write {}:FUNCTION, e.g. {}:tcp_v4_connect", name(), name()));
      return {};
    }
    if (parts.size() == 3 && parts[1] != "vmlinux") {
      ctx.diags.error(point.loc, fmt::format("{} probes on module '{}' are not supported", name(), parts[1]),
                      fmt::format("only vmlinux functions: {}:FUNCTION", name()));
      return {};
    }
    const std::string& function = parts.back();
    if (has_wildcard(function)) {
      const auto& all = ctx.catalog.kernel_btf_functions();
      if (all.empty()) {
        ctx.diags.error(point.loc, fmt::format("cannot expand '{}': kernel BTF is not available", point.text),
                        "fentry needs /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF)");
        return {};
      }
      std::vector<ProbeTarget> targets;
      for (const auto& f : all) {
        if (glob_match(function, f)) targets.push_back(make_target(f));
      }
      if (targets.empty()) {
        ctx.missing(point.loc, fmt::format("no kernel function matches '{}'", point.text),
                    fmt::format("list them with: stratoshark -l '{}:*'", name()));
      }
      return targets;
    }
    std::string error;
    if (!ctx.catalog.kernel_function(function, error)) {
      std::string suggestion = closest_match(function, ctx.catalog.kernel_btf_functions());
      ctx.missing(point.loc, fmt::format("cannot probe kernel function '{}': {}", function, error),
                  suggestion.empty() ? fmt::format("list them with: stratoshark -l '{}:*'", name())
                                     : fmt::format("did you mean '{}'?", suggestion));
      return {};
    }
    return {make_target(function)};
  }

  std::optional<std::vector<TracepointField>> args(const ProbeTarget& target, ProviderContext& ctx) const override {
    std::string error;
    auto fn = ctx.catalog.kernel_function(target.params[0], error);
    if (!fn) return std::vector<TracepointField>{};
    std::vector<TracepointField> fields;
    for (size_t i = 0; i < fn->params.size(); ++i) {
      fields.push_back(slot_field(fn->params[i], static_cast<uint32_t>(i), fn->name));
    }
    return fields;
  }

  std::string function_of(const ProbeTarget& target) const override { return target.params[0]; }

  std::optional<TracepointField> retval(const ProbeTarget& target, ProviderContext& ctx) const override {
    if (!exit_) return std::nullopt;
    std::string error;
    auto fn = ctx.catalog.kernel_function(target.params[0], error);
    if (!fn) return std::nullopt;
    if (!fn->result) {
      TracepointField f;
      f.name = "retval";
      f.unsupported = fmt::format("{} returns void, so fexit has no retval", fn->name);
      return f;
    }
    return slot_field(*fn->result, static_cast<uint32_t>(fn->params.size()), fn->name);
  }

  void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const override {
    for (const auto& f : catalog.kernel_btf_functions()) {
      std::string full = std::string(name()) + ":" + f;
      if (glob_match(pattern, full)) out.push_back(std::move(full));
    }
  }

  std::string alternative(const ProbeTarget& target, KernelCatalog& catalog) const override {
    return tracepoint_covering(target.params[0], exit_, catalog);
  }

  bool shares_programs() const override { return false; }
  std::string section(const ProbeTarget& first) const override {
    return fmt::format("{}/{}", exit_ ? "fexit" : "fentry", first.params[0]);
  }

 private:
  ProbeTarget make_target(const std::string& function) const {
    ProbeTarget t;
    t.name = fmt::format("{}:{}", name(), function);
    t.params = {function};
    t.retprobe = exit_;
    return t;
  }

  bool exit_;
};

}  // namespace

const ProbeProvider& fentry_provider() {
  static const FentryProvider provider(false);
  return provider;
}

const ProbeProvider& fexit_provider() {
  static const FentryProvider provider(true);
  return provider;
}

}  // namespace stratoshark::lang
