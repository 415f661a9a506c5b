// expand_filters(): each filter("...") call's string is parsed as a capture
// filter into nodes of the same AST, once, before type checking. Diagnostics
// point into the string literal (exactly, when the literal has no escapes).
#include <functional>

#include "stratoshark/lang/filter.h"
#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

namespace {

void visit_expr(const Expr* e, const std::function<void(const Expr&)>& f) {
  if (e == nullptr) return;
  f(*e);
  switch (e->kind) {
    case NodeKind::Map: for (const Expr* k : cast<MapRef>(e)->keys) visit_expr(k, f); break;
    case NodeKind::Call: for (const Expr* a : cast<Call>(e)->args) visit_expr(a, f); break;
    case NodeKind::Binary:
      visit_expr(cast<Binary>(e)->lhs, f);
      visit_expr(cast<Binary>(e)->rhs, f);
      break;
    case NodeKind::Unary: visit_expr(cast<Unary>(e)->operand, f); break;
    case NodeKind::Ternary:
      visit_expr(cast<Ternary>(e)->cond, f);
      visit_expr(cast<Ternary>(e)->then_expr, f);
      visit_expr(cast<Ternary>(e)->else_expr, f);
      break;
    case NodeKind::FieldAccess: visit_expr(cast<FieldAccess>(e)->base, f); break;
    default: break;
  }
}

void visit_stmt(const Stmt* s, const std::function<void(const Expr&)>& f) {
  if (s == nullptr) return;
  switch (s->kind) {
    case NodeKind::ExprStmt: visit_expr(cast<ExprStmt>(s)->expr, f); break;
    case NodeKind::Assign:
      visit_expr(cast<AssignStmt>(s)->target, f);
      visit_expr(cast<AssignStmt>(s)->value, f);
      break;
    case NodeKind::If:
      visit_expr(cast<IfStmt>(s)->cond, f);
      visit_stmt(cast<IfStmt>(s)->then_block, f);
      visit_stmt(cast<IfStmt>(s)->else_stmt, f);
      break;
    case NodeKind::Block:
      for (const Stmt* x : cast<Block>(s)->stmts) visit_stmt(x, f);
      break;
    case NodeKind::While:
      visit_expr(cast<WhileStmt>(s)->cond, f);
      visit_stmt(cast<WhileStmt>(s)->body, f);
      break;
    case NodeKind::ForRange: visit_stmt(cast<ForRangeStmt>(s)->body, f); break;
    case NodeKind::ForMap: visit_stmt(cast<ForMapStmt>(s)->body, f); break;
    case NodeKind::Unroll: visit_stmt(cast<UnrollStmt>(s)->body, f); break;
    default: break;
  }
}

}  // namespace

void expand_filters(PassContext& ctx) {
  std::vector<const Call*> calls;
  auto collect = [&](const Expr& e) {
    if (const auto* c = dyn_cast<Call>(&e); c != nullptr && c->name == "filter") calls.push_back(c);
  };
  for (const Probe* p : ctx.program.probes) {
    visit_expr(p->predicate, collect);
    visit_stmt(p->body, collect);
  }
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
