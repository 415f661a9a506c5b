// parse_filter(): FilterParser, then FilterLowering.
#include "stratoshark/lang/filter.h"

#include "filter/filter_lowering.h"
#include "filter/filter_parser.h"

namespace stratoshark::lang {

Expr* parse_filter(std::string_view text, FileId file, uint32_t base, AstContext& ast, Diagnostics& diags) {
  filter::NodePtr tree = filter::parse_filter_tree(text, file, base, diags);
  if (!tree) return nullptr;
  return filter::lower_filter(*tree, ast, diags);
}

}  // namespace stratoshark::lang
