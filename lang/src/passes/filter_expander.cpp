// expand_filters(): each filter("...") call's string is parsed as a capture
// filter into nodes of the same AST, once, before type checking. Diagnostics
// point into the string literal (exactly, when the literal has no escapes).
#include "stratoshark/lang/filter.h"
#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

namespace {

void collect_filters(const Node& n, std::vector<const Call*>& out) {
  if (const auto* c = dyn_cast<Call>(&n); c != nullptr && c->name == "filter") out.push_back(c);
  for_each_child(n, [&](const Node& child) { collect_filters(child, out); });
}

}  // namespace

void expand_filters(PassContext& ctx) {
  std::vector<const Call*> calls;
  for (const Probe* p : ctx.program.probes) collect_filters(*p, calls);
  for (const Call* call : calls) {
    if (call->args.size() != 1) continue;  // the type checker reports the arity
    const auto* text = dyn_cast<StringLiteral>(call->args[0]);
    if (text == nullptr) continue;  // ... and that the argument must be a literal
    const SourceRange& lit = text->loc;
    bool exact = lit.end - lit.begin == text->value.size() + 2;
    Diagnostics local;
    Expr* lowered = parse_filter(text->value, lit.file, lit.begin + 1, ctx.options.link_type, ctx.ast, local);
    for (Diagnostic d : local.items()) {
      if (!exact) d.range = lit;
      ctx.diags.add(std::move(d));
    }
    if (lowered != nullptr) ctx.result.filters[call->id] = lowered;
  }
}

}  // namespace stratoshark::lang
