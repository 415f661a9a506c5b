// TokenStream: what '<', '>' and '/' mean in each context.
#include <gtest/gtest.h>

#include "token_stream.h"

namespace stratoshark::lang::syntax {
namespace {

std::vector<Tok> kinds(const std::string& text) {
  Diagnostics diags;
  TokenStream ts(text, 0, diags);
  std::vector<Tok> out;
  for (;;) {
    Token t = ts.next();
    out.push_back(t.kind);
    if (t.kind == Tok::End || t.kind == Tok::Error) break;
  }
  return out;
}

TEST(TokenStream, AngleBlockAfterAttachPoint) {
  EXPECT_EQ(kinds("BEGIN < @x = 1 >"),
            (std::vector<Tok>{Tok::AttachPoint, Tok::AngleOpen, Tok::Map, Tok::Assign, Tok::Int, Tok::AngleClose,
                              Tok::End}));
}

TEST(TokenStream, GreaterThanWithOperandAfterIsComparison) {
  EXPECT_EQ(kinds("BEGIN < @x = a > b >"),
            (std::vector<Tok>{Tok::AttachPoint, Tok::AngleOpen, Tok::Map, Tok::Assign, Tok::Ident, Tok::Gt, Tok::Ident,
                              Tok::AngleClose, Tok::End}));
}

TEST(TokenStream, GreaterThanAfterSemicolonCloses) {
  auto k = kinds("BEGIN < @x = 1; >");
  EXPECT_EQ(k[6], Tok::AngleClose);
}

TEST(TokenStream, NextProbeAfterCloseIsRelexedAsAttachPoint) {
  auto k = kinds("BEGIN < @x = 1 > tracepoint:a:b < @y = 2 >");
  EXPECT_EQ(k[5], Tok::AngleClose);
  EXPECT_EQ(k[6], Tok::AttachPoint);
  EXPECT_EQ(k[7], Tok::AngleOpen);
}

TEST(TokenStream, TernaryColonIsNotAProbe) {
  // "b : c" after '>' belongs to the pending '?'.
  auto k = kinds("BEGIN < @x = c ? a > b : d >");
  EXPECT_EQ(k[7], Tok::Gt);
  EXPECT_EQ(k.back(), Tok::End);
  EXPECT_EQ(k[k.size() - 2], Tok::AngleClose);
}

TEST(TokenStream, ShiftAfterSemicolonClosesTwoBlocks) {
  auto k = kinds("BEGIN < if (x) < @y = 1; >>");
  ASSERT_GE(k.size(), 3u);
  EXPECT_EQ(k[k.size() - 3], Tok::AngleClose);
  EXPECT_EQ(k[k.size() - 2], Tok::AngleClose);
}

TEST(TokenStream, ShiftAfterOperandIsShift) {
  auto k = kinds("BEGIN < @x = a >> 2 >");
  EXPECT_EQ(k[5], Tok::Shr);
}

TEST(TokenStream, LessThanOpensBlockOnlyAfterIfConditionOrElse) {
  auto k = kinds("BEGIN { @x = (a) < b; if (a) < @y = 1; > else < @z = 1; > }");
  EXPECT_EQ(std::count(k.begin(), k.end(), Tok::Lt), 1);
  EXPECT_EQ(std::count(k.begin(), k.end(), Tok::AngleOpen), 2);
}

TEST(TokenStream, PredicateSlashes) {
  auto k = kinds("BEGIN /a / 2 > 1/ { }");
  EXPECT_EQ(k[1], Tok::PredOpen);
  EXPECT_EQ(k[3], Tok::Slash);
  EXPECT_EQ(k[7], Tok::PredClose);
  EXPECT_EQ(k[8], Tok::LBrace);
}

TEST(TokenStream, UnclosedBlockIsReportedAtItsOpener) {
  Diagnostics diags;
  std::string text = "BEGIN < @x = 1;";
  TokenStream ts(text, 0, diags);
  while (ts.next().kind != Tok::End) {
  }
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].range->begin, 6u);
  EXPECT_TRUE(ts.reported_unclosed());
}

TEST(Lexer, AttachPointsKeepPathsAndWildcards) {
  std::string text = "uprobe:/bin/bash:readline kprobe:tcp_* t:syscalls:sys_enter_open*/pid/";
  Lexer lexer(text, 0);
  EXPECT_EQ(lexer.next_top().text, "uprobe:/bin/bash:readline");
  EXPECT_EQ(lexer.next_top().text, "kprobe:tcp_*");
  EXPECT_EQ(lexer.next_top().text, "t:syscalls:sys_enter_open*");
  EXPECT_EQ(lexer.next_top().kind, Tok::Slash);
}

TEST(Lexer, IntegerForms) {
  std::string text = "1_000 0x1F 0b101 18446744073709551615";
  Lexer lexer(text, 0);
  EXPECT_EQ(lexer.next_expr().value, 1000u);
  EXPECT_EQ(lexer.next_expr().value, 31u);
  EXPECT_EQ(lexer.next_expr().value, 5u);
  EXPECT_EQ(lexer.next_expr().value, UINT64_MAX);
}

TEST(Lexer, StringEscapes) {
  std::string text = R"("a\tb\n\"\\\x41")";
  Lexer lexer(text, 0);
  Token t = lexer.next_expr();
  ASSERT_EQ(t.kind, Tok::String);
  EXPECT_EQ(t.text, "a\tb\n\"\\A");
}

TEST(Lexer, Errors) {
  std::string escape = R"("a\q")";
  Lexer bad_escape(escape, 0);
  Token t = bad_escape.next_expr();
  EXPECT_EQ(t.kind, Tok::Error);
  EXPECT_NE(t.text.find("unknown escape"), std::string::npos);
  std::string digit = "09a";
  Lexer bad_digit(digit, 0);
  EXPECT_EQ(bad_digit.next_expr().kind, Tok::Error);
  std::string unterminated = "/* never closed";
  Lexer comment(unterminated, 0);
  EXPECT_EQ(comment.next_expr().text, "unterminated comment");
}

}  // namespace
}  // namespace stratoshark::lang::syntax
