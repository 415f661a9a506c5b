// The compiler's view of this host: tracepoints from tracefs (lang's host
// catalog) plus user-space binaries and kernel BTF from the runtime
// (runtime/host.h), which lang cannot include. Answers are cached for the
// run.
#pragma once

#include <memory>

#include "stratoshark/lang/kernel_catalog.h"

namespace stratoshark::cli {

std::unique_ptr<lang::KernelCatalog> make_system_catalog();

}  // namespace stratoshark::cli
