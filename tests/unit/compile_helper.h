// Runs the front end (parse + semantic passes) on a program text for tests.
#pragma once

#include <memory>
#include <string>

#include "fake_catalog.h"
#include "stratoshark/lang/parse.h"
#include "stratoshark/lang/passes.h"

namespace stratoshark::testing {

struct Frontend {
  lang::SourceManager sources;
  lang::AstContext ast;
  lang::Diagnostics diags;
  lang::SemaResult sema;
  lang::Program* program = nullptr;
  FakeCatalog catalog;
  lang::LanguageOptions options;
  bool ok = false;

  explicit Frontend(const std::string& text) {
    lang::FileId file = sources.add("test.ss", text);
    program = lang::parse(sources, file, ast, diags);
    if (program == nullptr) return;
    lang::PassContext ctx{*program, ast, catalog, options, diags, sema};
    ok = lang::default_passes().run(ctx);
  }

  // All diagnostics, rendered, for failure messages and substring checks.
  std::string messages() const {
    std::string out;
    for (const auto& d : diags.items()) out += lang::render_text(d, sources);
    return out;
  }
};

}  // namespace stratoshark::testing
