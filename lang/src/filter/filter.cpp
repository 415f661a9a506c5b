// parse_filter(): FilterParser, then FilterLowering for the link type.
#include "stratoshark/lang/filter.h"

#include <fmt/format.h>

#include "filter/filter_lowering.h"
#include "filter/filter_parser.h"
#include "stratoshark/protocols/protocols.h"

namespace stratoshark::lang {

Expr* parse_filter(std::string_view text, FileId file, uint32_t base, uint32_t link_type, AstContext& ast,
                   Diagnostics& diags) {
  filter::NodePtr tree = filter::parse_filter_tree(text, file, base, diags);
  if (!tree) return nullptr;
  const protocols::LinkLayer* link = protocols::find_link_layer(link_type);
  if (link == nullptr) {
    diags.error(SourceRange{file, base, base + static_cast<uint32_t>(text.size())},
                fmt::format("capture filters do not read packets of link type {}", link_type),
                fmt::format("they read the link types {}", protocols::link_layer_names()));
    return nullptr;
  }
  return filter::lower_filter(*tree, *link, ast, diags);
}

}  // namespace stratoshark::lang
