// libFuzzer target: the whole front end on arbitrary text — lexer, token
// stream, parser, filter parser (through filter("...")), probe resolution
// against a fixed catalog, type checker, planner and complexity estimator,
// and diagnostic rendering, for packets of one of the link types replay
// reads (chosen by the input's length, so the text stays the program). Any
// crash, sanitizer report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../unit/fake_catalog.h"
#include "stratoshark/lang/parse.h"
#include "stratoshark/lang/passes.h"
#include "stratoshark/protocols/protocols.h"

using namespace stratoshark;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return -1;  // programs, not novels: keeps each run fast
  lang::SourceManager sources;
  lang::AstContext ast;
  lang::Diagnostics diags;
  lang::FileId file = sources.add("fuzz.ss", std::string(reinterpret_cast<const char*>(data), size));
  lang::Program* program = lang::parse(sources, file, ast, diags);
  if (program != nullptr) {
    testing::FakeCatalog catalog;
    lang::LanguageOptions options;
    auto links = protocols::all_link_layers();
    options.link_type = links[size % links.size()].link_type;
    lang::SemaResult sema;
    lang::PassContext ctx{*program, ast, catalog, options, diags, sema};
    lang::default_passes().run(ctx);
  }
  // Rendering reads source ranges back: out-of-range locations show up here.
  std::string out;
  for (const auto& d : diags.items()) out += lang::render_text(d, sources);
  return 0;
}
