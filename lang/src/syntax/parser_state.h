// State shared by the bison parser and its yylex(); private to lang/.
#pragma once

#include <fmt/format.h>

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
  // @m[(a, b)] is @m[a, b].
  std::vector<Expr*> map_keys(std::vector<Expr*> keys) {
    if (keys.size() == 1) {
      if (auto* t = dyn_cast<TupleExpr>(keys[0]); t != nullptr && t->elements.size() > 1) return t->elements;
    }
    return keys;
  }
  // `NAME = { ... }` at the top level: only `config` is such a block.
  void config_block(SourceRange name_loc, const std::string& name, std::vector<ConfigEntry> entries) {
    if (name != "config") {
      if (!error_reported) {
        error_reported = true;
        diags.error(name_loc, fmt::format("unexpected '{} =' at the top level", name),
                    "the only top-level assignment is the config block: config = { max_strlen = 128; }");
      }
      return;
    }
    for (auto& e : entries) program->config.push_back(std::move(e));
  }

  void function_def(SourceRange header, std::string name, SourceRange name_loc, std::vector<FunctionParam> params,
                    std::optional<TypeName> return_type, Block* body) {
    auto def = std::make_unique<FunctionDef>();
    def->name = std::move(name);
    def->params = std::move(params);
    def->return_type = std::move(return_type);
    def->body = body;
    def->loc = header;
    def->name_loc = name_loc;
    program->functions.push_back(std::move(def));
  }
  void macro_def(SourceRange header, std::string name, SourceRange name_loc, std::vector<MacroParam> params,
                 Block* body) {
    auto def = std::make_unique<MacroDef>();
    def->name = std::move(name);
    def->params = std::move(params);
    def->body = body;
    def->loc = header;
    def->name_loc = name_loc;
    program->macros.push_back(std::move(def));
  }

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
