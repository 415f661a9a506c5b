#include "report.h"

#include <iostream>

namespace stratoshark::cli {

void print_diagnostics(const lang::Diagnostics& diags, const lang::SourceManager& sources) {
  for (const auto& d : diags.items()) std::cerr << lang::render_text(d, sources);
}

void print_error(const std::string& message, const std::string& hint) {
  std::cerr << "error: " << message << "\n";
  if (!hint.empty()) std::cerr << "hint: " << hint << "\n";
}

void print_runtime_error(const runtime::Error& error, const lang::SourceManager& sources, bool verbose) {
  lang::Diagnostic d;
  d.message = error.message;
  d.hint = error.hint;
  if (error.where) {
    // Find the source the position refers to, to show the line and caret.
    for (lang::FileId id = 0; id < sources.size(); ++id) {
      const auto& file = sources.file(id);
      if (file.name() != error.where->file || error.where->line == 0 || error.where->line > file.line_count()) continue;
      uint32_t line_start = 0;
      for (uint32_t l = 1; l < error.where->line; ++l) line_start = static_cast<uint32_t>(file.text().find('\n', line_start) + 1);
      uint32_t begin = line_start + error.where->column - 1;
      d.range = lang::SourceRange{id, begin, begin + std::max<uint32_t>(1, error.where->length)};
      break;
    }
  }
  std::cerr << lang::render_text(d, sources);
  if (verbose && !error.details.empty()) {
    std::cerr << "--- details (libbpf / kernel) ---\n" << error.details;
    if (error.details.back() != '\n') std::cerr << "\n";
    std::cerr << "---\n";
  } else if (!error.details.empty() && error.kind == runtime::ErrorKind::Verifier) {
    // The hint already says: -v shows the log.
  }
}

}  // namespace stratoshark::cli
