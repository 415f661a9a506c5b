// The pipeline from command line to exit code: read the program, compile it
// (lang passes, codegen), then hand the artifact to the runtime. The only
// place that knows all three libraries.
#pragma once

#include "options.h"

namespace stratoshark::cli {

int run_program(const Options& options);
int list_probes(const Options& options);

}  // namespace stratoshark::cli
