#include "stratoshark/lang/ast.h"

#include <fmt/format.h>

namespace stratoshark::lang {

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::Shl: return "<<";
    case BinaryOp::Shr: return ">>";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::LogAnd: return "&&";
    case BinaryOp::LogOr: return "||";
  }
  return "?";
}

bool is_comparison(BinaryOp op) {
  switch (op) {
    case BinaryOp::Lt: case BinaryOp::Gt: case BinaryOp::Le: case BinaryOp::Ge:
    case BinaryOp::Eq: case BinaryOp::Ne:
      return true;
    default:
      return false;
  }
}

std::string Encapsulation::to_string() const {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (vlan_tags > 0) add(fmt::format("vlan {}", vlan_tags));
  if (pppoe) add("pppoes");
  if (mpls_labels > 0) add(fmt::format("mpls {}", mpls_labels));
  return out;
}

const char* spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return "-";
    case UnaryOp::Not: return "!";
    case UnaryOp::BitNot: return "~";
    case UnaryOp::Deref: return "*";
    case UnaryOp::AddressOf: return "&";
  }
  return "?";
}

std::string TypeName::to_string() const {
  std::string out = base;
  if (pointer_depth > 0) out += " " + std::string(pointer_depth, '*');
  if (is_array) out += array_length > 0 ? fmt::format("[{}]", array_length) : std::string("[]");
  return out;
}

void for_each_child(const Node& n, const std::function<void(const Node&)>& f) {
  auto each = [&](const auto& nodes) {
    for (const Node* x : nodes) f(*x);
  };
  auto maybe = [&](const Node* x) {
    if (x != nullptr) f(*x);
  };
  switch (n.kind) {
    case NodeKind::Map: each(cast<MapRef>(&n)->keys); break;
    case NodeKind::Call: each(cast<Call>(&n)->args); break;
    case NodeKind::Binary: f(*cast<Binary>(&n)->lhs); f(*cast<Binary>(&n)->rhs); break;
    case NodeKind::Unary: f(*cast<Unary>(&n)->operand); break;
    case NodeKind::Ternary: {
      const auto& t = *cast<Ternary>(&n);
      f(*t.cond); f(*t.then_expr); f(*t.else_expr);
      break;
    }
    case NodeKind::FieldAccess: f(*cast<FieldAccess>(&n)->base); break;
    case NodeKind::PacketLoad: f(*cast<PacketLoad>(&n)->offset); break;
    case NodeKind::AddressMatch: f(*cast<AddressMatch>(&n)->field); break;
    case NodeKind::Tuple: each(cast<TupleExpr>(&n)->elements); break;
    case NodeKind::Cast: f(*cast<CastExpr>(&n)->operand); break;
    case NodeKind::Index: f(*cast<IndexExpr>(&n)->base); f(*cast<IndexExpr>(&n)->index); break;
    case NodeKind::Sizeof: maybe(cast<SizeofExpr>(&n)->operand); break;
    case NodeKind::Offsetof: maybe(cast<OffsetofExpr>(&n)->operand); break;
    case NodeKind::BlockExpr: {
      const auto& x = *cast<BlockExpr>(&n);
      each(x.args);
      f(*x.block);
      maybe(x.value);
      break;
    }
    case NodeKind::ExprStmt: f(*cast<ExprStmt>(&n)->expr); break;
    case NodeKind::Assign: f(*cast<AssignStmt>(&n)->target); f(*cast<AssignStmt>(&n)->value); break;
    case NodeKind::If: {
      const auto& i = *cast<IfStmt>(&n);
      f(*i.cond); f(*i.then_block); maybe(i.else_stmt);
      break;
    }
    case NodeKind::Block: each(cast<Block>(&n)->stmts); break;
    case NodeKind::While: f(*cast<WhileStmt>(&n)->cond); f(*cast<WhileStmt>(&n)->body); break;
    case NodeKind::ForRange: {
      const auto& r = *cast<ForRangeStmt>(&n);
      f(*r.var); f(*r.begin); f(*r.end); f(*r.body);
      break;
    }
    case NodeKind::ForMap: {
      const auto& m = *cast<ForMapStmt>(&n);
      f(*m.var); f(*m.map); f(*m.body);
      break;
    }
    case NodeKind::Unroll: f(*cast<UnrollStmt>(&n)->count); f(*cast<UnrollStmt>(&n)->body); break;
    case NodeKind::Jump: maybe(cast<JumpStmt>(&n)->value); break;
    case NodeKind::Let: f(*cast<LetStmt>(&n)->var); maybe(cast<LetStmt>(&n)->value); break;
    case NodeKind::Probe: maybe(cast<Probe>(&n)->predicate); f(*cast<Probe>(&n)->body); break;
    default: break;
  }
}

}  // namespace stratoshark::lang
