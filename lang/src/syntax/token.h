// Tokens produced by the lexer (raw) and by the TokenStream (classified).
#pragma once

#include <cstdint>
#include <string>

#include "stratoshark/lang/source.h"

namespace stratoshark::lang::syntax {

enum class Tok : uint8_t {
  End,
  Error,  // lexical error; `text` holds the message, `hint` the fix
  // top level
  AttachPoint,
  // operands
  Ident,
  Int,
  String,
  Map,       // @name or @
  Var,       // $name
  Positional,  // $N (value) or $# (value 0)
  Include,     // top level: #include "path" (text: the path)
  // keywords
  KwIf,
  KwElse,
  KwWhile,
  KwFor,
  KwUnroll,
  KwReturn,
  KwBreak,
  KwContinue,
  KwTrue,
  KwFalse,
  KwSizeof,
  KwOffsetof,
  KwLet,
  KwFn,     // top level: fn NAME(
  KwMacro,  // top level: macro NAME(
  KwStruct,  // "struct" or "union" (text)
  TypeWord,  // a built-in type name: int8 .. uint64, u8 .., bool, void (text)
  // punctuation
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Comma, Semi, Colon, Question, Dot, DotDot, Arrow,
  Plus, Minus, Star, Slash, Percent, Amp, Pipe, Caret, Tilde, Bang,
  Lt, Gt, Le, Ge, EqEq, Ne, Shl, Shr, AndAnd, OrOr,
  Assign, PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign,
  AmpAssign, PipeAssign, CaretAssign, ShlAssign, ShrAssign,
  PlusPlus, MinusMinus,
  // produced only by the TokenStream
  AngleOpen,   // '<' opening a block
  AngleClose,  // '>' closing a block
  PredOpen,    // '/' opening a predicate
  PredClose,   // '/' closing a predicate
};

const char* describe(Tok t);

struct Token {
  Tok kind = Tok::End;
  SourceRange range;
  std::string text;  // identifier/map/var name, decoded string, attach point, or error message
  std::string hint;  // for Tok::Error
  uint64_t value = 0;  // for Tok::Int
};

}  // namespace stratoshark::lang::syntax
