#include "stratoshark/lang/parse.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "syntax/parser_state.h"

namespace stratoshark::lang {
namespace syntax {

namespace {

Parser::symbol_type to_symbol(Token& t) {
  using P = Parser;
  const SourceRange& l = t.range;
  switch (t.kind) {
    case Tok::End: return P::make_END(l);
    case Tok::Error: return P::make_YYerror(l);
    case Tok::AttachPoint: return P::make_ATTACH(std::move(t.text), l);
    case Tok::Ident: return P::make_IDENT(std::move(t.text), l);
    case Tok::Int: return P::make_INT(t.value, l);
    case Tok::String: return P::make_STRING(std::move(t.text), l);
    case Tok::Map: return P::make_MAP(std::move(t.text), l);
    case Tok::Var: return P::make_VAR(std::move(t.text), l);
    case Tok::Positional: return P::make_POSITIONAL(t.value, l);
    case Tok::Include: return P::make_INCLUDE(std::move(t.text), l);
    case Tok::KwIf: return P::make_IF(l);
    case Tok::KwElse: return P::make_ELSE(l);
    case Tok::KwWhile: return P::make_WHILE(l);
    case Tok::KwFor: return P::make_FOR(l);
    case Tok::KwUnroll: return P::make_UNROLL(l);
    case Tok::KwReturn: return P::make_RETURN(l);
    case Tok::KwBreak: return P::make_BREAK(l);
    case Tok::KwContinue: return P::make_CONTINUE(l);
    case Tok::KwTrue: return P::make_TRUE(l);
    case Tok::KwFalse: return P::make_FALSE(l);
    case Tok::KwSizeof: return P::make_SIZEOF(l);
    case Tok::KwOffsetof: return P::make_OFFSETOF(l);
    case Tok::KwLet: return P::make_LET(l);
    case Tok::KwFn: return P::make_FN(l);
    case Tok::KwMacro: return P::make_MACRO(l);
    case Tok::KwStruct: return P::make_STRUCT(std::move(t.text), l);
    case Tok::TypeWord: return P::make_TYPEWORD(std::move(t.text), l);
    case Tok::LParen: return P::make_LPAREN(l);
    case Tok::RParen: return P::make_RPAREN(l);
    case Tok::LBracket: return P::make_LBRACKET(l);
    case Tok::RBracket: return P::make_RBRACKET(l);
    case Tok::LBrace: return P::make_LBRACE(l);
    case Tok::RBrace: return P::make_RBRACE(l);
    case Tok::Comma: return P::make_COMMA(l);
    case Tok::Semi: return P::make_SEMI(l);
    case Tok::Colon: return P::make_COLON(l);
    case Tok::Question: return P::make_QUESTION(l);
    case Tok::Dot: return P::make_DOT(l);
    case Tok::DotDot: return P::make_DOTDOT(l);
    case Tok::Arrow: return P::make_ARROW(l);
    case Tok::Plus: return P::make_PLUS(l);
    case Tok::Minus: return P::make_MINUS(l);
    case Tok::Star: return P::make_STAR(l);
    case Tok::Slash: return P::make_SLASH(l);
    case Tok::Percent: return P::make_PERCENT(l);
    case Tok::Amp: return P::make_AMP(l);
    case Tok::Pipe: return P::make_PIPE(l);
    case Tok::Caret: return P::make_CARET(l);
    case Tok::Tilde: return P::make_TILDE(l);
    case Tok::Bang: return P::make_BANG(l);
    case Tok::Lt: return P::make_LT(l);
    case Tok::Gt: return P::make_GT(l);
    case Tok::Le: return P::make_LE(l);
    case Tok::Ge: return P::make_GE(l);
    case Tok::EqEq: return P::make_EQ(l);
    case Tok::Ne: return P::make_NE(l);
    case Tok::Shl: return P::make_SHL(l);
    case Tok::Shr: return P::make_SHR(l);
    case Tok::AndAnd: return P::make_LAND(l);
    case Tok::OrOr: return P::make_LOR(l);
    case Tok::Assign: return P::make_ASSIGN(l);
    case Tok::PlusAssign: return P::make_PLUS_ASSIGN(l);
    case Tok::MinusAssign: return P::make_MINUS_ASSIGN(l);
    case Tok::StarAssign: return P::make_STAR_ASSIGN(l);
    case Tok::SlashAssign: return P::make_SLASH_ASSIGN(l);
    case Tok::PercentAssign: return P::make_PERCENT_ASSIGN(l);
    case Tok::AmpAssign: return P::make_AMP_ASSIGN(l);
    case Tok::PipeAssign: return P::make_PIPE_ASSIGN(l);
    case Tok::CaretAssign: return P::make_CARET_ASSIGN(l);
    case Tok::ShlAssign: return P::make_SHL_ASSIGN(l);
    case Tok::ShrAssign: return P::make_SHR_ASSIGN(l);
    case Tok::PlusPlus: return P::make_INC(l);
    case Tok::MinusMinus: return P::make_DEC(l);
    case Tok::AngleOpen: return P::make_ANGLE_OPEN(l);
    case Tok::AngleClose: return P::make_ANGLE_CLOSE(l);
    case Tok::PredOpen: return P::make_PRED_OPEN(l);
    case Tok::PredClose: return P::make_PRED_CLOSE(l);
  }
  return P::make_YYerror(l);
}

}  // namespace

Parser::symbol_type yylex(ParserState& ps) {
  Token t = ps.tokens.next();
  ps.previous = ps.current;
  ps.current = t.kind;
  if (t.kind == Tok::Error && !ps.error_reported) {
    ps.error_reported = true;
    ps.diags.error(t.range, t.text, t.hint);
  }
  return to_symbol(t);
}

void ParserState::syntax_error(const Parser::context& ctx) {
  if (error_reported) return;
  error_reported = true;
  auto kind = ctx.token();
  const SourceRange& loc = ctx.location();
  if (kind == Parser::symbol_kind::S_YYEOF && tokens.reported_unclosed()) return;

  std::string unexpected = Parser::symbol_name(kind);
  if (kind == Parser::symbol_kind::S_IDENT || kind == Parser::symbol_kind::S_INT ||
      kind == Parser::symbol_kind::S_ATTACH || kind == Parser::symbol_kind::S_MAP ||
      kind == Parser::symbol_kind::S_VAR) {
    const std::string& text = sources.file(file).text();
    unexpected += fmt::format(" '{}'", text.substr(loc.begin, loc.end - loc.begin));
  }
  std::string message = "unexpected " + unexpected;

  Parser::symbol_kind_type expected[8];
  int n = ctx.expected_tokens(expected, 8);
  if (n > 0 && n <= 5) {
    message += ", expected ";
    for (int i = 0; i < n; ++i) {
      if (i > 0) message += i + 1 == n ? " or " : ", ";
      message += Parser::symbol_name(expected[i]);
    }
  }

  bool expects_block = false;
  for (int i = 0; i < n; ++i) {
    if (expected[i] == Parser::symbol_kind::S_LBRACE || expected[i] == Parser::symbol_kind::S_ANGLE_OPEN) expects_block = true;
  }
  std::string hint;
  std::vector<DiagnosticNote> notes;
  if (const auto& gt = tokens.comparison_in_angle_block(); gt && gt->begin < loc.begin) {
    hint = "a '>' followed by an operand is 'greater than'; if this '>' was meant to close the '< >' block, "
           "end the statement before it with ';'";
    notes.push_back({*gt, "this '>' was read as 'greater than'"});
  } else if (tokens.in_predicate()) {
    hint = "a predicate ends with '/' just before the probe's block: /pid == 1/ { ... }";
  } else if (expects_block) {
    hint = "each probe needs a body: attach-point [/predicate/] { statements } or < statements >";
  } else if (kind == Parser::symbol_kind::S_ASSIGN) {
    hint = "only maps (@name, @name[key]) and variables ($name) can be assigned to";
  } else if (kind == Parser::symbol_kind::S_YYEOF) {
    hint = "the program ends in the middle of a statement";
  }
  Diagnostic& d = diags.error(loc, message, hint);
  d.notes = std::move(notes);
}

}  // namespace syntax

Program* parse(const SourceManager& sources, FileId file, AstContext& ast, Diagnostics& diags) {
  syntax::ParserState state(sources, file, ast, diags);
  syntax::Parser parser(state);
  if (parser.parse() != 0) return nullptr;
  if (state.program != nullptr) {
    uint32_t index = 0;
    for (Probe* p : state.program->probes) p->index = index++;
  }
  return state.program;
}

}  // namespace stratoshark::lang

namespace stratoshark::lang {

namespace {

constexpr int kMaxIncludeDepth = 16;

bool expand_includes(SourceManager& sources, FileId file, Program& program, AstContext& ast, Diagnostics& diags,
                     std::vector<std::string>& stack) {
  if (program.includes.empty()) return true;
  namespace fs = std::filesystem;
  const std::string& name = sources.file(file).name();
  fs::path dir = name == "-e" ? fs::current_path() : fs::path(name).parent_path();
  std::vector<Probe*> merged;
  size_t next = 0;
  auto includes = std::move(program.includes);
  program.includes.clear();
  for (const IncludeDirective& inc : includes) {
    while (next < inc.position) merged.push_back(program.probes[next++]);
    fs::path path = fs::path(inc.path).is_absolute() ? fs::path(inc.path) : dir / inc.path;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    std::string key = ec ? path.string() : canonical.string();
    if (std::find(stack.begin(), stack.end(), key) != stack.end()) {
      diags.error(inc.loc, fmt::format("'{}' includes itself (through {} file{})", inc.path, stack.size(),
                                       stack.size() == 1 ? "" : "s"),
                  "remove the #include that closes the cycle");
      return false;
    }
    if (stack.size() >= kMaxIncludeDepth) {
      diags.error(inc.loc, fmt::format("#include nested more than {} levels deep", kMaxIncludeDepth));
      return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      diags.error(inc.loc, fmt::format("cannot read included file '{}': {}", path.string(), std::strerror(errno)),
                  "the path is relative to the including file's directory");
      return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    FileId included = sources.add(path.string(), text.str());
    Program* sub = parse(sources, included, ast, diags);
    if (sub == nullptr) return false;
    stack.push_back(key);
    bool ok = expand_includes(sources, included, *sub, ast, diags, stack);
    stack.pop_back();
    if (!ok) return false;
    for (Probe* p : sub->probes) merged.push_back(p);
    for (auto& c : sub->config) program.config.push_back(std::move(c));
    for (auto& f : sub->functions) program.functions.push_back(std::move(f));
    for (auto& m : sub->macros) program.macros.push_back(std::move(m));
  }
  while (next < program.probes.size()) merged.push_back(program.probes[next++]);
  program.probes = std::move(merged);
  return true;
}

}  // namespace

Program* parse_program(SourceManager& sources, FileId file, AstContext& ast, Diagnostics& diags) {
  Program* program = parse(sources, file, ast, diags);
  if (program == nullptr) return nullptr;
  std::vector<std::string> stack;
  const std::string& name = sources.file(file).name();
  if (name != "-e") {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(name, ec);
    stack.push_back(ec ? name : canonical.string());
  }
  if (!expand_includes(sources, file, *program, ast, diags, stack)) return nullptr;
  uint32_t index = 0;
  for (Probe* p : program->probes) p->index = index++;
  return program;
}

}  // namespace stratoshark::lang
