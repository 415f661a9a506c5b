#include "filter/filter_lexer.h"

#include <cctype>

namespace stratoshark::lang::filter {

namespace {

bool word_char(char c, bool in_brackets) {
  if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') return true;
  if (c == '-') return true;
  return c == ':' && !in_brackets;
}

}  // namespace

const char* token_name(Tok t) {
  switch (t) {
    case Tok::End: return "end of filter";
    case Tok::Word: return "word";
    case Tok::Escaped: return "name";
    case Tok::LParen: return "'('";
    case Tok::RParen: return "')'";
    case Tok::LBracket: return "'['";
    case Tok::RBracket: return "']'";
    case Tok::Colon: return "':'";
    case Tok::Slash: return "'/'";
    case Tok::Plus: return "'+'";
    case Tok::Minus: return "'-'";
    case Tok::Star: return "'*'";
    case Tok::Percent: return "'%'";
    case Tok::Amp: return "'&'";
    case Tok::Pipe: return "'|'";
    case Tok::Caret: return "'^'";
    case Tok::Shl: return "'<<'";
    case Tok::Shr: return "'>>'";
    case Tok::Bang: return "'!'";
    case Tok::AndAnd: return "'&&'";
    case Tok::OrOr: return "'||'";
    case Tok::Eq: return "'='";
    case Tok::Ne: return "'!='";
    case Tok::Lt: return "'<'";
    case Tok::Le: return "'<='";
    case Tok::Gt: return "'>'";
    case Tok::Ge: return "'>='";
    case Tok::Error: return "character";
  }
  return "token";
}

std::vector<Token> lex_filter(std::string_view text, FileId file, uint32_t base) {
  std::vector<Token> out;
  int brackets = 0;
  size_t i = 0;
  auto range = [&](size_t b, size_t e) {
    return SourceRange{file, base + static_cast<uint32_t>(b), base + static_cast<uint32_t>(e)};
  };
  auto push = [&](Tok k, size_t b, size_t e, std::string t = {}) { out.push_back({k, std::move(t), range(b, e)}); };
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    size_t start = i;
    char n = i + 1 < text.size() ? text[i + 1] : '\0';
    // A '-' starts a word only when a word character follows and we are not
    // in an arithmetic position; as an operator it stands alone.
    if (word_char(c, brackets > 0) && c != '-' && !(c == ':' && n != ':' && !std::isxdigit(static_cast<unsigned char>(n)))) {
      while (i < text.size() && word_char(text[i], brackets > 0)) ++i;
      // A trailing '-' or ':' is never part of a word.
      while (i > start + 1 && (text[i - 1] == '-' || (text[i - 1] == ':' && text[i - 2] != ':'))) --i;
      push(Tok::Word, start, i, std::string(text.substr(start, i - start)));
      continue;
    }
    if (c == '\\' && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(n))) {
      ++i;
      while (i < text.size() && word_char(text[i], true)) ++i;
      push(Tok::Escaped, start, i, std::string(text.substr(start + 1, i - start - 1)));
      continue;
    }
    auto two = [&](Tok k) {
      push(k, start, start + 2);
      i += 2;
    };
    auto one = [&](Tok k) {
      push(k, start, start + 1);
      i += 1;
    };
    switch (c) {
      case '(': one(Tok::LParen); break;
      case ')': one(Tok::RParen); break;
      case '[': ++brackets; one(Tok::LBracket); break;
      case ']': if (brackets > 0) --brackets; one(Tok::RBracket); break;
      case ':': one(Tok::Colon); break;
      case '/': one(Tok::Slash); break;
      case '+': one(Tok::Plus); break;
      case '-': one(Tok::Minus); break;
      case '*': one(Tok::Star); break;
      case '%': one(Tok::Percent); break;
      case '^': one(Tok::Caret); break;
      case '&': n == '&' ? two(Tok::AndAnd) : one(Tok::Amp); break;
      case '|': n == '|' ? two(Tok::OrOr) : one(Tok::Pipe); break;
      case '!': n == '=' ? two(Tok::Ne) : one(Tok::Bang); break;
      case '=': n == '=' ? two(Tok::Eq) : one(Tok::Eq); break;
      case '<': n == '<' ? two(Tok::Shl) : n == '=' ? two(Tok::Le) : one(Tok::Lt); break;
      case '>': n == '>' ? two(Tok::Shr) : n == '=' ? two(Tok::Ge) : one(Tok::Gt); break;
      default: one(Tok::Error); break;
    }
  }
  push(Tok::End, text.size(), text.size());
  return out;
}

}  // namespace stratoshark::lang::filter
