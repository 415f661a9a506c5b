// The semantic passes and the manager that runs them in order.
//
// Each pass declares the analyses it needs and produces; PassManager refuses
// to run a pass whose inputs were not produced by an earlier one, and stops at
// the first pass that reports an error. Passes report through Diagnostics and
// never print.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/lang/kernel_catalog.h"
#include "stratoshark/lang/sema.h"

namespace stratoshark::lang {

enum class Analysis { Definitions, Probes, Filters, Types, Programs, Estimates };

struct PassContext {
  Program& program;
  AstContext& ast;
  KernelCatalog& catalog;
  const LanguageOptions& options;
  Diagnostics& diags;
  SemaResult& result;
};

struct Pass {
  std::string name;
  std::vector<Analysis> needs;
  std::vector<Analysis> produces;
  std::function<void(PassContext&)> run;
};

class PassManager {
 public:
  void add(Pass pass);
  // Runs the passes in order. Returns false when a pass reported errors (the
  // remaining passes are skipped). Aborts on a pass whose needs are unmet:
  // that is a bug in the pass list, not a user error.
  bool run(PassContext& ctx) const;

 private:
  std::vector<Pass> passes_;
};

// Calls of user-defined functions and macros -> their expansions (BlockExpr),
// `let` variables renamed by scope; refuses recursion. Produces Definitions.
void expand_definitions(PassContext& ctx);
// Attach points -> providers and targets (wildcards expanded). Produces Probes.
void resolve_probes(PassContext& ctx);
// filter("...") strings -> lowered capture-filter expressions. Produces Filters.
void expand_filters(PassContext& ctx);
// Types, builtins, functions, maps, variables, printf formats. Needs Probes and Filters, produces Types.
void check_types(PassContext& ctx);
// Probe bodies -> BPF programs. Needs Probes and Types, produces Programs.
void plan_programs(PassContext& ctx);
// Per-probe cost estimate; rejects programs over the kernel's limits with
// the responsible source range. Needs Types and Programs, produces Estimates.
void estimate_complexity(PassContext& ctx);

// The standard pipeline: expand_definitions, resolve_probes, expand_filters, check_types,
// plan_programs, estimate_complexity.
PassManager default_passes();

}  // namespace stratoshark::lang
