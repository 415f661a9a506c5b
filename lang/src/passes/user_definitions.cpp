// expand_definitions(): user-defined functions (fn) and macros, and the
// scopes of `let` variables.
//
// Both kinds of definition are expanded where they are called, so every
// program type runs them (packet programs too), the type checker sees each
// call with its own argument types, and the complexity estimator and the
// verifier count each call's code where it runs. A call becomes a BlockExpr
// over a copy of the body:
//   * a function's parameters and locals are renamed apart per call
//     ("a#3"), so it sees nothing of its caller's variables; its `return`s
//     leave the expansion (JumpStmt::function);
//   * a macro follows bpftrace: a `$var` parameter names the caller's
//     variable (the macro may change it), an `@map` parameter the caller's
//     map, a bare parameter is replaced by the argument expression at each
//     use; variables the body makes are its own (renamed apart), and it may
//     use no map it was not given. The body's last expression, written
//     without ';', is its value.
// `let $x` makes a variable that lives to the end of its block: it is
// renamed apart when it is inside another block of the probe (or in a
// definition), so an inner `let $x` hides an outer $x.
// Recursion (direct or through other definitions) is refused: the
// expansion would not end, and BPF programs have no stack for it.
#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "stratoshark/lang/builtins.h"
#include "stratoshark/lang/functions.h"
#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {
namespace {

constexpr size_t kMaxDepth = 64;  // nested expansions (no recursion, so only deep chains of definitions)

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string function_signature(const FunctionDef& f) {
  std::string params;
  for (const FunctionParam& p : f.params) params += (params.empty() ? "$" : ", $") + p.name + ": " + p.type.to_string();
  return fmt::format("fn {}({}){}", f.name, params, f.return_type ? ": " + f.return_type->to_string() : "");
}

std::string macro_signature(const MacroDef& m) {
  std::string params;
  for (const MacroParam& p : m.params) {
    params += (params.empty() ? "" : ", ") +
              std::string(p.kind == MacroParamKind::Variable ? "$" : p.kind == MacroParamKind::Map ? "@" : "") + p.name;
  }
  return fmt::format("macro {}({})", m.name, params);
}

// Every path through `s` ends in a return.
bool always_returns(const Stmt& s) {
  if (const auto* j = dyn_cast<JumpStmt>(&s)) return j->jump == JumpKind::Return;
  if (const auto* b = dyn_cast<Block>(&s)) {
    for (const Stmt* x : b->stmts) {
      if (always_returns(*x)) return true;
    }
    return false;
  }
  if (const auto* i = dyn_cast<IfStmt>(&s)) {
    return i->else_stmt != nullptr && always_returns(*i->then_block) && always_returns(*i->else_stmt);
  }
  return false;
}

struct Frame {
  enum class Kind { Probe, Function, Macro } kind = Kind::Probe;
  const FunctionDef* function = nullptr;
  const MacroDef* macro = nullptr;
  BlockExpr* expansion = nullptr;
  std::string suffix;                          // "#N": this expansion's renaming
  std::map<std::string, std::string> locals;   // variable as written -> as renamed
  std::map<std::string, std::string> maps;     // macro @parameter -> the caller's map
  std::map<std::string, const Expr*> exprs;    // macro parameter -> the argument as written
  size_t caller = 0;                           // the frame the call (and its arguments) is in
  std::vector<std::map<std::string, std::string>> scopes;  // `let` variables of the open blocks
  SourceRange call_loc;
};

class Expander {
 public:
  explicit Expander(PassContext& ctx) : ctx_(ctx), diags_(ctx.diags) {}

  void run() {
    Program& program = ctx_.program;
    for (const auto& f : program.functions) functions_[f->name] = f.get();
    for (const auto& m : program.macros) macros_[m->name] = m.get();
    if (!check_definitions() || !check_recursion()) return;
    for (Probe* probe : program.probes) {
      if (program.functions.empty() && program.macros.empty() && !has_let(*probe)) continue;
      frames_.clear();
      frames_.emplace_back();
      current_ = 0;
      if (probe->predicate != nullptr) probe->predicate = expr(probe->predicate);
      probe->body = block(probe->body);
      if (failed_) return;
    }
    for (const auto& f : program.functions) {
      if (!called_.count(f->name)) {
        diags_.warning(f->name_loc, fmt::format("function '{}' is never called", f->name),
                       "its body is type-checked where it is called; remove it or call it from a probe");
      }
    }
  }

 private:
  // `let` (scopes to resolve) or `return EXPR` (refused in a probe).
  static bool has_let(const Node& n) {
    if (n.kind == NodeKind::Let) return true;
    if (const auto* j = dyn_cast<JumpStmt>(&n); j != nullptr && j->value != nullptr) return true;
    bool found = false;
    for_each_child(n, [&](const Node& c) { found = found || has_let(c); });
    return found;
  }

  void error_once(SourceRange where, std::string message, std::string hint, std::vector<DiagnosticNote> notes = {}) {
    if (failed_) return;
    failed_ = true;
    Diagnostic& d = diags_.error(where, std::move(message), std::move(hint));
    d.notes = std::move(notes);
  }

  // ------------------------------------------------------------ definitions

  bool check_definitions() {
    std::map<std::string, SourceRange> seen;
    auto check_name = [&](const std::string& name, SourceRange at, const char* what) {
      if (auto it = seen.find(name); it != seen.end()) {
        Diagnostic& d = diags_.error(at, fmt::format("'{}' is defined twice", name),
                                     fmt::format("rename one of the two {}s", what));
        d.notes.push_back({it->second, "first defined here"});
        return;
      }
      seen.emplace(name, at);
      if (find_function(name) != nullptr || find_builtin(name) != nullptr) {
        diags_.error(at, fmt::format("'{}' is a builtin {}; a {} cannot take its name", name,
                                     find_function(name) != nullptr ? "function" : "variable", what),
                     "choose another name");
      }
    };
    for (const auto& f : ctx_.program.functions) {
      check_name(f->name, f->name_loc, "function");
      std::set<std::string> params;
      for (const FunctionParam& p : f->params) {
        if (!params.insert(p.name).second) {
          diags_.error(p.loc, fmt::format("function '{}' has two parameters named ${}", f->name, p.name),
                       "give each parameter its own name");
        }
      }
      check_returns(*f->body, *f, 0);
      if (f->return_type && !always_returns(*f->body)) {
        SourceRange end = f->body->loc;
        end.begin = end.end > end.begin ? end.end - 1 : end.begin;
        Diagnostic& d =
            diags_.error(end, fmt::format("function '{}' can reach its end without returning a value", f->name),
                         fmt::format("end every path with return EXPR; (a value of type {})", f->return_type->to_string()));
        d.notes.push_back({f->loc, fmt::format("'{}' returns {}", f->name, f->return_type->to_string())});
      }
    }
    for (const auto& m : ctx_.program.macros) {
      check_name(m->name, m->name_loc, "macro");
      std::set<std::string> params;
      for (const MacroParam& p : m->params) {
        if (!params.insert(p.name).second) {
          diags_.error(p.loc, fmt::format("macro '{}' has two parameters named {}", m->name, p.name),
                       "give each parameter its own name");
        }
      }
    }
    return !diags_.has_errors();
  }

  // `return` in a function: with a value exactly when the function has a
  // return type; not inside a for-map loop (its body is a callback).
  void check_returns(const Node& n, const FunctionDef& f, int map_loops) {
    if (const auto* j = dyn_cast<JumpStmt>(&n); j != nullptr && j->jump == JumpKind::Return) {
      if (map_loops > 0) {
        diags_.error(j->loc, fmt::format("'return' inside a for ($kv : @map) loop of function '{}' is not supported",
                                         f.name),
                     "the loop body runs as a callback: set a variable, break out of the loop, then return");
      } else if (f.return_type && j->value == nullptr) {
        diags_.error(j->loc, fmt::format("function '{}' returns {}, so this 'return' needs a value", f.name,
                                         f.return_type->to_string()),
                     "write return EXPR;");
      } else if (!f.return_type && j->value != nullptr) {
        Diagnostic& d = diags_.error(j->value->loc, fmt::format("function '{}' returns no value", f.name),
                                     fmt::format("give it a return type, e.g. {}: int64, or write 'return;'",
                                                 function_signature(f)));
        d.notes.push_back({f.loc, "defined here without a return type"});
      }
    }
    int inner = map_loops + (n.kind == NodeKind::ForMap ? 1 : 0);
    for_each_child(n, [&](const Node& c) { check_returns(c, f, inner); });
  }

  // Calls between definitions, and the first cycle among them.
  void collect_calls(const Node& n, std::vector<std::pair<std::string, SourceRange>>& out) const {
    if (const auto* c = dyn_cast<Call>(&n)) {
      if (functions_.count(c->name) || macros_.count(c->name)) out.emplace_back(c->name, c->name_loc);
    } else if (const auto* id = dyn_cast<Identifier>(&n)) {
      if (macros_.count(id->name)) out.emplace_back(id->name, id->loc);
    }
    for_each_child(n, [&](const Node& c) { collect_calls(c, out); });
  }

  bool check_recursion() {
    std::map<std::string, std::vector<std::pair<std::string, SourceRange>>> calls;
    for (const auto& [name, f] : functions_) collect_calls(*f->body, calls[name]);
    for (const auto& [name, m] : macros_) collect_calls(*m->body, calls[name]);
    std::map<std::string, int> state;  // 1: on the path, 2: done
    std::vector<std::string> path;
    std::function<bool(const std::string&)> visit = [&](const std::string& name) -> bool {
      state[name] = 1;
      path.push_back(name);
      for (const auto& [callee, at] : calls[name]) {
        if (state[callee] == 1) {
          std::string cycle;
          auto from = std::find(path.begin(), path.end(), callee);
          for (auto it = from; it != path.end(); ++it) cycle += *it + " -> ";
          cycle += callee;
          diags_.error(at, fmt::format("'{}' calls itself ({}); recursion is not supported", callee, cycle),
                       "BPF programs cannot recurse: write the repetition as a bounded loop (for, while)");
          return false;
        }
        if (state[callee] == 0 && !visit(callee)) return false;
      }
      path.pop_back();
      state[name] = 2;
      return true;
    };
    for (const auto& [name, _] : calls) {
      if (state[name] == 0 && !visit(name)) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- frames

  Frame& frame() { return frames_[current_]; }

  // The function whose `return` a return statement here leaves, if any.
  BlockExpr* enclosing_function() {
    for (size_t i = current_;; i = frames_[i].caller) {
      if (frames_[i].kind == Frame::Kind::Function) return frames_[i].expansion;
      if (frames_[i].kind == Frame::Kind::Probe) return nullptr;
    }
  }

  std::string variable_name(const std::string& written) {
    Frame& f = frame();
    for (auto it = f.scopes.rbegin(); it != f.scopes.rend(); ++it) {
      if (auto v = it->find(written); v != it->end()) return v->second;
    }
    if (f.kind == Frame::Kind::Probe) return written;
    auto [it, inserted] = f.locals.emplace(written, written + f.suffix);
    return it->second;
  }

  std::string declare_let(const Variable& v) {
    Frame& f = frame();
    auto& scope = f.scopes.back();
    if (scope.count(v.name)) {
      error_once(v.loc, fmt::format("${} is declared twice in this block", v.name),
                 "assign it ($x = ...) instead of declaring it again, or use another name");
    }
    bool outermost = f.kind == Frame::Kind::Probe && f.scopes.size() == 1;
    std::string renamed = outermost ? v.name : fmt::format("{}#{}", v.name, ++counter_);
    scope[v.name] = renamed;
    return renamed;
  }

  std::string map_name(const MapRef& m) {
    Frame& f = frame();
    if (f.kind != Frame::Kind::Macro) return m.name;
    if (auto it = f.maps.find(m.name); it != f.maps.end()) return it->second;
    error_once(m.name_loc, fmt::format("macro '{}' uses @{}, which is not one of its parameters", f.macro->name, m.name),
               fmt::format("a macro sees only the maps passed to it: add @{} to its parameters and pass the map",
                           m.name),
               {{f.call_loc, fmt::format("'{}' is expanded here", f.macro->name)}});
    return m.name;
  }

  // ----------------------------------------------------------------- copies

  template <class T, class... Args>
  T* make(Args&&... args) {
    return ctx_.ast.make<T>(std::forward<Args>(args)...);
  }

  Block* block(const Block* b) {
    frame().scopes.emplace_back();
    std::vector<Stmt*> stmts;
    for (const Stmt* s : b->stmts) stmts.push_back(stmt(s));
    frame().scopes.pop_back();
    return make<Block>(b->loc, std::move(stmts), b->angle);
  }

  Stmt* stmt(const Stmt* s) {
    switch (s->kind) {
      case NodeKind::ExprStmt: {
        const auto& x = *cast<ExprStmt>(s);
        statement_call_ = true;
        auto* out = make<ExprStmt>(x.loc, expr(x.expr));
        statement_call_ = false;
        out->terminated = x.terminated;
        return out;
      }
      case NodeKind::Assign: {
        const auto& a = *cast<AssignStmt>(s);
        Expr* value = expr(a.value);
        auto* out = make<AssignStmt>(a.loc, expr(a.target), value);
        out->compound = a.compound;
        out->op = a.op;
        return out;
      }
      case NodeKind::If: {
        const auto& i = *cast<IfStmt>(s);
        Expr* cond = expr(i.cond);
        Block* then_block = block(i.then_block);
        return make<IfStmt>(i.loc, cond, then_block, i.else_stmt != nullptr ? stmt(i.else_stmt) : nullptr);
      }
      case NodeKind::Block:
        return block(cast<Block>(s));
      case NodeKind::While: {
        const auto& w = *cast<WhileStmt>(s);
        Expr* cond = expr(w.cond);
        return make<WhileStmt>(w.loc, cond, block(w.body));
      }
      case NodeKind::ForRange: {
        const auto& f = *cast<ForRangeStmt>(s);
        Expr* begin = expr(f.begin);
        Expr* end = expr(f.end);
        Expr* var = expr(f.var);
        auto* out = make<ForRangeStmt>(f.loc, var, begin, end, block(f.body));
        out->head = f.head;
        return out;
      }
      case NodeKind::ForMap: {
        const auto& f = *cast<ForMapStmt>(s);
        Expr* map = expr(f.map);
        Expr* var = expr(f.var);
        return make<ForMapStmt>(f.loc, var, map, block(f.body));
      }
      case NodeKind::Unroll: {
        const auto& u = *cast<UnrollStmt>(s);
        Expr* count = expr(u.count);
        return make<UnrollStmt>(u.loc, count, block(u.body));
      }
      case NodeKind::Jump: {
        const auto& j = *cast<JumpStmt>(s);
        auto* out = make<JumpStmt>(j.loc, j.jump);
        if (j.jump == JumpKind::Return) {
          out->function = enclosing_function();
          if (j.value != nullptr && out->function == nullptr) {
            error_once(j.value->loc, "a probe's 'return' takes no value",
                       "'return;' ends the probe; values are returned from functions: fn name(): int64 { return 1; }");
          }
        }
        if (j.value != nullptr) out->value = expr(j.value);
        return out;
      }
      case NodeKind::Let: {
        const auto& l = *cast<LetStmt>(s);
        Expr* value = l.value != nullptr ? expr(l.value) : nullptr;  // before the name exists: let $x = $x + 1
        const auto& v = *cast<Variable>(l.var);
        Expr* var = make<Variable>(v.loc, declare_let(v));
        return make<LetStmt>(l.loc, var, l.type, value);
      }
      default:
        return const_cast<Stmt*>(s);
    }
  }

  std::vector<Expr*> exprs(const std::vector<Expr*>& in) {
    std::vector<Expr*> out;
    for (const Expr* e : in) out.push_back(expr(e));
    return out;
  }

  Expr* expr(const Expr* e) {
    bool as_statement = std::exchange(statement_call_, false);
    switch (e->kind) {
      case NodeKind::Integer: return make<IntegerLiteral>(e->loc, cast<IntegerLiteral>(e)->value);
      case NodeKind::String: return make<StringLiteral>(e->loc, cast<StringLiteral>(e)->value);
      case NodeKind::Bool: return make<BoolLiteral>(e->loc, cast<BoolLiteral>(e)->value);
      case NodeKind::Positional: return make<Positional>(e->loc, cast<Positional>(e)->index);
      case NodeKind::Identifier: {
        const auto& id = *cast<Identifier>(e);
        if (frame().kind == Frame::Kind::Macro) {
          if (auto it = frame().exprs.find(id.name); it != frame().exprs.end()) return argument(it->second);
        }
        if (auto it = macros_.find(id.name); it != macros_.end()) return expand_macro(*it->second, {}, id.loc, as_statement);
        return make<Identifier>(id.loc, id.name);
      }
      case NodeKind::Variable: return make<Variable>(e->loc, variable_name(cast<Variable>(e)->name));
      case NodeKind::Map: {
        const auto& m = *cast<MapRef>(e);
        auto* out = make<MapRef>(m.loc, map_name(m), exprs(m.keys));
        out->name_loc = m.name_loc;
        return out;
      }
      case NodeKind::Call: {
        const auto& c = *cast<Call>(e);
        if (auto it = functions_.find(c.name); it != functions_.end()) return expand_function(*it->second, c);
        if (auto it = macros_.find(c.name); it != macros_.end()) return expand_macro(*it->second, c.args, c.loc, as_statement);
        auto* out = make<Call>(c.loc, c.name, exprs(c.args));
        out->name_loc = c.name_loc;
        return out;
      }
      case NodeKind::Binary: {
        const auto& b = *cast<Binary>(e);
        Expr* lhs = expr(b.lhs);
        auto* out = make<Binary>(b.loc, b.op, lhs, expr(b.rhs));
        out->op_loc = b.op_loc;
        return out;
      }
      case NodeKind::Unary: {
        const auto& u = *cast<Unary>(e);
        return make<Unary>(u.loc, u.op, expr(u.operand));
      }
      case NodeKind::Ternary: {
        const auto& t = *cast<Ternary>(e);
        Expr* cond = expr(t.cond);
        Expr* then_expr = expr(t.then_expr);
        return make<Ternary>(t.loc, cond, then_expr, expr(t.else_expr));
      }
      case NodeKind::FieldAccess: {
        const auto& f = *cast<FieldAccess>(e);
        auto* out = make<FieldAccess>(f.loc, expr(f.base), f.field, f.arrow);
        out->field_loc = f.field_loc;
        return out;
      }
      case NodeKind::Tuple: return make<TupleExpr>(e->loc, exprs(cast<TupleExpr>(e)->elements));
      case NodeKind::Cast: {
        const auto& c = *cast<CastExpr>(e);
        return make<CastExpr>(c.loc, c.target, expr(c.operand));
      }
      case NodeKind::Index: {
        const auto& x = *cast<IndexExpr>(e);
        Expr* base = expr(x.base);
        return make<IndexExpr>(x.loc, base, expr(x.index));
      }
      case NodeKind::Sizeof: {
        const auto& s = *cast<SizeofExpr>(e);
        return make<SizeofExpr>(s.loc, s.type, s.operand != nullptr ? expr(s.operand) : nullptr);
      }
      case NodeKind::Offsetof: {
        const auto& o = *cast<OffsetofExpr>(e);
        auto* out = make<OffsetofExpr>(o.loc, o.type, o.operand != nullptr ? expr(o.operand) : nullptr, o.fields);
        out->fields_loc = o.fields_loc;
        return out;
      }
      default:
        // Packet nodes exist only in lowered capture filters, made after this pass.
        return const_cast<Expr*>(e);
    }
  }

  // A macro's expression parameter at one of its uses: the argument, copied
  // in the caller's frame (each use evaluates it again, as in bpftrace).
  Expr* argument(const Expr* written) {
    size_t saved = current_;
    current_ = frame().caller;
    Expr* out = expr(written);
    current_ = saved;
    return out;
  }

  bool enter(SourceRange call_loc) {
    if (frames_.size() > kMaxDepth) {
      error_once(call_loc, fmt::format("calls of functions and macros nest more than {} deep here", kMaxDepth),
                 "flatten the chain of definitions");
      return false;
    }
    return true;
  }

  Expr* expand_function(const FunctionDef& f, const Call& c) {
    called_.insert(f.name);
    if (c.args.size() != f.params.size()) {
      error_once(c.loc,
                 fmt::format("function '{}' takes {}, but {} {} given", f.name, plural(f.params.size(), "argument"),
                             c.args.size(), c.args.size() == 1 ? "was" : "were"),
                 fmt::format("usage: {}", function_signature(f)), {{f.loc, fmt::format("'{}' is defined here", f.name)}});
      return make<IntegerLiteral>(c.loc, 0);
    }
    if (!enter(c.loc)) return make<IntegerLiteral>(c.loc, 0);
    auto* x = make<BlockExpr>(c.loc, nullptr, nullptr);
    x->function = &f;
    x->call_loc = c.loc;
    x->args = exprs(c.args);
    Frame nf;
    nf.kind = Frame::Kind::Function;
    nf.function = &f;
    nf.expansion = x;
    nf.suffix = fmt::format("#{}", ++counter_);
    nf.caller = current_;
    nf.call_loc = c.loc;
    size_t saved = current_;
    frames_.push_back(std::move(nf));
    current_ = frames_.size() - 1;
    for (const FunctionParam& p : f.params) x->params.push_back(make<Variable>(p.loc, variable_name(p.name)));
    if (f.return_type) x->result = make<Variable>(f.name_loc, "ret" + frame().suffix);
    x->block = block(f.body);
    x->value = x->result;
    frames_.pop_back();
    current_ = saved;
    return x;
  }

  Expr* expand_macro(const MacroDef& m, const std::vector<Expr*>& args, SourceRange loc, bool as_statement) {
    std::vector<DiagnosticNote> defined{{m.loc, fmt::format("'{}' is defined here", m.name)}};
    if (args.size() != m.params.size()) {
      error_once(loc,
                 fmt::format("macro '{}' takes {}, but {} {} given", m.name, plural(m.params.size(), "argument"),
                             args.size(), args.size() == 1 ? "was" : "were"),
                 fmt::format("usage: {}", macro_signature(m)), defined);
      return make<IntegerLiteral>(loc, 0);
    }
    if (!enter(loc)) return make<IntegerLiteral>(loc, 0);
    Frame nf;
    nf.kind = Frame::Kind::Macro;
    nf.macro = &m;
    nf.suffix = fmt::format("#{}", ++counter_);
    nf.caller = current_;
    nf.call_loc = loc;
    for (size_t i = 0; i < args.size(); ++i) {
      const MacroParam& p = m.params[i];
      const Expr* a = args[i];
      std::vector<DiagnosticNote> param{{p.loc, fmt::format("parameter {} of '{}' is declared here", i + 1, m.name)}};
      switch (p.kind) {
        case MacroParamKind::Variable:
          if (!isa<Variable>(a)) {
            error_once(a->loc, fmt::format("macro '{}' takes a variable as argument {} (${}), not an expression", m.name,
                                           i + 1, p.name),
                       "pass a variable ($x); parameters without '$' or '@' take expressions", param);
            return make<IntegerLiteral>(loc, 0);
          }
          nf.locals[p.name] = variable_name(cast<Variable>(a)->name);
          break;
        case MacroParamKind::Map: {
          const auto* mr = dyn_cast<MapRef>(a);
          if (mr == nullptr || !mr->keys.empty()) {
            error_once(a->loc, fmt::format("macro '{}' takes a map as argument {} (@{}), not {}", m.name, i + 1, p.name,
                                           mr != nullptr ? "an element of one" : "an expression"),
                       "pass the map by name, without a key: @m", param);
            return make<IntegerLiteral>(loc, 0);
          }
          nf.maps[p.name] = map_name(*mr);
          break;
        }
        case MacroParamKind::Expression:
          nf.exprs[p.name] = a;
          break;
      }
    }
    size_t saved = current_;
    frames_.push_back(std::move(nf));
    current_ = frames_.size() - 1;
    Block* body = block(m.body);
    frames_.pop_back();
    current_ = saved;
    Expr* value = nullptr;
    if (!body->stmts.empty()) {
      if (auto* last = dyn_cast<ExprStmt>(body->stmts.back()); last != nullptr && !last->terminated) {
        value = last->expr;
        body->stmts.pop_back();
      }
    }
    if (value == nullptr && !as_statement) {
      error_once(loc, fmt::format("macro '{}' has no value, so it cannot be used in an expression", m.name),
                 "call it as a statement, or end its body with an expression without ';' to give it a value",
                 defined);
    }
    auto* x = make<BlockExpr>(loc, body, value);
    x->macro = &m;
    x->call_loc = loc;
    return x;
  }

  PassContext& ctx_;
  Diagnostics& diags_;
  std::map<std::string, const FunctionDef*> functions_;
  std::map<std::string, const MacroDef*> macros_;
  std::set<std::string> called_;
  std::deque<Frame> frames_;
  size_t current_ = 0;
  uint32_t counter_ = 0;
  bool failed_ = false;
  bool statement_call_ = false;
};

}  // namespace

void expand_definitions(PassContext& ctx) { Expander(ctx).run(); }

}  // namespace stratoshark::lang
