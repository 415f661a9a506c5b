// FilterLexer: capture-filter text to tokens. Private to lang/src/filter.
//
// Words follow libpcap's scanner: letters, digits and `_ . -`, plus `:` for
// IPv6 and MAC addresses outside brackets (`ip[2:2]` keeps its colon as a
// token). A word is classified (number, address, keyword, name) by the parser,
// which knows the context. `\name` escapes a keyword into a plain name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stratoshark/lang/source.h"

namespace stratoshark::lang::filter {

enum class Tok : uint8_t {
  End,
  Word,     // names, numbers, addresses, keywords
  Escaped,  // \name
  LParen, RParen, LBracket, RBracket, Colon, Slash,
  Plus, Minus, Star, Percent, Amp, Pipe, Caret, Shl, Shr,
  Bang, AndAnd, OrOr,
  Eq, Ne, Lt, Le, Gt, Ge,
  Error,    // a character the language does not use
};

struct Token {
  Tok kind = Tok::End;
  std::string text;  // Word, Escaped (without the backslash)
  SourceRange loc;
};

// Tokenizes `text`, whose first byte is at `base` in `file`. The result always
// ends with an End token.
std::vector<Token> lex_filter(std::string_view text, FileId file, uint32_t base);

const char* token_name(Tok t);

}  // namespace stratoshark::lang::filter
