// Capture filters: parser (qualifier inheritance, precedence, values) and
// lowering (what each primitive means), checked on the lowered expression.
#include <gtest/gtest.h>

#include "stratoshark/lang/ast_printer.h"
#include "stratoshark/lang/filter.h"

namespace stratoshark::lang {
namespace {

struct Filtered {
  SourceManager sources;
  AstContext ast;
  Diagnostics diags;
  Expr* expr = nullptr;
  explicit Filtered(const std::string& text) {
    FileId f = sources.add("<filter>", text);
    expr = parse_filter(text, f, 0, ast, diags);
  }
  std::string text() const { return expr ? print_expr(*expr) : "error: " + errors(); }
  std::string errors() const {
    std::string out;
    for (const auto& d : diags.items()) out += render_text(d, sources);
    return out;
  }
};

std::string lowered(const std::string& filter) { return Filtered(filter).text(); }

TEST(FilterDump, Show) {
  for (const char* f : {"tcp port 80 or 443", "host 10.1", "vlan 100 and ip", "tcp[tcpflags] & tcp-syn != 0",
                        "ip6 src net fe80::/10", "not host 1.1.1.1 and 2.2.2.2", "len % 4 * 2 = 2", "mpls 16106 and ip",
                        "port http", "ether src 0050.569f.369f", "ether proto \\arp", "icmp6[icmp6type] == icmp6-echo"}) {
    std::printf("%s\n  => %s\n", f, lowered(f).c_str());
  }
}

}  // namespace
}  // namespace stratoshark::lang
