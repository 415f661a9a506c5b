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

// With missing_probes = warn or ignore, a probe whose every attach point
// named a missing probe is dropped from the program (indexes renumbered);
// when that leaves none, it is an error.
void drop_missing(PassContext& ctx) {
  std::vector<Probe*> kept;
  std::vector<ResolvedProbe> resolved;
  for (Probe* probe : ctx.program.probes) {
    if (ctx.result.probes[probe->index].attaches.empty()) continue;
    resolved.push_back(std::move(ctx.result.probes[probe->index]));
    probe->index = static_cast<uint32_t>(kept.size());
    kept.push_back(probe);
  }
  if (kept.empty() && !ctx.program.probes.empty()) {
    ctx.diags.error(ctx.program.probes.front()->attach_points.front()->loc,
                    "none of the program's probes exists here, so nothing is left to trace",
                    "missing_probes drops attach points that name no probe; check the names with stratoshark -l");
  }
  ctx.program.probes = std::move(kept);
  ctx.result.probes = std::move(resolved);
}

}  // namespace

void resolve_probes(PassContext& ctx) {
  ProviderContext pctx{ctx.catalog, ctx.diags, ctx.options.string_capacity, ctx.options.missing_probes};
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
  if (ctx.options.missing_probes != MissingProbes::Error && !ctx.diags.has_errors()) drop_missing(ctx);
}

}  // namespace stratoshark::lang
