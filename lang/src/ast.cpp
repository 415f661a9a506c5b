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

}  // namespace stratoshark::lang
