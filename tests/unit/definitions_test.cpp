// User-defined functions and macros, and let: expansion and type rules.
#include <gtest/gtest.h>

#include "compile_helper.h"

namespace stratoshark::testing {
namespace {

bool mentions(const Frontend& f, const std::string& text) { return f.messages().find(text) != std::string::npos; }

TEST(Definitions, FunctionCallsExpandWithTheirOwnVariables) {
  Frontend f("fn sq($a: int64): int64 { $t = $a * $a; return $t; }\n"
             "BEGIN { $a = 3; $t = 1; @r = sq($a) + sq(2); }");
  ASSERT_TRUE(f.ok) << f.messages();
  const auto& vars = f.sema.variables.at(0);
  // The caller's $a and $t, plus each call's parameter, local and result.
  EXPECT_TRUE(vars.count("a"));
  EXPECT_TRUE(vars.count("t"));
  EXPECT_EQ(vars.size(), 2u + 2u * 3u);
  EXPECT_EQ(f.sema.maps.at("r").value.to_string(), "int64");
}

TEST(Definitions, ParameterAndReturnTypes) {
  Frontend f("fn f($s: string, $n: uint8): uint8 { return $n; }\nBEGIN { @x = f(comm, 300); }");
  ASSERT_TRUE(f.ok) << f.messages();
  bool found = false;
  for (const auto& [name, type] : f.sema.variables.at(0)) {
    if (name.rfind("s#", 0) == 0) {
      EXPECT_TRUE(type.is_string());
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(Definitions, WrongArgumentType) {
  Frontend f("fn f($n: int64): int64 { return $n; }\nBEGIN { @x = f(comm); }");
  EXPECT_FALSE(f.ok);
  EXPECT_TRUE(mentions(f, "argument 1 of 'f' must be int64, but 'comm' is string[16]")) << f.messages();
  EXPECT_TRUE(mentions(f, "$n is declared int64 here")) << f.messages();
}

TEST(Definitions, WrongArgumentCount) {
  Frontend f("fn f($n: int64): int64 { return $n; }\nBEGIN { @x = f(1, 2); }");
  EXPECT_FALSE(f.ok);
  EXPECT_TRUE(mentions(f, "function 'f' takes 1 argument, but 2 were given")) << f.messages();
}

TEST(Definitions, ReturnTypeMismatchAndMissingReturn) {
  Frontend bad("fn f(): int64 { return comm; }\nBEGIN { @x = f(); }");
  EXPECT_FALSE(bad.ok);
  EXPECT_TRUE(mentions(bad, "function 'f' returns int64, but 'comm' is string[16]")) << bad.messages();
  Frontend missing("fn f($a: int64): int64 { if ($a) { return 1; } }\nBEGIN { @x = f(1); }");
  EXPECT_FALSE(missing.ok);
  EXPECT_TRUE(mentions(missing, "can reach its end without returning a value")) << missing.messages();
  Frontend both("fn f($a: int64): int64 { if ($a) { return 1; } else { return 2; } }\nBEGIN { @x = f(1); }");
  EXPECT_TRUE(both.ok) << both.messages();
}

TEST(Definitions, RecursionIsRefusedWithTheCycle) {
  Frontend f("fn a($n: int64): int64 { return b($n); }\nfn b($n: int64): int64 { return a($n); }\n"
             "BEGIN { @x = a(1); }");
  EXPECT_FALSE(f.ok);
  EXPECT_TRUE(mentions(f, "(a -> b -> a); recursion is not supported")) << f.messages();
}

TEST(Definitions, UnknownFunctionSuggestsUserDefinitions) {
  Frontend f("fn double_it($n: int64): int64 { return $n * 2; }\nBEGIN { @x = double_if(1); }");
  EXPECT_FALSE(f.ok);
  EXPECT_TRUE(mentions(f, "did you mean 'double_it'?")) << f.messages();
}

TEST(Definitions, FunctionNamedWithoutCall) {
  Frontend f("fn f(): int64 { return 1; }\nBEGIN { @x = f; }");
  EXPECT_FALSE(f.ok);
  EXPECT_TRUE(mentions(f, "'f' is a function: call it as f(...)")) << f.messages();
}

TEST(Definitions, MacroParametersFollowBpftrace) {
  Frontend f("macro inc($v, @m, e) { $v += e; @m = e; $local = 1; }\n"
             "BEGIN { $x = 1; $local = 5; inc($x, @y, 2 + 3); @out = $x + $local; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_TRUE(f.sema.maps.count("y"));
  // The macro's $local is its own.
  int locals = 0;
  for (const auto& [name, type] : f.sema.variables.at(0)) locals += name.rfind("local", 0) == 0 ? 1 : 0;
  EXPECT_EQ(locals, 2);
}

TEST(Definitions, MacroMisuse) {
  Frontend var("macro m($v) { $v++ }\nBEGIN { m(1 + 1); }");
  EXPECT_FALSE(var.ok);
  EXPECT_TRUE(mentions(var, "macro 'm' takes a variable as argument 1 ($v), not an expression")) << var.messages();
  Frontend map("macro m() { @hidden = 1; }\nBEGIN { m(); }");
  EXPECT_FALSE(map.ok);
  EXPECT_TRUE(mentions(map, "macro 'm' uses @hidden, which is not one of its parameters")) << map.messages();
  Frontend value("macro m($v) { $v = 1; }\nBEGIN { $a = 0; @x = m($a); }");
  EXPECT_FALSE(value.ok);
  EXPECT_TRUE(mentions(value, "macro 'm' has no value")) << value.messages();
}

TEST(Definitions, LetScopesAndTypes) {
  Frontend f("BEGIN { let $x: uint8 = 1; if (1) { let $x = \"s\"; @s = $x; } @i = $x; }");
  ASSERT_TRUE(f.ok) << f.messages();
  EXPECT_TRUE(f.sema.maps.at("s").value.is_string());
  EXPECT_EQ(f.sema.variables.at(0).at("x").to_string(), "uint8");
  Frontend twice("BEGIN { let $x = 1; let $x = 2; }");
  EXPECT_FALSE(twice.ok);
  EXPECT_TRUE(mentions(twice, "$x is declared twice in this block")) << twice.messages();
  Frontend wrong("BEGIN { let $x: int64 = comm; }");
  EXPECT_FALSE(wrong.ok);
  EXPECT_TRUE(mentions(wrong, "$x is declared int64, but 'comm' is string[16]")) << wrong.messages();
}

}  // namespace
}  // namespace stratoshark::testing
