// parse(): script text to AST. The only entry point to the lexer/parser, so the
// grammar implementation can change without touching anything else.
#pragma once

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"

namespace stratoshark::lang {

// Parses the file `file` of `sources` into nodes owned by `ast`. Syntax errors
// go to `diags`; the result is null after a syntax error. Only the first
// syntax error is reported: later ones are almost always its echoes.
Program* parse(const SourceManager& sources, FileId file, AstContext& ast, Diagnostics& diags);

// parse(), then `#include "path"` directives: each named file (relative to
// the including file's directory; to the working directory for -e programs)
// is read, added to `sources` and parsed, and its probes and config entries
// take the directive's place. A missing file or an include cycle is an error
// at the directive. Probes are numbered afterwards.
Program* parse_program(SourceManager& sources, FileId file, AstContext& ast, Diagnostics& diags);

}  // namespace stratoshark::lang
