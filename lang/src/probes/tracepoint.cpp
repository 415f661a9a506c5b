// tracepoint:CATEGORY:EVENT — static kernel tracepoints, `args` from tracefs.
#include <algorithm>

#include <fmt/format.h>

#include "stratoshark/lang/probes/provider.h"

namespace stratoshark::lang {

namespace {

class TracepointProvider final : public ProbeProvider {
 public:
  std::string_view name() const override { return "tracepoint"; }
  std::vector<std::string_view> aliases() const override { return {"t", "tp"}; }
  ProgramType program_type() const override { return ProgramType::Tracepoint; }
  std::string_view synopsis() const override {
    return "tracepoint:CATEGORY:EVENT  static kernel tracepoint; wildcards allowed; args.FIELD";
  }

  std::vector<ProbeTarget> expand(const AttachPoint& point, ProviderContext& ctx) const override {
    auto parts = split_attach_point(point.text);
    if (parts.size() != 3 || parts[1].empty() || parts[2].empty()) {
      ctx.diags.error(point.loc, fmt::format("malformed tracepoint '{}'", point.text),
                      "write tracepoint:CATEGORY:EVENT, e.g. tracepoint:syscalls:sys_enter_openat");
      return {};
    }
    std::string wanted = parts[1] + ":" + parts[2];
    std::vector<ProbeTarget> targets;
    // Without wildcards one existence check does; the full list is read only
    // to expand wildcards or to suggest a name.
    if (!has_wildcard(wanted) && ctx.catalog.has_tracepoint(wanted)) return {make_target(wanted)};
    const auto& all = ctx.catalog.tracepoints();
    if (all.empty()) {
      ctx.diags.error(point.loc, "cannot list the kernel's tracepoints: tracefs is not available",
                      "mount it with: mount -t tracefs tracefs /sys/kernel/tracing");
      return {};
    }
    if (has_wildcard(wanted)) {
      for (const auto& tp : all) {
        if (glob_match(wanted, tp)) targets.push_back(make_target(tp));
      }
      if (targets.empty()) {
        ctx.missing(point.loc, fmt::format("no tracepoint matches '{}'", point.text),
                    fmt::format("list the available ones with: stratoshark -l 'tracepoint:{}:*'", parts[1]));
      }
      return targets;
    }
    std::string suggestion = closest_match(wanted, all);
    ctx.missing(point.loc, fmt::format("tracepoint '{}' does not exist", wanted),
                suggestion.empty()
                    ? fmt::format("list the available ones with: stratoshark -l 'tracepoint:{}:*'", parts[1])
                    : fmt::format("did you mean 'tracepoint:{}'?", suggestion));
    return {};
  }

  std::optional<std::vector<TracepointField>> args(const ProbeTarget& target, ProviderContext& ctx) const override {
    auto text = ctx.catalog.tracepoint_format(target.params[0], target.params[1]);
    if (!text) return std::vector<TracepointField>{};
    // Syscall arguments point into the calling process's memory.
    auto fields = parse_tracepoint_format(*text, ctx.string_capacity, target.params[0] == "syscalls");
    fields.erase(std::remove_if(fields.begin(), fields.end(), [](const TracepointField& f) { return f.common; }),
                 fields.end());
    return fields;
  }

  void list(std::string_view pattern, KernelCatalog& catalog, std::vector<std::string>& out) const override {
    for (const auto& tp : catalog.tracepoints()) {
      std::string full = "tracepoint:" + tp;
      if (glob_match(pattern, full)) out.push_back(std::move(full));
    }
  }

 private:
  static ProbeTarget make_target(const std::string& category_event) {
    auto colon = category_event.find(':');
    ProbeTarget t;
    t.name = "tracepoint:" + category_event;
    t.params = {category_event.substr(0, colon), category_event.substr(colon + 1)};
    return t;
  }
};

}  // namespace

const ProbeProvider& tracepoint_provider() {
  static const TracepointProvider provider;
  return provider;
}

}  // namespace stratoshark::lang
