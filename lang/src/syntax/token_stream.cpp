#include "token_stream.h"

namespace stratoshark::lang::syntax {

namespace {

bool can_begin_operand(Tok t) {
  switch (t) {
    case Tok::Ident: case Tok::Int: case Tok::String: case Tok::Map: case Tok::Var: case Tok::Positional:
    case Tok::LParen: case Tok::Minus: case Tok::Bang: case Tok::Tilde: case Tok::Star:
    case Tok::Amp: case Tok::PlusPlus: case Tok::MinusMinus:
    case Tok::KwTrue: case Tok::KwFalse: case Tok::KwSizeof: case Tok::KwOffsetof:
      return true;
    default:
      return false;
  }
}

bool can_end_operand(Tok t) {
  switch (t) {
    case Tok::Ident: case Tok::Int: case Tok::String: case Tok::Map: case Tok::Var: case Tok::Positional:
    case Tok::RParen: case Tok::RBracket: case Tok::PlusPlus: case Tok::MinusMinus:
    case Tok::KwReturn: case Tok::KwBreak: case Tok::KwContinue:
    case Tok::KwTrue: case Tok::KwFalse:
      return true;
    default:
      return false;
  }
}

bool ends_statement(Tok t) {
  return t == Tok::Semi || t == Tok::LBrace || t == Tok::RBrace || t == Tok::AngleOpen || t == Tok::AngleClose;
}

}  // namespace

TokenStream::TokenStream(const std::string& text, FileId file, Diagnostics& diags) : lexer_(text, file), diags_(diags) {}

Token TokenStream::take() {
  if (!lookahead_.empty()) {
    Token t = std::move(lookahead_.front());
    lookahead_.pop_front();
    return t;
  }
  return lexer_.next_expr();
}

const Token& TokenStream::peek(size_t n) {
  while (lookahead_.size() <= n) lookahead_.push_back(lexer_.next_expr());
  return lookahead_[n];
}

Token TokenStream::emit(Token t) {
  prev_ = t.kind;
  return t;
}

bool TokenStream::angle_closes(const Token& gt) {
  if (ends_statement(prev_)) return true;
  if (!can_end_operand(prev_)) return false;  // "a + >": let the parser report it
  if (gt.kind != Tok::Gt) return false;       // ">>", ">=", ">>=" after an operand are operators
  const Token& after = peek(0);
  if (!can_begin_operand(after.kind)) return true;
  // Closing the probe body: the next probe's attach point reads as "ident :"
  // (unless a '?' is waiting for its ':'), or is BEGIN/END.
  if (frames_.size() == 1 && after.kind == Tok::Ident) {
    if (after.text == "BEGIN" || after.text == "END") return true;
    if ((after.text == "fn" || after.text == "macro") && peek(1).kind == Tok::Ident) return true;
    if (frames_.back().ternaries == 0 && peek(1).kind == Tok::Colon) return true;
  }
  return false;
}

void TokenStream::report_unclosed() {
  if (frames_.empty() || reported_unclosed_) return;
  reported_unclosed_ = true;
  const Open& open = frames_.back();
  switch (open.kind) {
    case Frame::Angle:
      diags_.error(open.at, "block opened with '<' is never closed",
                   "add '>' after the block's last statement");
      break;
    case Frame::Brace:
      diags_.error(open.at, "block opened with '{' is never closed", "add '}' after the block's last statement");
      break;
    case Frame::Pred:
      diags_.error(open.at, "predicate is never closed",
                   "end the predicate with '/' followed by the probe's block, e.g. /pid == 1/ { ... }");
      break;
    case Frame::Paren:
      diags_.error(open.at, "'(' is never closed", "add the matching ')'");
      break;
    case Frame::Bracket:
      diags_.error(open.at, "'[' is never closed", "add the matching ']'");
      break;
    case Frame::Header:
      diags_.error(open.at, "this definition has no body", "add the body after the header: fn name(...): type { ... }");
      break;
  }
}

Token TokenStream::next() {
  bool control_paren_closed = prev_control_paren_;
  prev_control_paren_ = false;

  if (frames_.empty()) {
    if (!lookahead_.empty()) {
      // Tokens peeked in expression mode belong to the top level: re-lex them.
      lexer_.reset(lookahead_.front().range.begin);
      lookahead_.clear();
    }
    Token t = lexer_.next_top();
    switch (t.kind) {
      case Tok::Slash:
        frames_.push_back({Frame::Pred, t.range});
        t.kind = Tok::PredOpen;
        break;
      case Tok::LBrace:
        frames_.push_back({Frame::Brace, t.range});
        break;
      case Tok::Lt:
        frames_.push_back({Frame::Angle, t.range});
        t.kind = Tok::AngleOpen;
        break;
      case Tok::KwFn:
      case Tok::KwMacro:
        frames_.push_back({Frame::Header, t.range});
        break;
      default:
        break;
    }
    return emit(std::move(t));
  }

  Token t = take();
  Open& top = frames_.back();
  switch (t.kind) {
    case Tok::End:
      report_unclosed();
      break;
    case Tok::LParen:
      frames_.push_back({Frame::Paren, t.range,
                         prev_ == Tok::KwIf || prev_ == Tok::KwWhile || prev_ == Tok::KwFor || prev_ == Tok::KwUnroll});
      break;
    case Tok::RParen:
      if (top.kind == Frame::Paren) {
        prev_control_paren_ = top.control;
        frames_.pop_back();
      }
      break;
    case Tok::LBracket:
      frames_.push_back({Frame::Bracket, t.range});
      break;
    case Tok::RBracket:
      if (top.kind == Frame::Bracket) frames_.pop_back();
      break;
    case Tok::LBrace:
      if (top.kind == Frame::Header) frames_.pop_back();  // the definition's body
      frames_.push_back({Frame::Brace, t.range});
      break;
    case Tok::RBrace:
      if (top.kind == Frame::Brace) frames_.pop_back();
      break;
    case Tok::Question:
      top.ternaries++;
      break;
    case Tok::Colon:
      if (top.ternaries > 0) top.ternaries--;
      break;
    case Tok::Lt:
      if (top.kind == Frame::Header) {
        frames_.pop_back();
        frames_.push_back({Frame::Angle, t.range});
        t.kind = Tok::AngleOpen;
      } else if (control_paren_closed || prev_ == Tok::KwElse) {
        frames_.push_back({Frame::Angle, t.range});
        t.kind = Tok::AngleOpen;
      }
      break;
    case Tok::Slash:
      if (top.kind == Frame::Pred) {
        Tok after = peek(0).kind;
        if (after == Tok::LBrace || after == Tok::Lt || after == Tok::End) {
          frames_.pop_back();
          t.kind = Tok::PredClose;
        }
      }
      break;
    case Tok::Gt:
    case Tok::Ge:
    case Tok::Shr:
    case Tok::ShrAssign:
      if (top.kind == Frame::Angle && angle_closes(t)) {
        frames_.pop_back();
        if (t.range.end - t.range.begin > 1) {
          // Only the first '>' closes; lex the rest again.
          lexer_.reset(t.range.begin + 1);
          lookahead_.clear();
          t.range.end = t.range.begin + 1;
        }
        t.kind = Tok::AngleClose;
      } else if (top.kind == Frame::Angle && t.kind == Tok::Gt) {
        comparison_gt_ = t.range;
      }
      break;
    case Tok::Semi:
      comparison_gt_.reset();
      break;
    default:
      break;
  }
  return emit(std::move(t));
}

}  // namespace stratoshark::lang::syntax
