#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

void PassManager::add(Pass pass) { passes_.push_back(std::move(pass)); }

bool PassManager::run(PassContext& ctx) const {
  std::set<Analysis> available;
  for (const Pass& pass : passes_) {
    for (Analysis need : pass.needs) {
      if (!available.count(need)) {
        std::fprintf(stderr, "stratoshark: internal error: pass '%s' runs before its inputs are produced\n",
                     pass.name.c_str());
        std::abort();
      }
    }
    pass.run(ctx);
    if (ctx.diags.has_errors()) return false;
    available.insert(pass.produces.begin(), pass.produces.end());
  }
  return true;
}

PassManager default_passes() {
  PassManager pm;
  pm.add({"expand-definitions", {}, {Analysis::Definitions}, expand_definitions});
  pm.add({"resolve-probes", {}, {Analysis::Probes}, resolve_probes});
  // filter("...") calls are found by node: after the expansions made their copies.
  pm.add({"expand-filters", {Analysis::Definitions}, {Analysis::Filters}, expand_filters});
  pm.add({"check-types", {Analysis::Definitions, Analysis::Probes, Analysis::Filters}, {Analysis::Types}, check_types});
  pm.add({"plan-programs", {Analysis::Probes, Analysis::Types}, {Analysis::Programs}, plan_programs});
  pm.add({"estimate-complexity", {Analysis::Types, Analysis::Programs}, {Analysis::Estimates}, estimate_complexity});
  return pm;
}

}  // namespace stratoshark::lang
