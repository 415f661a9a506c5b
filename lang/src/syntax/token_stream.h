// TokenStream: the lexer plus the block-structure rules of the language.
//
// It decides, with at most two tokens of lookahead, what the context-dependent
// characters mean, so the grammar itself stays LALR(1) with no conflicts:
//   * outside any block the lexer runs in attach-point mode;
//   * 'fn NAME(' and 'macro NAME(' start a definition whose header (up to the
//     body's '{' or '<') is lexed in expression mode;
//   * '/' after the attach points opens a predicate; a '/' directly followed by
//     '{', '<' or the end of input closes it; any other '/' divides;
//   * '<' opens a block after the attach points/predicate, after the ')' of an
//     if, while, for or unroll head and after 'else'; anywhere else it is
//     "less than";
//   * inside a < > block, a '>' closes the block when it follows a complete
//     statement and no operand follows it; a '>' with an operand after it is
//     "greater than". After ';' (or an empty block) '>' always closes. Inside
//     ( ) and [ ] a '>' is always a comparison. '>>' after ';' closes two blocks.
// At the end of input it reports the innermost unclosed block, predicate or
// bracket with the place it was opened.
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "lexer.h"
#include "stratoshark/lang/diagnostics.h"

namespace stratoshark::lang::syntax {

class TokenStream {
 public:
  TokenStream(const std::string& text, FileId file, Diagnostics& diags);  // `text` must outlive it
  TokenStream(std::string&&, FileId, Diagnostics&) = delete;

  Token next();
  // True once an unclosed-block error was reported at the end of input (the
  // parser then stays quiet about the same end of input).
  bool reported_unclosed() const { return reported_unclosed_; }
  // The last '>' inside a < > block that was read as "greater than" in the
  // statement being parsed, if any (for the hint on a following syntax error).
  const std::optional<SourceRange>& comparison_in_angle_block() const { return comparison_gt_; }
  bool in_predicate() const { return !frames_.empty() && frames_.front().kind == Frame::Pred; }

 private:
  enum class Frame { Brace, Angle, Paren, Bracket, Pred, Header };  // Header: fn / macro NAME(...) before its body
  struct Open {
    Frame kind;
    SourceRange at;
    bool control = false;  // '(' of an if, while, for or unroll head
    int ternaries = 0;     // '?' seen without its ':'
  };

  Token take();
  const Token& peek(size_t n);
  bool angle_closes(const Token& gt);
  void report_unclosed();
  Token emit(Token t);

  Lexer lexer_;
  Diagnostics& diags_;
  std::vector<Open> frames_;
  std::deque<Token> lookahead_;
  Tok prev_ = Tok::End;
  bool prev_control_paren_ = false;
  bool reported_unclosed_ = false;
  std::optional<SourceRange> comparison_gt_;
};

}  // namespace stratoshark::lang::syntax
