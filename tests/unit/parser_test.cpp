// parse(): structure of the tree and syntax errors.
#include <gtest/gtest.h>

#include "stratoshark/lang/ast_printer.h"
#include "stratoshark/lang/parse.h"

namespace stratoshark::lang {
namespace {

struct Parsed {
  SourceManager sources;
  AstContext ast;
  Diagnostics diags;
  Program* program = nullptr;
  explicit Parsed(const std::string& text) { program = parse(sources, sources.add("t.ss", text), ast, diags); }
};

TEST(Parser, BothBlockFormsGiveTheSameStatements) {
  Parsed angle("BEGIN < @x = 1; if (pid > 2) < @y = 3 > else < @z = 4 > >");
  Parsed brace("BEGIN { @x = 1; if (pid > 2) { @y = 3 } else { @z = 4 } }");
  ASSERT_NE(angle.program, nullptr);
  ASSERT_NE(brace.program, nullptr);
  std::string a = print_ast(*angle.program);
  std::string b = print_ast(*brace.program);
  // Only the block markers differ.
  for (auto* s : {&a, &b}) {
    for (const char* marker : {" <>", " {}"}) {
      for (size_t pos; (pos = s->find(marker)) != std::string::npos;) s->erase(pos, 3);
    }
  }
  EXPECT_EQ(a, b);
}

TEST(Parser, PrecedenceFollowsC) {
  Parsed p("BEGIN { @x = 1 + 2 * 3 == 7 && 4 | 1 ? 5 : 6; }");
  ASSERT_NE(p.program, nullptr);
  auto* assign = cast<AssignStmt>(p.program->probes[0]->body->stmts[0]);
  EXPECT_EQ(print_expr(*assign->value), "((((1 + (2 * 3)) == 7) && (4 | 1)) ? 5 : 6)");
}

TEST(Parser, MultipleAttachPointsAndPredicate) {
  Parsed p("tracepoint:a:b, tracepoint:c:d /pid == 1/ { exit() }");
  ASSERT_NE(p.program, nullptr);
  const Probe& probe = *p.program->probes[0];
  ASSERT_EQ(probe.attach_points.size(), 2u);
  EXPECT_EQ(probe.attach_points[1]->text, "tracepoint:c:d");
  ASSERT_NE(probe.predicate, nullptr);
  EXPECT_EQ(print_expr(*probe.predicate), "(pid == 1)");
}

TEST(Parser, CompoundAssignmentsAndIncrements) {
  Parsed p("BEGIN { @a += 2; $b <<= 1; @c++; --$d; }");
  ASSERT_NE(p.program, nullptr);
  const auto& stmts = p.program->probes[0]->body->stmts;
  ASSERT_EQ(stmts.size(), 4u);
  EXPECT_EQ(cast<AssignStmt>(stmts[1])->op, BinaryOp::Shl);
  EXPECT_EQ(cast<AssignStmt>(stmts[3])->op, BinaryOp::Sub);
  EXPECT_TRUE(cast<AssignStmt>(stmts[2])->compound);
}

TEST(Parser, SyntaxErrorPointsAtTheToken) {
  Parsed p("BEGIN { @x = ; }");
  EXPECT_EQ(p.program, nullptr);
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].range->begin, 13u);
  EXPECT_NE(p.diags.items()[0].message.find("unexpected ';'"), std::string::npos);
}

TEST(Parser, OnlyTheFirstSyntaxErrorIsReported) {
  Parsed p("BEGIN { @x = ; @y = ; }");
  EXPECT_EQ(p.diags.items().size(), 1u);
}

TEST(Parser, CastsTuplesIndexesAndTypes) {
  Parsed p("BEGIN { @x = (uint8)$a + *$p->q[1].0; @y = (struct task_struct *)0; @z = (1, \"a\", (2,), ()); "
           "@m[(1, 2)] = sizeof(int32) + offsetof(struct s, a.b) + (uint8[4])1 + true; }");
  ASSERT_NE(p.program, nullptr) << (p.diags.items().empty() ? "" : p.diags.items()[0].message);
  const auto& stmts = p.program->probes[0]->body->stmts;
  EXPECT_EQ(print_expr(*cast<AssignStmt>(stmts[0])->value), "((uint8)$a + *$p->q[1].0)");
  EXPECT_EQ(print_expr(*cast<AssignStmt>(stmts[1])->value), "(struct task_struct *)0");
  EXPECT_EQ(print_expr(*cast<AssignStmt>(stmts[2])->value), "(1, \"a\", (2,), ())");
  // @m[(1, 2)] is @m[1, 2].
  EXPECT_EQ(cast<MapRef>(cast<AssignStmt>(stmts[3])->target)->keys.size(), 2u);
  EXPECT_EQ(print_expr(*cast<AssignStmt>(stmts[3])->value),
            "(((sizeof(int32) + offsetof(struct s, a.b)) + (uint8[4])1) + true)");
}

TEST(Parser, FunctionAndMacroDefinitions) {
  Parsed p("fn add($a: int64, $b: uint8): int64 { return $a + $b; }\n"
           "fn log($s: string) < printf(\"%s\\n\", $s); >\n"
           "macro m($v, @map, e) { $v += e; @map = 1; e }\n"
           "BEGIN { let $x: uint16 = add(1, 2); let $y; m($x, @z, 3); exit() }");
  ASSERT_NE(p.program, nullptr) << (p.diags.items().empty() ? "" : p.diags.items()[0].message);
  ASSERT_EQ(p.program->functions.size(), 2u);
  const FunctionDef& add = *p.program->functions[0];
  EXPECT_EQ(add.name, "add");
  ASSERT_EQ(add.params.size(), 2u);
  EXPECT_EQ(add.params[1].name, "b");
  EXPECT_EQ(add.params[1].type.to_string(), "uint8");
  ASSERT_TRUE(add.return_type.has_value());
  EXPECT_EQ(add.return_type->to_string(), "int64");
  const auto* ret = cast<JumpStmt>(add.body->stmts[0]);
  ASSERT_NE(ret->value, nullptr);
  EXPECT_EQ(print_expr(*ret->value), "($a + $b)");
  EXPECT_FALSE(p.program->functions[1]->return_type.has_value());
  EXPECT_EQ(p.program->functions[1]->params[0].type.to_string(), "string");
  ASSERT_EQ(p.program->macros.size(), 1u);
  const MacroDef& m = *p.program->macros[0];
  ASSERT_EQ(m.params.size(), 3u);
  EXPECT_EQ(m.params[0].kind, MacroParamKind::Variable);
  EXPECT_EQ(m.params[1].kind, MacroParamKind::Map);
  EXPECT_EQ(m.params[2].kind, MacroParamKind::Expression);
  // The body's last expression, without ';', is the macro's value.
  EXPECT_FALSE(cast<ExprStmt>(m.body->stmts.back())->terminated);
  const auto& stmts = p.program->probes[0]->body->stmts;
  const auto* let = cast<LetStmt>(stmts[0]);
  ASSERT_TRUE(let->type.has_value());
  EXPECT_EQ(let->type->to_string(), "uint16");
  EXPECT_EQ(print_expr(*let->value), "add(1, 2)");
  EXPECT_EQ(cast<LetStmt>(stmts[1])->value, nullptr);
}

TEST(Parser, DefinitionWithoutBody) {
  Parsed p("fn f($a: int64): int64");
  EXPECT_EQ(p.program, nullptr);
  ASSERT_FALSE(p.diags.items().empty());
  EXPECT_NE(p.diags.items()[0].message.find("no body"), std::string::npos) << p.diags.items()[0].message;
}

TEST(Parser, ShebangIsIgnored) {
  Parsed p("#!/usr/bin/env stratoshark\nBEGIN { exit() }");
  ASSERT_NE(p.program, nullptr);
  EXPECT_EQ(p.program->probes.size(), 1u);
}

}  // namespace
}  // namespace stratoshark::lang
