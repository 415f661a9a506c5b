// The re2c lexer. It has two modes, chosen per call by the TokenStream:
// top level (attach points, predicate and block openers) and expression
// (everything inside predicates and blocks). It never decides what '<', '>'
// or '/' mean structurally; that is the TokenStream's job.
#pragma once

#include <string>

#include "token.h"

namespace stratoshark::lang::syntax {

class Lexer {
 public:
  // Keeps a reference to `text` (NUL-terminated, as re2c needs): it must
  // outlive the lexer, so temporaries are refused.
  Lexer(const std::string& text, FileId file);
  Lexer(std::string&&, FileId) = delete;

  Token next_top();
  Token next_expr();
  // Continue lexing at `offset` (used to re-lex in another mode, or to split
  // '>>' into two '>').
  void reset(uint32_t offset) { cursor_ = offset; }

 private:
  Token make(Tok kind, uint32_t begin) const;
  Token error(uint32_t begin, uint32_t end, std::string message, std::string hint) const;
  Token lex_string(uint32_t begin);
  Token lex_number(uint32_t begin, uint32_t end);
  // Skips a block comment starting at cursor_ (just past "/*"); false when unterminated.
  bool skip_block_comment();

  const std::string& text_;
  FileId file_;
  uint32_t cursor_ = 0;
};

}  // namespace stratoshark::lang::syntax
