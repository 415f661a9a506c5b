#include "loop_divergence.h"

#include <optional>
#include <set>
#include <string>

namespace stratoshark::lang {

namespace {

struct Scan {
  std::set<std::string> self_updated;        // variables assigned from their own value ($c++, $c = $c * 2)
  std::set<std::string> assigned_in_branch;  // variables assigned under an undecidable condition
  std::set<std::string> branched_on;         // variables read by a condition or a / or % operand

  // Only literals, positional parameters and variables: the verifier may
  // know the value (it cannot for builtins, maps, fields and calls).
  static bool knowable(const Expr& e) {
    switch (e.kind) {
      case NodeKind::Integer:
      case NodeKind::String:
      case NodeKind::Positional:
      case NodeKind::Variable:
        return true;
      case NodeKind::Binary:
        return knowable(*cast<Binary>(&e)->lhs) && knowable(*cast<Binary>(&e)->rhs);
      case NodeKind::Unary:
        return knowable(*cast<Unary>(&e)->operand);
      default:
        return false;
    }
  }

  static void variables(const Expr& e, std::set<std::string>& out) {
    switch (e.kind) {
      case NodeKind::Variable: out.insert(cast<Variable>(&e)->name); break;
      case NodeKind::Binary:
        variables(*cast<Binary>(&e)->lhs, out);
        variables(*cast<Binary>(&e)->rhs, out);
        break;
      case NodeKind::Unary: variables(*cast<Unary>(&e)->operand, out); break;
      case NodeKind::Ternary:
        for (const Expr* x : {cast<Ternary>(&e)->cond, cast<Ternary>(&e)->then_expr, cast<Ternary>(&e)->else_expr}) {
          variables(*x, out);
        }
        break;
      case NodeKind::Map:
        for (const Expr* k : cast<MapRef>(&e)->keys) variables(*k, out);
        break;
      case NodeKind::Call:
        for (const Expr* a : cast<Call>(&e)->args) variables(*a, out);
        break;
      default: break;
    }
  }

  void condition(const Expr& e) { variables(e, branched_on); }

  void expr(const Expr& e) {
    switch (e.kind) {
      case NodeKind::Binary: {
        const auto& b = *cast<Binary>(&e);
        if (b.op == BinaryOp::Div || b.op == BinaryOp::Mod || b.op == BinaryOp::LogAnd || b.op == BinaryOp::LogOr) {
          condition(e);
        }
        expr(*b.lhs);
        expr(*b.rhs);
        break;
      }
      case NodeKind::Unary: expr(*cast<Unary>(&e)->operand); break;
      case NodeKind::Ternary: condition(*cast<Ternary>(&e)->cond); break;
      case NodeKind::Map:
        for (const Expr* k : cast<MapRef>(&e)->keys) expr(*k);
        break;
      case NodeKind::Call:
        for (const Expr* a : cast<Call>(&e)->args) expr(*a);
        break;
      default: break;
    }
  }

  void stmt(const Stmt& s, bool in_branch) {
    switch (s.kind) {
      case NodeKind::ExprStmt: expr(*cast<ExprStmt>(&s)->expr); break;
      case NodeKind::Assign: {
        const auto& a = *cast<AssignStmt>(&s);
        expr(*a.value);
        if (const auto* v = dyn_cast<Variable>(a.target)) {
          std::set<std::string> read;
          variables(*a.value, read);
          if (a.compound || read.count(v->name)) self_updated.insert(v->name);
          if (in_branch || isa<Ternary>(a.value)) assigned_in_branch.insert(v->name);
        } else {
          expr(*a.target);
        }
        break;
      }
      case NodeKind::If: {
        const auto& i = *cast<IfStmt>(&s);
        condition(*i.cond);
        expr(*i.cond);
        bool undecidable = in_branch || !knowable(*i.cond);
        block(*i.then_block, undecidable);
        if (i.else_stmt != nullptr) stmt(*i.else_stmt, undecidable);
        break;
      }
      case NodeKind::Block: block(*cast<Block>(&s), in_branch); break;
      case NodeKind::While: {
        const auto& w = *cast<WhileStmt>(&s);
        condition(*w.cond);
        block(*w.body, in_branch || !knowable(*w.cond));
        break;
      }
      case NodeKind::ForRange: block(*cast<ForRangeStmt>(&s)->body, in_branch); break;
      case NodeKind::ForMap: block(*cast<ForMapStmt>(&s)->body, true); break;
      case NodeKind::Unroll: block(*cast<UnrollStmt>(&s)->body, in_branch); break;
      default: break;
    }
  }

  void block(const Block& b, bool in_branch) {
    for (const Stmt* s : b.stmts) stmt(*s, in_branch);
  }
};

}  // namespace

std::optional<std::string> map_loop_never_settles(const Block& body) {
  Scan scan;
  scan.block(body, false);
  for (const std::string& v : scan.self_updated) {
    if (scan.branched_on.count(v)) return v;
  }
  return std::nullopt;
}

bool loop_state_diverges(const Block& body) {
  Scan scan;
  scan.block(body, false);
  for (const std::string& v : scan.assigned_in_branch) {
    if (scan.branched_on.count(v)) return true;
  }
  return false;
}

}  // namespace stratoshark::lang
