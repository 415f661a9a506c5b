// Printing what went wrong: compiler diagnostics and runtime errors, in the
// same "file:line:col: error: ... / source line / caret / hint" form.
#pragma once

#include "stratoshark/lang/diagnostics.h"
#include "stratoshark/runtime/error.h"

namespace stratoshark::cli {

void print_diagnostics(const lang::Diagnostics& diags, const lang::SourceManager& sources);
void print_runtime_error(const runtime::Error& error, const lang::SourceManager& sources, bool verbose);
void print_error(const std::string& message, const std::string& hint = {});

}  // namespace stratoshark::cli
