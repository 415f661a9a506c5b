// check_types(): expansions of user-defined functions and macros
// (passes/user_definitions.cpp), their returns, and `let` declarations.
//
// A function's parameters, return value and `let $x: TYPE` have the type as
// written: an argument or value converts to it when it is an integer for an
// integer type (truncated or extended, as a cast does), a string for
// `string` (of the configured max_strlen), or the same kind of value
// otherwise.
#include <utility>

#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"
#include "type_checker.h"

namespace stratoshark::lang {

namespace {

bool converts(const Type& to, const Type& from) {
  if (to.is_int()) return from.is_int();
  if (to.is_string()) return from.is_string();
  if (to.is_pointer() && from.is_pointer()) return true;
  return !unify(to, from).is_none();
}

std::string conversion_hint(const Type& to) {
  if (to.is_int()) return fmt::format("convert it with a cast, e.g. ({})value", to.to_string());
  if (to.is_string()) return "make a string of it, e.g. str(ptr)";
  return "";
}

}  // namespace

std::optional<Type> TypeChecker::declared_type(const TypeName& name) {
  if (name.base == "string" && name.pointer_depth == 0 && !name.is_array) {
    return Type::string(ctx_.options.string_capacity);
  }
  if (!builtin_type_name(name.base) && name.base.rfind("struct ", 0) != 0 && name.base.rfind("union ", 0) != 0) {
    diags_->error(name.loc, fmt::format("unknown type '{}'", name.base),
                  "types are int8 .. int64, uint8 .. uint64, bool, string, and pointers: struct task_struct *");
    return std::nullopt;
  }
  auto t = resolve_type(name);
  if (t && !storable(*t)) {
    diags_->error(name.loc, fmt::format("a variable cannot hold {}", t->to_string()),
                  "use a pointer to it: struct task_struct *");
    return std::nullopt;
  }
  return t;
}

Type TypeChecker::check_block_expr(const BlockExpr& x) {
  size_t before = diags_->items().size();
  Type t = check_expansion(x);
  if (diags_->items().size() > before) {
    diags_->note_since(before, {x.call_loc, fmt::format("in the {} '{}' called here",
                                                       x.function != nullptr ? "function" : "macro",
                                                       x.function != nullptr ? x.function->name : x.macro->name)});
  }
  return t;
}

Type TypeChecker::check_expansion(const BlockExpr& x) {
  if (x.function == nullptr) {
    check_block(*x.block);
    return x.value != nullptr ? check_expr(*x.value) : Type::void_type();
  }
  const FunctionDef& f = *x.function;
  bool ok = true;
  for (size_t i = 0; i < x.args.size() && i < f.params.size(); ++i) {
    const FunctionParam& p = f.params[i];
    Type arg = check_expr(*x.args[i]);
    auto type = declared_type(p.type);
    const auto& var = *cast<Variable>(x.params[i]);
    if (!type) {
      ok = false;
      (*variables_)[var.name] = Type::none();
      continue;
    }
    if (!arg.is_none() && !converts(*type, arg)) {
      Diagnostic& d = diags_->error(x.args[i]->loc,
                                    fmt::format("argument {} of '{}' must be {}, but '{}' is {}", i + 1, f.name,
                                                type->to_string(), print_expr(*x.args[i]), arg.to_string()),
                                    conversion_hint(*type));
      d.notes.push_back({p.loc, fmt::format("${} is declared {} here", p.name, p.type.to_string())});
      ok = false;
    }
    (*variables_)[var.name] = *type;
    set(var, *type);
  }
  Type returns = Type::void_type();
  if (f.return_type) {
    auto t = declared_type(*f.return_type);
    if (!t) return Type::none();
    returns = *t;
  }
  if (x.result != nullptr) (*variables_)[cast<Variable>(x.result)->name] = returns;
  // The body cannot leave the caller's loops.
  int loops = std::exchange(loop_depth_, 0);
  int unrolls = std::exchange(unroll_depth_, 0);
  functions_.push_back({&x, returns});
  check_block(*x.block);
  functions_.pop_back();
  loop_depth_ = loops;
  unroll_depth_ = unrolls;
  if (x.result != nullptr) check_expr(*x.result);
  return ok ? returns : Type::none();
}

void TypeChecker::check_return(const JumpStmt& s) {
  if (s.function == nullptr) {
    if (s.value != nullptr) check_expr(*s.value);  // the expansion reported it
    return;
  }
  const FunctionDef& f = *s.function->function;
  // A copy: checking the value may expand more calls, which grows functions_.
  std::optional<Type> returns;
  for (const FunctionScope& scope : functions_) {
    if (scope.expansion == s.function) returns = scope.returns;
  }
  if (!returns) return;
  if (s.value == nullptr) {
    if (returns->kind != TypeKind::Void) {
      diags_->error(s.loc, fmt::format("function '{}' returns {}, so this 'return' needs a value", f.name,
                                       returns->to_string()),
                    "write return EXPR;");
    }
    return;
  }
  Type t = check_expr(*s.value);
  if (t.is_none() || converts(*returns, t)) return;
  Diagnostic& d = diags_->error(s.value->loc,
                                fmt::format("function '{}' returns {}, but '{}' is {}", f.name, returns->to_string(),
                                            print_expr(*s.value), t.to_string()),
                                conversion_hint(*returns));
  d.notes.push_back({f.loc, fmt::format("'{}' is declared here", f.name)});
}

void TypeChecker::check_let(const LetStmt& l) {
  const auto& var = *cast<Variable>(l.var);
  std::optional<Type> declared;
  if (l.type) {
    declared = declared_type(*l.type);
    if (!declared) {
      (*variables_)[var.name] = Type::none();
      if (l.value != nullptr) check_expr(*l.value);
      return;
    }
  }
  if (l.value == nullptr) {
    // let $x: TYPE; starts at zero. let $x; gets its type where it is first assigned.
    if (declared) store_variable(var, *l.var, *declared);
    return;
  }
  Type value = check_expr(*l.value);
  if (value.is_none()) {
    (*variables_)[var.name] = declared.value_or(Type::none());
    return;
  }
  if (declared && !converts(*declared, value)) {
    diags_->error(l.value->loc,
                  fmt::format("${} is declared {}, but '{}' is {}", var.written(), declared->to_string(),
                              print_expr(*l.value), value.to_string()),
                  conversion_hint(*declared));
    (*variables_)[var.name] = *declared;
    return;
  }
  store_variable(var, *l.value, declared.value_or(value));
}

}  // namespace stratoshark::lang
