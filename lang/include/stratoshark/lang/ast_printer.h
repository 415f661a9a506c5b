// `-d ast`: an indented, location-free rendering of the tree.
#pragma once

#include <string>

#include "stratoshark/lang/ast.h"

namespace stratoshark::lang {

std::string print_ast(const Program& program);
std::string print_expr(const Expr& expr);  // one line, source-like, for messages

}  // namespace stratoshark::lang
