// resolve_probes: finds the provider of each attach point and expands it.
#include <fmt/format.h>

#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

namespace {

std::vector<std::string> provider_names() {
  std::vector<std::string> names;
  for (const ProbeProvider* p : all_providers()) {
    names.emplace_back(p->name());
    for (auto a : p->aliases()) names.emplace_back(a);
  }
  return names;
}

std::string known_types() {
  std::string list;
  for (const ProbeProvider* p : all_providers()) {
    if (!list.empty()) list += ", ";
    list += p->name();
  }
  return list;
}

}  // namespace

void resolve_probes(PassContext& ctx) {
  ProviderContext pctx{ctx.catalog, ctx.diags, ctx.options.string_capacity};
  ctx.result.probes.assign(ctx.program.probes.size(), {});
  for (const Probe* probe : ctx.program.probes) {
    ResolvedProbe& resolved = ctx.result.probes[probe->index];
    for (const AttachPoint* point : probe->attach_points) {
      std::string_view text = point->text;
      std::string_view prefix = text.substr(0, text.find(':'));
      const ProbeProvider* provider = find_provider(prefix);
      if (provider == nullptr) {
        SourceRange where = point->loc;
        where.end = where.begin + static_cast<uint32_t>(prefix.size());
        std::string suggestion = closest_match(std::string(prefix), provider_names());
        ctx.diags.error(where, fmt::format("unknown probe type '{}'", prefix),
                        suggestion.empty() ? fmt::format("probe types are: {}", known_types())
                                           : fmt::format("did you mean '{}'? (probe types are: {})", suggestion,
                                                         known_types()));
        continue;
      }
      auto targets = provider->expand(*point, pctx);
      if (targets.empty()) continue;  // the provider reported why
      resolved.attaches.push_back({provider, point, std::move(targets)});
    }
  }
}

}  // namespace stratoshark::lang
