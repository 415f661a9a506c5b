#include "stratoshark/lang/ast_printer.h"

#include <arpa/inet.h>

#include <fmt/format.h>

namespace stratoshark::lang {

namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else out += c;
    }
  }
  return out + "\"";
}

// Masks and addresses read better in hexadecimal.
std::string integer_text(uint64_t v) { return v >= 0x10000 ? fmt::format("{:#x}", v) : fmt::format("{}", v); }

std::string encap_suffix(const Encapsulation& e) { return e.empty() ? std::string() : " {" + e.to_string() + "}"; }

std::string address_text(const AddressMatch& m) {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, m.address.data(), text, sizeof text);
  return fmt::format("{}/{}", text, m.prefix);
}

class Printer {
 public:
  std::string out;
  std::function<std::string(const Expr&)> annotate;

  void line(int depth, const std::string& text) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
    out += text;
    out += '\n';
  }

  void expr(const Expr* e, int d) {
    size_t start = out.size();
    expr_line(e, d);
    if (annotate) {
      // Append to the expression's own (first) line.
      size_t eol = out.find('\n', start);
      std::string note = annotate(*e);
      if (eol != std::string::npos && !note.empty()) out.insert(eol, " : " + note);
    }
  }

  void expr_line(const Expr* e, int d) {
    switch (e->kind) {
      case NodeKind::Integer: line(d, "int " + integer_text(cast<IntegerLiteral>(e)->value)); break;
      case NodeKind::String: line(d, "string " + quote(cast<StringLiteral>(e)->value)); break;
      case NodeKind::Identifier: line(d, "ident " + cast<Identifier>(e)->name); break;
      case NodeKind::Variable: line(d, "var $" + cast<Variable>(e)->name); break;
      case NodeKind::Positional: {
        uint32_t i = cast<Positional>(e)->index;
        line(d, i == 0 ? std::string("positional $#") : fmt::format("positional ${}", i));
        break;
      }
      case NodeKind::Map: {
        auto* m = cast<MapRef>(e);
        line(d, "map @" + m->name);
        for (auto* k : m->keys) expr(k, d + 1);
        break;
      }
      case NodeKind::Call: {
        auto* c = cast<Call>(e);
        line(d, "call " + c->name);
        for (auto* a : c->args) expr(a, d + 1);
        break;
      }
      case NodeKind::Binary: {
        auto* b = cast<Binary>(e);
        line(d, std::string("binop ") + spelling(b->op));
        expr(b->lhs, d + 1);
        expr(b->rhs, d + 1);
        break;
      }
      case NodeKind::Unary: {
        auto* u = cast<Unary>(e);
        line(d, std::string("unop ") + spelling(u->op));
        expr(u->operand, d + 1);
        break;
      }
      case NodeKind::Ternary: {
        auto* t = cast<Ternary>(e);
        line(d, "?:");
        expr(t->cond, d + 1);
        expr(t->then_expr, d + 1);
        expr(t->else_expr, d + 1);
        break;
      }
      case NodeKind::FieldAccess: {
        auto* f = cast<FieldAccess>(e);
        line(d, std::string(f->arrow ? "->" : ".") + f->field);
        expr(f->base, d + 1);
        break;
      }
      case NodeKind::PacketLayer: {
        auto* l = cast<PacketLayer>(e);
        line(d, "layer " + l->name + encap_suffix(l->encap));
        break;
      }
      case NodeKind::PacketLoad: {
        auto* l = cast<PacketLoad>(e);
        line(d, fmt::format("load {}[:{}]{}", l->layer, l->size, encap_suffix(l->encap)));
        expr(l->offset, d + 1);
        break;
      }
      case NodeKind::AddressMatch: {
        auto* m = cast<AddressMatch>(e);
        line(d, "match " + address_text(*m));
        expr(m->field, d + 1);
        break;
      }
      case NodeKind::ProtoChain: {
        auto* c = cast<ProtoChain>(e);
        line(d, fmt::format("protochain {} {}{}", c->ipv6 ? "ip6" : "ip", c->protocol, encap_suffix(c->encap)));
        break;
      }
      case NodeKind::Bool: line(d, cast<BoolLiteral>(e)->value ? "bool true" : "bool false"); break;
      case NodeKind::Tuple: {
        line(d, "tuple");
        for (auto* x : cast<TupleExpr>(e)->elements) expr(x, d + 1);
        break;
      }
      case NodeKind::Cast: {
        auto* c = cast<CastExpr>(e);
        line(d, "cast " + c->target.to_string());
        expr(c->operand, d + 1);
        break;
      }
      case NodeKind::Index: {
        auto* x = cast<IndexExpr>(e);
        line(d, "index");
        expr(x->base, d + 1);
        expr(x->index, d + 1);
        break;
      }
      case NodeKind::Sizeof: {
        auto* z = cast<SizeofExpr>(e);
        line(d, z->type ? "sizeof " + z->type->to_string() : std::string("sizeof"));
        if (z->operand != nullptr) expr(z->operand, d + 1);
        break;
      }
      case NodeKind::Offsetof: {
        auto* o = cast<OffsetofExpr>(e);
        std::string path;
        for (const auto& f : o->fields) path += (path.empty() ? "" : ".") + f;
        line(d, o->type ? fmt::format("offsetof {}, {}", o->type->to_string(), path) : "offsetof " + path);
        if (o->operand != nullptr) expr(o->operand, d + 1);
        break;
      }
      case NodeKind::BlockExpr: {
        auto* x = cast<BlockExpr>(e);
        std::string what = x->function != nullptr ? "fn " + x->function->name
                           : x->macro != nullptr  ? "macro " + x->macro->name
                                                  : std::string("block");
        line(d, "expansion of " + what);
        for (size_t i = 0; i < x->params.size() && i < x->args.size(); ++i) {
          line(d + 1, "param $" + cast<Variable>(x->params[i])->name);
          expr(x->args[i], d + 2);
        }
        block(x->block, d + 1, "body");
        if (x->value != nullptr) {
          line(d + 1, "value");
          expr(x->value, d + 2);
        }
        break;
      }
      default: line(d, "<?>"); break;
    }
  }

  void stmt(const Stmt* s, int d) {
    switch (s->kind) {
      case NodeKind::ExprStmt: expr(cast<ExprStmt>(s)->expr, d); break;
      case NodeKind::Assign: {
        auto* a = cast<AssignStmt>(s);
        line(d, a->compound ? fmt::format("assign {}=", spelling(a->op)) : std::string("assign ="));
        expr(a->target, d + 1);
        expr(a->value, d + 1);
        break;
      }
      case NodeKind::If: {
        auto* i = cast<IfStmt>(s);
        line(d, "if");
        expr(i->cond, d + 1);
        block(i->then_block, d + 1, "then");
        if (i->else_stmt != nullptr) {
          if (auto* b = dyn_cast<Block>(i->else_stmt)) {
            block(b, d + 1, "else");
          } else {
            line(d + 1, "else");
            stmt(i->else_stmt, d + 2);
          }
        }
        break;
      }
      case NodeKind::Block: block(cast<Block>(s), d, "block"); break;
      case NodeKind::While: {
        auto* w = cast<WhileStmt>(s);
        line(d, "while");
        expr(w->cond, d + 1);
        block(w->body, d + 1, "body");
        break;
      }
      case NodeKind::ForRange: {
        auto* f = cast<ForRangeStmt>(s);
        line(d, "for range");
        expr(f->var, d + 1);
        expr(f->begin, d + 1);
        expr(f->end, d + 1);
        block(f->body, d + 1, "body");
        break;
      }
      case NodeKind::ForMap: {
        auto* f = cast<ForMapStmt>(s);
        line(d, "for map");
        expr(f->var, d + 1);
        expr(f->map, d + 1);
        block(f->body, d + 1, "body");
        break;
      }
      case NodeKind::Unroll: {
        auto* u = cast<UnrollStmt>(s);
        line(d, "unroll");
        expr(u->count, d + 1);
        block(u->body, d + 1, "body");
        break;
      }
      case NodeKind::Jump: {
        auto* j = cast<JumpStmt>(s);
        JumpKind k = j->jump;
        line(d, k == JumpKind::Return ? "return" : k == JumpKind::Break ? "break" : "continue");
        if (j->value != nullptr) expr(j->value, d + 1);
        break;
      }
      case NodeKind::Let: {
        auto* l = cast<LetStmt>(s);
        line(d, l->type ? "let : " + l->type->to_string() : std::string("let"));
        expr(l->var, d + 1);
        if (l->value != nullptr) expr(l->value, d + 1);
        break;
      }
      default: line(d, "<?>"); break;
    }
  }

  void block(const Block* b, int d, const char* label) {
    line(d, fmt::format("{} {}", label, b->angle ? "<>" : "{}"));
    for (auto* s : b->stmts) stmt(s, d + 1);
  }
};

void inline_expr(const Expr* e, std::string& out) {
  switch (e->kind) {
    case NodeKind::Integer: out += integer_text(cast<IntegerLiteral>(e)->value); break;
    case NodeKind::String: out += quote(cast<StringLiteral>(e)->value); break;
    case NodeKind::Identifier: out += cast<Identifier>(e)->name; break;
    case NodeKind::Variable: out += "$" + cast<Variable>(e)->name; break;
    case NodeKind::Positional: {
      uint32_t i = cast<Positional>(e)->index;
      out += i == 0 ? std::string("$#") : fmt::format("${}", i);
      break;
    }
    case NodeKind::Map: {
      auto* m = cast<MapRef>(e);
      out += "@" + m->name;
      if (!m->keys.empty()) {
        out += "[";
        for (size_t i = 0; i < m->keys.size(); ++i) {
          if (i) out += ", ";
          inline_expr(m->keys[i], out);
        }
        out += "]";
      }
      break;
    }
    case NodeKind::Call: {
      auto* c = cast<Call>(e);
      out += c->name + "(";
      for (size_t i = 0; i < c->args.size(); ++i) {
        if (i) out += ", ";
        inline_expr(c->args[i], out);
      }
      out += ")";
      break;
    }
    case NodeKind::Binary: {
      auto* b = cast<Binary>(e);
      out += "(";
      inline_expr(b->lhs, out);
      out += fmt::format(" {} ", spelling(b->op));
      inline_expr(b->rhs, out);
      out += ")";
      break;
    }
    case NodeKind::Unary: {
      auto* u = cast<Unary>(e);
      out += spelling(u->op);
      inline_expr(u->operand, out);
      break;
    }
    case NodeKind::Ternary: {
      auto* t = cast<Ternary>(e);
      out += "(";
      inline_expr(t->cond, out);
      out += " ? ";
      inline_expr(t->then_expr, out);
      out += " : ";
      inline_expr(t->else_expr, out);
      out += ")";
      break;
    }
    case NodeKind::FieldAccess: {
      auto* f = cast<FieldAccess>(e);
      inline_expr(f->base, out);
      out += (f->arrow ? "->" : ".") + f->field;
      break;
    }
    case NodeKind::PacketLayer: {
      auto* l = cast<PacketLayer>(e);
      out += l->name + encap_suffix(l->encap);
      break;
    }
    case NodeKind::PacketLoad: {
      auto* l = cast<PacketLoad>(e);
      out += l->layer + encap_suffix(l->encap) + "[";
      inline_expr(l->offset, out);
      out += fmt::format(":{}]", l->size);
      break;
    }
    case NodeKind::ProtoChain: {
      auto* c = cast<ProtoChain>(e);
      out += fmt::format("{}{} protochain {}", c->ipv6 ? "ip6" : "ip", encap_suffix(c->encap), c->protocol);
      break;
    }
    case NodeKind::AddressMatch: {
      auto* m = cast<AddressMatch>(e);
      out += "(";
      inline_expr(m->field, out);
      out += " in " + address_text(*m) + ")";
      break;
    }
    case NodeKind::Bool: out += cast<BoolLiteral>(e)->value ? "true" : "false"; break;
    case NodeKind::Tuple: {
      auto* t = cast<TupleExpr>(e);
      out += "(";
      for (size_t i = 0; i < t->elements.size(); ++i) {
        if (i) out += ", ";
        inline_expr(t->elements[i], out);
      }
      out += t->elements.size() == 1 ? ",)" : ")";
      break;
    }
    case NodeKind::Cast: {
      auto* c = cast<CastExpr>(e);
      out += "(" + c->target.to_string() + ")";
      inline_expr(c->operand, out);
      break;
    }
    case NodeKind::Index: {
      auto* x = cast<IndexExpr>(e);
      inline_expr(x->base, out);
      out += "[";
      inline_expr(x->index, out);
      out += "]";
      break;
    }
    case NodeKind::Sizeof: {
      auto* z = cast<SizeofExpr>(e);
      out += "sizeof(";
      if (z->type) out += z->type->to_string();
      else inline_expr(z->operand, out);
      out += ")";
      break;
    }
    case NodeKind::Offsetof: {
      auto* o = cast<OffsetofExpr>(e);
      out += "offsetof(";
      if (o->type) out += o->type->to_string();
      else inline_expr(o->operand, out);
      out += ", ";
      for (size_t i = 0; i < o->fields.size(); ++i) out += (i ? "." : "") + o->fields[i];
      out += ")";
      break;
    }
    case NodeKind::BlockExpr: {
      auto* x = cast<BlockExpr>(e);
      std::string name = x->function != nullptr ? x->function->name : x->macro != nullptr ? x->macro->name : "";
      out += name + "(";
      for (size_t i = 0; i < x->args.size(); ++i) {
        if (i) out += ", ";
        inline_expr(x->args[i], out);
      }
      out += x->macro != nullptr ? "...)" : ")";
      break;
    }
    default: out += "?"; break;
  }
}

}  // namespace

std::string print_ast(const Program& program, const std::function<std::string(const Expr&)>& annotate) {
  Printer p;
  p.annotate = annotate;
  p.line(0, "program");
  for (const ConfigEntry& c : program.config) {
    p.line(1, "config " + c.name);
    p.expr(c.value, 2);
  }
  for (const auto& f : program.functions) {
    std::string params;
    for (const FunctionParam& x : f->params) params += (params.empty() ? "$" : ", $") + x.name + ": " + x.type.to_string();
    p.line(1, fmt::format("fn {}({}): {}", f->name, params, f->return_type ? f->return_type->to_string() : "void"));
    p.block(f->body, 2, "body");
  }
  for (const auto& m : program.macros) {
    std::string params;
    for (const MacroParam& x : m->params) {
      params += (params.empty() ? "" : ", ") +
                std::string(x.kind == MacroParamKind::Variable ? "$" : x.kind == MacroParamKind::Map ? "@" : "") + x.name;
    }
    p.line(1, fmt::format("macro {}({})", m->name, params));
    p.block(m->body, 2, "body");
  }
  for (const Probe* probe : program.probes) {
    std::string names;
    for (const AttachPoint* ap : probe->attach_points) {
      if (!names.empty()) names += ", ";
      names += ap->text;
    }
    p.line(1, "probe " + names);
    if (probe->predicate != nullptr) {
      p.line(2, "predicate");
      p.expr(probe->predicate, 3);
    }
    p.block(probe->body, 2, "body");
  }
  return p.out;
}

std::string print_expr(const Expr& expr) {
  std::string out;
  inline_expr(&expr, out);
  return out;
}

}  // namespace stratoshark::lang
