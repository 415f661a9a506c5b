// State shared by the bison parser and its yylex(); private to lang/.
#pragma once

#include "parser.hpp"
#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"
#include "token_stream.h"

namespace stratoshark::lang::syntax {

struct ParserState {
  ParserState(const SourceManager& s, FileId f, AstContext& a, Diagnostics& d)
      : sources(s), file(f), ast(a), diags(d), tokens(s.file(f).text(), f, d) {}

  Expr* binary(SourceRange range, BinaryOp op, Expr* lhs, Expr* rhs, SourceRange op_loc) {
    auto* b = ast.make<Binary>(range, op, lhs, rhs);
    b->op_loc = op_loc;
    return b;
  }
  void syntax_error(const Parser::context& ctx);

  const SourceManager& sources;
  FileId file;
  AstContext& ast;
  Diagnostics& diags;
  TokenStream tokens;
  Program* program = nullptr;
  Tok previous = Tok::End;  // the token before the current lookahead
  Tok current = Tok::End;
  bool error_reported = false;
};

}  // namespace stratoshark::lang::syntax
