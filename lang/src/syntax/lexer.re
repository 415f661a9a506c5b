// re2c source for the StratoShark lexer; see lexer.h.
#include "lexer.h"

#include <fmt/format.h>

#include "stratoshark/lang/types.h"

namespace stratoshark::lang::syntax {

/*!re2c
  re2c:define:YYCTYPE = "unsigned char";
  re2c:yyfill:enable = 0;
  re2c:define:YYCURSOR = p;
  re2c:define:YYMARKER = marker;
  re2c:define:YYCTXMARKER = ctxmarker;
  re2c:indent:top = 1;

  nul       = "\x00";
  ws        = [ \t\r\n\f\v]+;
  ident     = [A-Za-z_][A-Za-z0-9_]*;
  line_cmt  = "//" [^\n\x00]*;
*/

Lexer::Lexer(const std::string& text, FileId file) : text_(text), file_(file) {
  // A shebang line is a comment for us.
  if (text_.rfind("#!", 0) == 0) {
    auto nl = text_.find('\n');
    cursor_ = nl == std::string::npos ? static_cast<uint32_t>(text_.size()) : static_cast<uint32_t>(nl);
  }
}

Token Lexer::make(Tok kind, uint32_t begin) const {
  Token t;
  t.kind = kind;
  t.range = {file_, begin, cursor_};
  return t;
}

Token Lexer::error(uint32_t begin, uint32_t end, std::string message, std::string hint) const {
  Token t;
  t.kind = Tok::Error;
  t.range = {file_, begin, end};
  t.text = std::move(message);
  t.hint = std::move(hint);
  return t;
}

bool Lexer::skip_block_comment() {
  auto close = text_.find("*/", cursor_);
  if (close == std::string::npos) {
    cursor_ = static_cast<uint32_t>(text_.size());
    return false;
  }
  cursor_ = static_cast<uint32_t>(close + 2);
  return true;
}

Token Lexer::next_top() {
  const unsigned char* base = reinterpret_cast<const unsigned char*>(text_.c_str());
  for (;;) {
    const unsigned char* p = base + cursor_;
    const unsigned char* marker = p;
    uint32_t begin = cursor_;
    (void)marker;
    const unsigned char* ctxmarker = p;  // the trailing context of 'fn NAME('
    (void)ctxmarker;
    /*!re2c
      apc     = [A-Za-z0-9_.*?+\-$@[\]];
      quoted  = ["] [^"\r\n\x00]* ["];
      path    = "/" [^ \t\r\n\f\v:,{}<\x00]*;
      segment = (apc | quoted)+ | path;
      attach  = ident (":" segment?)*;

      nul     { cursor_ = static_cast<uint32_t>(p - base) - 1;
                if (cursor_ < text_.size()) {
                  cursor_++;
                  return error(begin, cursor_, "unexpected NUL byte in the program text", "remove the NUL byte");
                }
                return make(Tok::End, begin); }
      ws      { cursor_ = static_cast<uint32_t>(p - base); continue; }
      line_cmt { cursor_ = static_cast<uint32_t>(p - base); continue; }
      "/*"    { cursor_ = static_cast<uint32_t>(p - base);
                if (!skip_block_comment())
                  return error(begin, begin + 2, "unterminated comment", "close the comment with '*/'");
                continue; }
      attach  { cursor_ = static_cast<uint32_t>(p - base);
                Token t = make(Tok::AttachPoint, begin);
                t.text = text_.substr(begin, cursor_ - begin);
                return t; }
      ","     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::Comma, begin); }
      "="     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::Assign, begin); }
      "#include" [ \t]* ["] [^"\r\n\x00]* ["]
              { cursor_ = static_cast<uint32_t>(p - base);
                Token t = make(Tok::Include, begin);
                std::string all = text_.substr(begin, cursor_ - begin);
                size_t open = all.find('"');
                t.text = all.substr(open + 1, all.size() - open - 2);
                return t; }
      "fn" / [ \t\r\n]+ ident [ \t\r\n]* "("
              { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::KwFn, begin); }
      "macro" / [ \t\r\n]+ ident [ \t\r\n]* "("
              { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::KwMacro, begin); }
      "/"     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::Slash, begin); }
      "{"     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::LBrace, begin); }
      "<"     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::Lt, begin); }
      "}"     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::RBrace, begin); }
      ">"     { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::Gt, begin); }
      *       { cursor_ = static_cast<uint32_t>(p - base);
                return error(begin, cursor_, fmt::format("unexpected character '{}' where a probe was expected",
                                                         text_.substr(begin, 1)),
                             "a probe starts with an attach point such as 'tracepoint:syscalls:sys_enter_openat' or 'BEGIN'"); }
    */
  }
}

Token Lexer::next_expr() {
  const unsigned char* base = reinterpret_cast<const unsigned char*>(text_.c_str());
  for (;;) {
    const unsigned char* p = base + cursor_;
    const unsigned char* marker = p;
    uint32_t begin = cursor_;
    (void)marker;
#define SS_TOKEN(kind) do { cursor_ = static_cast<uint32_t>(p - base); return make(Tok::kind, begin); } while (0)
    /*!re2c
      dec = [0-9][0-9_]*;
      hex = "0" [xX] [0-9a-fA-F_]+;
      bin = "0" [bB] [01_]+;

      nul     { cursor_ = static_cast<uint32_t>(p - base) - 1;
                if (cursor_ < text_.size()) {
                  cursor_++;
                  return error(begin, cursor_, "unexpected NUL byte in the program text", "remove the NUL byte");
                }
                return make(Tok::End, begin); }
      ws       { cursor_ = static_cast<uint32_t>(p - base); continue; }
      line_cmt { cursor_ = static_cast<uint32_t>(p - base); continue; }
      "/*"     { cursor_ = static_cast<uint32_t>(p - base);
                 if (!skip_block_comment())
                   return error(begin, begin + 2, "unterminated comment", "close the comment with '*/'");
                 continue; }
      ["]      { cursor_ = static_cast<uint32_t>(p - base); return lex_string(begin); }
      (dec | hex | bin) [A-Za-z0-9_]* { cursor_ = static_cast<uint32_t>(p - base); return lex_number(begin, cursor_); }
      "if"     { SS_TOKEN(KwIf); }
      "else"   { SS_TOKEN(KwElse); }
      "while"  { SS_TOKEN(KwWhile); }
      "for"    { SS_TOKEN(KwFor); }
      "unroll" { SS_TOKEN(KwUnroll); }
      "return" { SS_TOKEN(KwReturn); }
      "break"  { SS_TOKEN(KwBreak); }
      "continue" { SS_TOKEN(KwContinue); }
      "true"   { SS_TOKEN(KwTrue); }
      "false"  { SS_TOKEN(KwFalse); }
      "sizeof" { SS_TOKEN(KwSizeof); }
      "offsetof" { SS_TOKEN(KwOffsetof); }
      "let"    { SS_TOKEN(KwLet); }
      "struct" | "union"
               { cursor_ = static_cast<uint32_t>(p - base);
                 Token t = make(Tok::KwStruct, begin);
                 t.text = text_.substr(begin, cursor_ - begin);
                 return t; }
      ident    { cursor_ = static_cast<uint32_t>(p - base);
                 Token t = make(Tok::Ident, begin);
                 t.text = text_.substr(begin, cursor_ - begin);
                 if (builtin_type_name(t.text)) t.kind = Tok::TypeWord;
                 return t; }
      "@" ident? { cursor_ = static_cast<uint32_t>(p - base);
                 Token t = make(Tok::Map, begin);
                 t.text = text_.substr(begin + 1, cursor_ - begin - 1);
                 return t; }
      "$" ident { cursor_ = static_cast<uint32_t>(p - base);
                 Token t = make(Tok::Var, begin);
                 t.text = text_.substr(begin + 1, cursor_ - begin - 1);
                 return t; }
            "$" [0-9]+ { cursor_ = static_cast<uint32_t>(p - base);
                 Token t = make(Tok::Positional, begin);
                 t.text = text_.substr(begin, cursor_ - begin);
                 uint64_t n = 0;
                 for (uint32_t i = begin + 1; i < cursor_ && n < 100000; ++i) n = n * 10 + static_cast<uint64_t>(text_[i] - '0');
                 if (n == 0 || n >= 100000)
                   return error(begin, cursor_, fmt::format("'{}' is not a positional parameter", t.text),
                                "positional parameters are $1, $2, ... (and $# for their number)");
                 t.value = n;
                 return t; }
      "$#"  { cursor_ = static_cast<uint32_t>(p - base);
              Token t = make(Tok::Positional, begin);
              t.text = "$#";
              return t; }
      "("  { SS_TOKEN(LParen); }
      ")"  { SS_TOKEN(RParen); }
      "["  { SS_TOKEN(LBracket); }
      "]"  { SS_TOKEN(RBracket); }
      "{"  { SS_TOKEN(LBrace); }
      "}"  { SS_TOKEN(RBrace); }
      ","  { SS_TOKEN(Comma); }
      ";"  { SS_TOKEN(Semi); }
      ":"  { SS_TOKEN(Colon); }
      "?"  { SS_TOKEN(Question); }
      "."  { SS_TOKEN(Dot); }
      ".." { SS_TOKEN(DotDot); }
      "->" { SS_TOKEN(Arrow); }
      "+"  { SS_TOKEN(Plus); }
      "-"  { SS_TOKEN(Minus); }
      "*"  { SS_TOKEN(Star); }
      "/"  { SS_TOKEN(Slash); }
      "%"  { SS_TOKEN(Percent); }
      "&"  { SS_TOKEN(Amp); }
      "|"  { SS_TOKEN(Pipe); }
      "^"  { SS_TOKEN(Caret); }
      "~"  { SS_TOKEN(Tilde); }
      "!"  { SS_TOKEN(Bang); }
      "<"  { SS_TOKEN(Lt); }
      ">"  { SS_TOKEN(Gt); }
      "<=" { SS_TOKEN(Le); }
      ">=" { SS_TOKEN(Ge); }
      "==" { SS_TOKEN(EqEq); }
      "!=" { SS_TOKEN(Ne); }
      "<<" { SS_TOKEN(Shl); }
      ">>" { SS_TOKEN(Shr); }
      "&&" { SS_TOKEN(AndAnd); }
      "||" { SS_TOKEN(OrOr); }
      "="  { SS_TOKEN(Assign); }
      "+=" { SS_TOKEN(PlusAssign); }
      "-=" { SS_TOKEN(MinusAssign); }
      "*=" { SS_TOKEN(StarAssign); }
      "/=" { SS_TOKEN(SlashAssign); }
      "%=" { SS_TOKEN(PercentAssign); }
      "&=" { SS_TOKEN(AmpAssign); }
      "|=" { SS_TOKEN(PipeAssign); }
      "^=" { SS_TOKEN(CaretAssign); }
      "<<=" { SS_TOKEN(ShlAssign); }
      ">>=" { SS_TOKEN(ShrAssign); }
      "++" { SS_TOKEN(PlusPlus); }
      "--" { SS_TOKEN(MinusMinus); }
      *    { cursor_ = static_cast<uint32_t>(p - base);
             std::string ch = text_.substr(begin, 1);
             unsigned char c = static_cast<unsigned char>(ch[0]);
             std::string shown = (c >= 0x20 && c < 0x7f) ? ch : fmt::format("\\x{:02x}", c);
             return error(begin, cursor_, fmt::format("unexpected character '{}'", shown),
                          "remove it, or put it inside a string literal"); }
    */
#undef SS_TOKEN
  }
}

Token Lexer::lex_string(uint32_t begin) {
  std::string value;
  uint32_t i = cursor_;
  auto bad_escape = [&](uint32_t at, const std::string& what) {
    cursor_ = at;
    return error(at - 1, at + 1, fmt::format("unknown escape sequence '\\{}' in string literal", what),
                 "use one of \\n \\t \\r \\\\ \\\" \\0 \\xHH, or write '\\\\' for a backslash");
  };
  while (i < text_.size()) {
    char c = text_[i];
    if (c == '"') {
      cursor_ = i + 1;
      Token t = make(Tok::String, begin);
      t.text = std::move(value);
      return t;
    }
    if (c == '\n' || c == '\0') break;
    if (c == '\\') {
      if (i + 1 >= text_.size()) break;
      char e = text_[i + 1];
      switch (e) {
        case 'n': value += '\n'; break;
        case 't': value += '\t'; break;
        case 'r': value += '\r'; break;
        case '\\': value += '\\'; break;
        case '"': value += '"'; break;
        case '\'': value += '\''; break;
        case '0': value += '\0'; break;
        case 'x': {
          auto hexval = [](char h) -> int {
            if (h >= '0' && h <= '9') return h - '0';
            if (h >= 'a' && h <= 'f') return h - 'a' + 10;
            if (h >= 'A' && h <= 'F') return h - 'A' + 10;
            return -1;
          };
          int hi = i + 2 < text_.size() ? hexval(text_[i + 2]) : -1;
          int lo = i + 3 < text_.size() ? hexval(text_[i + 3]) : -1;
          if (hi < 0 || lo < 0) return bad_escape(i + 1, "x");
          value += static_cast<char>(hi * 16 + lo);
          i += 4;
          continue;
        }
        case '\n': return bad_escape(i + 1, "<newline>");
        default: return bad_escape(i + 1, std::string(1, e));
      }
      i += 2;
      continue;
    }
    value += c;
    ++i;
  }
  // Unterminated: point at the opening quote, underline to the end of the line.
  uint32_t end = i;
  cursor_ = i;
  return error(begin, end, "unterminated string literal", "add a closing '\"' before the end of the line");
}

Token Lexer::lex_number(uint32_t begin, uint32_t end) {
  std::string digits;
  int radix = 10;
  uint32_t i = begin;
  if (end - begin > 2 && text_[begin] == '0' && (text_[begin + 1] == 'x' || text_[begin + 1] == 'X')) {
    radix = 16;
    i += 2;
  } else if (end - begin > 2 && text_[begin] == '0' && (text_[begin + 1] == 'b' || text_[begin + 1] == 'B')) {
    radix = 2;
    i += 2;
  }
  uint64_t value = 0;
  for (; i < end; ++i) {
    char c = text_[i];
    if (c == '_') continue;
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else d = 99;
    if (d >= radix) {
      return error(begin, end, fmt::format("invalid digit '{}' in integer literal '{}'", c, text_.substr(begin, end - begin)),
                   radix == 10 ? "decimal literals use 0-9; write hexadecimal as 0x..." : "check the literal's digits");
    }
    if (value > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(radix)) {
      return error(begin, end, fmt::format("integer literal '{}' does not fit in 64 bits", text_.substr(begin, end - begin)),
                   "the largest integer is 18446744073709551615 (0xffffffffffffffff)");
    }
    value = value * static_cast<uint64_t>(radix) + static_cast<uint64_t>(d);
  }
  Token t = make(Tok::Int, begin);
  t.value = value;
  t.text = text_.substr(begin, end - begin);
  return t;
}

const char* describe(Tok t) {
  switch (t) {
    case Tok::End: return "end of input";
    case Tok::Error: return "invalid token";
    case Tok::AttachPoint: return "attach point";
    case Tok::Ident: return "identifier";
    case Tok::Int: return "integer";
    case Tok::String: return "string";
    case Tok::Map: return "map";
    case Tok::Var: return "variable";
    case Tok::Positional: return "positional parameter";
    case Tok::Include: return "#include";
    case Tok::KwIf: return "'if'";
    case Tok::KwElse: return "'else'";
    case Tok::KwWhile: return "'while'";
    case Tok::KwFor: return "'for'";
    case Tok::KwUnroll: return "'unroll'";
    case Tok::KwReturn: return "'return'";
    case Tok::KwBreak: return "'break'";
    case Tok::KwContinue: return "'continue'";
    case Tok::KwTrue: return "'true'";
    case Tok::KwFalse: return "'false'";
    case Tok::KwSizeof: return "'sizeof'";
    case Tok::KwOffsetof: return "'offsetof'";
    case Tok::KwLet: return "'let'";
    case Tok::KwFn: return "'fn'";
    case Tok::KwMacro: return "'macro'";
    case Tok::KwStruct: return "'struct'";
    case Tok::TypeWord: return "type name";
    case Tok::LParen: return "'('";
    case Tok::RParen: return "')'";
    case Tok::LBracket: return "'['";
    case Tok::RBracket: return "']'";
    case Tok::LBrace: return "'{'";
    case Tok::RBrace: return "'}'";
    case Tok::Comma: return "','";
    case Tok::Semi: return "';'";
    case Tok::Colon: return "':'";
    case Tok::Question: return "'?'";
    case Tok::Dot: return "'.'";
    case Tok::DotDot: return "'..'";
    case Tok::Arrow: return "'->'";
    case Tok::Plus: return "'+'";
    case Tok::Minus: return "'-'";
    case Tok::Star: return "'*'";
    case Tok::Slash: return "'/'";
    case Tok::Percent: return "'%'";
    case Tok::Amp: return "'&'";
    case Tok::Pipe: return "'|'";
    case Tok::Caret: return "'^'";
    case Tok::Tilde: return "'~'";
    case Tok::Bang: return "'!'";
    case Tok::Lt: return "'<'";
    case Tok::Gt: return "'>'";
    case Tok::Le: return "'<='";
    case Tok::Ge: return "'>='";
    case Tok::EqEq: return "'=='";
    case Tok::Ne: return "'!='";
    case Tok::Shl: return "'<<'";
    case Tok::Shr: return "'>>'";
    case Tok::AndAnd: return "'&&'";
    case Tok::OrOr: return "'||'";
    case Tok::Assign: return "'='";
    case Tok::PlusAssign: return "'+='";
    case Tok::MinusAssign: return "'-='";
    case Tok::StarAssign: return "'*='";
    case Tok::SlashAssign: return "'/='";
    case Tok::PercentAssign: return "'%='";
    case Tok::AmpAssign: return "'&='";
    case Tok::PipeAssign: return "'|='";
    case Tok::CaretAssign: return "'^='";
    case Tok::ShlAssign: return "'<<='";
    case Tok::ShrAssign: return "'>>='";
    case Tok::PlusPlus: return "'++'";
    case Tok::MinusMinus: return "'--'";
    case Tok::AngleOpen: return "'<' (block)";
    case Tok::AngleClose: return "'>' (end of block)";
    case Tok::PredOpen: return "'/' (predicate)";
    case Tok::PredClose: return "'/' (end of predicate)";
  }
  return "token";
}

}  // namespace stratoshark::lang::syntax
