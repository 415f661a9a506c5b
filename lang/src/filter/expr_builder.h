// ExprBuilder: the language expressions a capture filter lowers to, built
// at the current source range (`loc_`, what a diagnostic or a verifier
// message points at) and encapsulation (`encap_`: the VLAN tags, PPPoE and
// MPLS labels earlier primitives moved the layers behind). The first error
// wins: fail() reports it and every later builder call is moot.
#pragma once

#include <string>
#include <string_view>

#include "stratoshark/lang/ast.h"
#include "stratoshark/lang/diagnostics.h"

namespace stratoshark::lang::filter {

class ExprBuilder {
 protected:
  ExprBuilder(AstContext& ast, Diagnostics& diags) : ast_(ast), diags_(diags) {}

  Expr* fail(SourceRange where, std::string message, std::string hint = {}) {
    if (!failed_) diags_.error(where, std::move(message), std::move(hint));
    failed_ = true;
    return nullptr;
  }
  Expr* num(uint64_t v) { return ast_.make<IntegerLiteral>(loc_, v); }
  Expr* bin(BinaryOp op, Expr* l, Expr* r) {
    auto* b = ast_.make<Binary>(loc_, op, l, r);
    b->op_loc = loc_;
    return b;
  }
  Expr* and_(Expr* l, Expr* r) { return l == nullptr ? r : r == nullptr ? l : bin(BinaryOp::LogAnd, l, r); }
  Expr* or_(Expr* l, Expr* r) { return l == nullptr ? r : r == nullptr ? l : bin(BinaryOp::LogOr, l, r); }
  Expr* not_(Expr* e) { return ast_.make<Unary>(loc_, UnaryOp::Not, e); }
  Expr* eq(Expr* l, uint64_t v) { return bin(BinaryOp::Eq, l, num(v)); }

  // A layer at the current encapsulation.
  Expr* layer(std::string_view name) { return layer_at(name, encap_); }
  Expr* layer_at(std::string_view name, Encapsulation e) {
    if (e.empty()) return ast_.make<Identifier>(loc_, std::string(name));
    return ast_.make<PacketLayer>(loc_, std::string(name), e);
  }
  Expr* field(std::string_view layer_name, std::string_view f) { return field_at(layer_name, f, encap_); }
  Expr* field_at(std::string_view layer_name, std::string_view f, Encapsulation e) {
    auto* fa = ast_.make<FieldAccess>(loc_, layer_at(layer_name, e), std::string(f), false);
    fa->field_loc = loc_;
    return fa;
  }
  Expr* load(std::string_view layer_name, Expr* offset, uint8_t size) {
    return ast_.make<PacketLoad>(loc_, std::string(layer_name), encap_, offset, size);
  }
  Expr* pkt_meta(const char* name) {
    auto* fa = ast_.make<FieldAccess>(loc_, ast_.make<Identifier>(loc_, "pkt"), name, false);
    fa->field_loc = loc_;
    return fa;
  }
  Expr* pkt_len() { return pkt_meta("len"); }


  AstContext& ast_;
  Diagnostics& diags_;
  SourceRange loc_;
  Encapsulation encap_;
  bool failed_ = false;
};

}  // namespace stratoshark::lang::filter
