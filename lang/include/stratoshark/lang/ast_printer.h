// `-d ast`: an indented, location-free rendering of the tree.
#pragma once

#include <functional>
#include <string>

#include "stratoshark/lang/ast.h"

namespace stratoshark::lang {

// `annotate`, when given, adds text after each expression's line (-d types
// passes the expression's type).
std::string print_ast(const Program& program, const std::function<std::string(const Expr&)>& annotate = {});
std::string print_expr(const Expr& expr);  // one line, source-like, for messages

}  // namespace stratoshark::lang
