// --explain: what each probe becomes, side by side with what the kernel made
// of it — the teaching view of the complexity estimator and the loader.
#pragma once

#include <string>
#include <vector>

#include "stratoshark/lang/complexity.h"
#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/session.h"

namespace stratoshark::cli {

struct ProbeSummary {
  std::string name;      // attach points as written
  std::string location;  // file:line:col
  lang::ProbeEstimate estimate;
};

// `stats` is empty when the programs could not be loaded.
std::string explain(const std::vector<ProbeSummary>& probes, const runtime::Artifact& artifact,
                    const std::vector<runtime::Session::ProgramStats>& stats);

}  // namespace stratoshark::cli
