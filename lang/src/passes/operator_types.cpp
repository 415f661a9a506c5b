// check_types(): operators, casts, tuples, indexing, sizeof and offsetof.
//
// Integer arithmetic is 64-bit: both operands are widened to 64 bits and the
// result is signed when either is (docs/language.md#integers). Pointers take
// + and - (scaled by the pointee's size), comparisons and conditions;
// strings, arrays and tuples compare with == and != only.
#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"
#include "type_checker.h"

namespace stratoshark::lang {

bool TypeChecker::user_space_probe(const Probe& probe) const {
  const auto& attaches = ctx_.result.probes[probe.index].attaches;
  if (attaches.empty()) return false;
  for (const auto& a : attaches) {
    if (!a.provider->user_space()) return false;
  }
  return true;
}

Type TypeChecker::check_binary(const Binary& b) {
  Type l = check_expr(*b.lhs);
  Type r = check_expr(*b.rhs);
  if (l.is_none() || r.is_none()) return Type::none();
  if (l.is_string() || r.is_string()) {
    if ((b.op == BinaryOp::Eq || b.op == BinaryOp::Ne) && l.is_string() && r.is_string()) return Type::u64();
    if (b.op == BinaryOp::Eq || b.op == BinaryOp::Ne) {
      diags_->error(b.loc,
                    fmt::format("cannot compare {} with {}: '{}' vs '{}'", l.to_string(), r.to_string(),
                                print_expr(*b.lhs), print_expr(*b.rhs)),
                    "both sides of == and != must be strings, or both integers");
    } else {
      diags_->error(b.op_loc, fmt::format("operator '{}' does not apply to strings", spelling(b.op)),
                    "strings support only == and !=");
    }
    return Type::none();
  }
  if (l.is_array() || r.is_array() || l.is_tuple() || r.is_tuple()) return check_aggregate_compare(b, l, r);
  if (!integral(l) || !integral(r)) {
    const Expr& bad = integral(l) ? *b.rhs : *b.lhs;
    const Type& bad_type = integral(l) ? r : l;
    diags_->error(bad.loc, fmt::format("operator '{}' needs integers, but '{}' is {}", spelling(b.op),
                                       print_expr(bad), bad_type.to_string()),
                  bad_type.kind == TypeKind::Struct ? "read one of its fields, e.g. p->pid" : "");
    return Type::none();
  }
  if (is_comparison(b.op) || b.op == BinaryOp::LogAnd || b.op == BinaryOp::LogOr) return Type::u64();
  if (l.is_pointer() || r.is_pointer()) return check_pointer_arithmetic(b, l, r);
  if (b.op == BinaryOp::Shl || b.op == BinaryOp::Shr) {
    if (auto amount = constant_int(*b.rhs); amount && (*amount < 0 || *amount > 63)) {
      diags_->error(b.rhs->loc, fmt::format("a shift by {} is outside 0 to 63", *amount),
                    "integers are 64 bits wide; shift by less than 64");
      return Type::none();
    }
  }
  // A constant expression must have a value: the innermost operator that
  // has none is reported (its operands fold, so nothing inside was).
  if (ConstantFold f = fold_constant(b); !f.ok && !f.problem.empty()) {
    diags_->error(b.loc, fmt::format("the constant expression '{}' has no 64-bit value: {}", print_expr(b), f.problem),
                  f.problem == "it divides by zero"
                      ? "a constant divisor must not be 0 (at run time, x / 0 gives 0 as in the kernel)"
                      : "integers are 64-bit signed; use smaller constants or compute at run time");
    return Type::none();
  }
  Type result = arithmetic_result(l, r);
  // A packet address masked or combined (ip.src & 0xffffff00) is still one.
  bool bitwise = b.op == BinaryOp::BitAnd || b.op == BinaryOp::BitOr || b.op == BinaryOp::BitXor;
  result.host_address = bitwise && (l.host_address || r.host_address);
  return result;
}

// p + n, n + p, p - n: a pointer n elements on; p - q: the elements between.
Type TypeChecker::check_pointer_arithmetic(const Binary& b, const Type& l, const Type& r) {
  const Type& pointer = l.is_pointer() ? l : r;
  bool pointer_difference = b.op == BinaryOp::Sub && l.is_pointer() && r.is_pointer();
  bool offset = (b.op == BinaryOp::Add && !(l.is_pointer() && r.is_pointer())) ||
                (b.op == BinaryOp::Sub && l.is_pointer() && !r.is_pointer());
  if (!offset && !pointer_difference) {
    diags_->error(b.op_loc,
                  fmt::format("operator '{}' does not apply to pointers ('{}' is {})", spelling(b.op),
                              print_expr(l.is_pointer() ? *b.lhs : *b.rhs), pointer.to_string()),
                  b.op == BinaryOp::Sub ? "subtract an integer from a pointer, or two pointers of the same type"
                                        : "pointers take + and - an integer; cast to uint64 for other arithmetic");
    return Type::none();
  }
  if (pointer_difference && !(l.inner() == r.inner())) {
    diags_->error(b.loc, fmt::format("cannot subtract {} from {}", r.to_string(), l.to_string()),
                  "both pointers must have the same type");
    return Type::none();
  }
  Type element = pointer.inner();
  if (element.kind == TypeKind::Struct && !complete(element, b.loc)) return Type::none();
  if (element.kind == TypeKind::Struct) {
    // Keep the size we found, so codegen can scale by it.
    Type completed = pointer;
    completed.elements[0] = element;
    return pointer_difference ? Type::i64() : completed;
  }
  return pointer_difference ? Type::i64() : pointer;
}

// Arrays and tuples: == and != only, between values of the same shape.
Type TypeChecker::check_aggregate_compare(const Binary& b, const Type& l, const Type& r) {
  if (b.op != BinaryOp::Eq && b.op != BinaryOp::Ne) {
    const Type& which = l.is_array() || l.is_tuple() ? l : r;
    diags_->error(b.op_loc, fmt::format("operator '{}' does not apply to {}", spelling(b.op), which.to_string()),
                  fmt::format("{} support only == and !=", which.is_array() ? "arrays" : "tuples"));
    return Type::none();
  }
  if (unify(l, r).is_none()) {
    diags_->error(b.loc,
                  fmt::format("cannot compare {} with {}: '{}' vs '{}'", l.to_string(), r.to_string(),
                              print_expr(*b.lhs), print_expr(*b.rhs)),
                  "arrays compare with arrays of the same type and length, tuples with tuples of the same shape");
    return Type::none();
  }
  return Type::u64();
}

Type TypeChecker::check_unary(const Unary& u) {
  Type t = check_expr(*u.operand);
  if (t.is_none()) return t;
  switch (u.op) {
    case UnaryOp::AddressOf:
      diags_->error(u.loc, "the address-of operator '&' is not supported",
                    "read through pointers with * and ->; kaddr(\"sym\") gives a kernel symbol's address");
      return Type::none();
    case UnaryOp::Deref: {
      if (t.is_int()) return Type::u64();  // an address: read 8 bytes there
      if (!t.is_pointer()) {
        diags_->error(u.loc, fmt::format("cannot dereference '{}' of type {}", print_expr(*u.operand), t.to_string()),
                      "'*' reads through a pointer or an address");
        return Type::none();
      }
      const Type& pointee = t.inner();
      if (pointee.kind == TypeKind::Void) {
        diags_->error(u.loc, fmt::format("cannot dereference '{}' of type void *", print_expr(*u.operand)),
                      fmt::format("cast it to say what it points to, e.g. *(uint64 *){}", print_expr(*u.operand)));
        return Type::none();
      }
      Type result = pointee;
      if (result.kind == TypeKind::Struct || result.is_pointer()) result.user = result.user || t.user;
      return result;
    }
    default:
      break;
  }
  if (!integral(t)) {
    diags_->error(u.loc, fmt::format("operator '{}' needs an integer, but '{}' is {}", spelling(u.op),
                                     print_expr(*u.operand), t.to_string()));
    return Type::none();
  }
  if (u.op == UnaryOp::Not) return Type::u64();
  if (t.is_pointer()) {
    diags_->error(u.loc, fmt::format("operator '{}' does not apply to pointers", spelling(u.op)),
                  "cast to uint64 first");
    return Type::none();
  }
  return Type::integer(64, u.op == UnaryOp::Neg ? true : t.is_signed);
}

Type TypeChecker::check_ternary(const Ternary& t) {
  Type c = check_expr(*t.cond);
  require_int(*t.cond, c, "the condition of '?:'");
  Type a = check_expr(*t.then_expr);
  Type b = check_expr(*t.else_expr);
  if (a.is_none() || b.is_none()) return Type::none();
  Type merged = unify(a, b);
  if (merged.is_none() || !storable(merged)) {
    diags_->error(t.loc, fmt::format("both branches of '?:' must have the same type, but they are {} and {}",
                                     a.to_string(), b.to_string()));
    return Type::none();
  }
  if (merged.is_int()) merged = Type::integer(64, merged.is_signed);
  return merged;
}

Type TypeChecker::check_tuple(const TupleExpr& t) {
  std::vector<Type> elements;
  bool ok = true;
  for (const Expr* e : t.elements) {
    Type x = check_expr(*e);
    if (x.is_none()) {
      ok = false;
      continue;
    }
    if (!storable(x)) {
      diags_->error(e->loc, fmt::format("'{}' of type {} cannot be part of a tuple", print_expr(*e), x.to_string()),
                    x.kind == TypeKind::Struct ? "read one of its fields, e.g. p->pid" : "");
      ok = false;
      continue;
    }
    elements.push_back(std::move(x));
  }
  return ok ? Type::tuple(std::move(elements)) : Type::none();
}

Type TypeChecker::tuple_element(const Type& tuple, int64_t index, SourceRange where) {
  if (index < 0 || static_cast<size_t>(index) >= tuple.elements.size()) {
    diags_->error(where,
                  fmt::format("{} has no element {}: its elements are 0 to {}", tuple.to_string(), index,
                              static_cast<int64_t>(tuple.elements.size()) - 1),
                  "tuple elements are numbered from 0");
    return Type::none();
  }
  return tuple.elements[static_cast<size_t>(index)];
}

// (int)x narrows or widens an integer (or a pointer's address); (T *)x makes
// an address a pointer; (bool)x is x != 0; (uint8[4])x and (uint32)array
// reinterpret the bytes of a value of the same size.
Type TypeChecker::check_cast(const CastExpr& c) {
  Type from = check_expr(*c.operand);
  std::optional<Type> target = resolve_type(c.target);
  if (from.is_none() || !target) return Type::none();
  Type to = *target;
  auto refuse = [&](const std::string& hint) {
    diags_->error(c.loc, fmt::format("cannot cast '{}' of type {} to {}", print_expr(*c.operand), from.to_string(),
                                     to.to_string()),
                  hint);
    return Type::none();
  };
  switch (to.kind) {
    case TypeKind::Int:
      if (integral(from)) return to;
      if (from.is_array() && from.native_size() == to.bits / 8) return to;
      if (from.is_array()) {
        return refuse(fmt::format("an array cast to an integer must have the integer's size: this one has {} bytes",
                                  from.native_size()));
      }
      return refuse("casts to integers take integers, pointers, and arrays of the same size");
    case TypeKind::Pointer:
      if (integral(from)) {
        if (from.is_pointer()) to.user = from.user;
        return to;
      }
      return refuse("a pointer is made from an integer address or another pointer");
    case TypeKind::Array: {
      uint32_t from_bytes = from.is_int() ? from.bits / 8u : from.is_array() ? from.native_size() : 0;
      // A constant takes the array's size when its value fits: (uint8[4])0x0100007f.
      if (auto v = constant_int(*c.operand); v && to.size != 0 && to.native_size() < 8 && *v >= 0 &&
                                             static_cast<uint64_t>(*v) >> (to.native_size() * 8) == 0) {
        from_bytes = to.native_size();
      }
      if (from_bytes == 0) return refuse("arrays are cast from integers and arrays");
      uint32_t element = to.inner().native_size();
      if (to.size == 0) to.size = from_bytes / element;  // (uint8[])x: as many as fit
      if (to.native_size() != from_bytes) {
        return refuse(fmt::format("both sides of an array cast must have the same size: {} has {} bytes, {} has {}",
                                  from.to_string(), from_bytes, to.to_string(), to.native_size()));
      }
      return to;
    }
    case TypeKind::Struct:
      return refuse(fmt::format("a struct is reached through a pointer: write ({} *)", to.name));
    default:
      return refuse("");
  }
}

// a[i] on arrays, p[i] on pointers (*(p + i)), t[N] on tuples (N constant).
Type TypeChecker::check_index(const IndexExpr& x) {
  Type base = check_expr(*x.base);
  Type index = check_expr(*x.index);
  if (base.is_none() || index.is_none()) return Type::none();
  if (base.is_tuple()) {
    auto n = constant_int(*x.index);
    if (!n) {
      diags_->error(x.index->loc, fmt::format("a tuple index must be a constant, but '{}' is not one",
                                              print_expr(*x.index)),
                    "elements of a tuple have different types, so the index is fixed: t[0], t.1");
      return Type::none();
    }
    ConstantValue position;
    position.integer = *n;
    ctx_.result.constants[x.id] = position;
    return tuple_element(base, *n, x.index->loc);
  }
  if (!integral(index) || index.is_pointer()) {
    diags_->error(x.index->loc, fmt::format("an index must be an integer, but '{}' is {}", print_expr(*x.index),
                                            index.to_string()));
    return Type::none();
  }
  if (base.is_array()) {
    if (auto n = constant_int(*x.index); n && (*n < 0 || static_cast<uint64_t>(*n) >= base.size)) {
      diags_->error(x.index->loc,
                    fmt::format("the index {} is out of bounds for {} of {} elements", *n, base.to_string(), base.size),
                    fmt::format("indexes run from 0 to {}", base.size - 1));
      return Type::none();
    }
    return base.inner();
  }
  if (base.is_pointer()) {
    Type element = base.inner();
    if (element.kind == TypeKind::Void) {
      diags_->error(x.loc, fmt::format("cannot index '{}' of type void *", print_expr(*x.base)),
                    "cast it to say what it points to, e.g. ((uint8 *)p)[i]");
      return Type::none();
    }
    if (element.kind == TypeKind::Struct && !complete(element, x.loc)) return Type::none();
    if (element.kind == TypeKind::Struct || element.is_pointer()) element.user = element.user || base.user;
    return element;
  }
  diags_->error(x.base->loc, fmt::format("'{}' of type {} cannot be indexed", print_expr(*x.base), base.to_string()),
                "indexes apply to arrays, pointers and tuples");
  return Type::none();
}

Type TypeChecker::check_sizeof(const SizeofExpr& s) {
  Type t = Type::none();
  if (s.type) {
    auto resolved = resolve_type(*s.type);
    if (!resolved) return Type::none();
    t = *resolved;
  } else {
    t = check_expr(*s.operand);
    if (t.is_none()) return t;
  }
  if (t.kind == TypeKind::Struct && !complete(t, s.loc)) return Type::none();
  uint32_t bytes = t.is_int() || t.is_pointer() || t.is_array() || t.kind == TypeKind::Struct ? t.native_size()
                                                                                              : t.byte_size();
  if (bytes == 0) {
    diags_->error(s.loc, fmt::format("{} has no size", t.to_string()), "sizeof() takes a type or a value");
    return Type::none();
  }
  ConstantValue v;
  v.integer = bytes;
  ctx_.result.constants[s.id] = v;
  return Type::u64();
}

Type TypeChecker::check_offsetof(const OffsetofExpr& o) {
  Type t = Type::none();
  if (o.type) {
    auto resolved = resolve_type(*o.type);
    if (!resolved) return Type::none();
    t = *resolved;
  } else {
    t = check_expr(*o.operand);
    if (t.is_none()) return t;
    if (t.is_pointer()) t = Type(t.inner());
  }
  if (t.kind != TypeKind::Struct) {
    diags_->error(o.type ? o.type->loc : o.operand->loc, fmt::format("offsetof() needs a struct, not {}", t.to_string()),
                  "e.g. offsetof(struct task_struct, pid)");
    return Type::none();
  }
  uint64_t offset = 0;
  for (const std::string& name : o.fields) {
    if (t.kind != TypeKind::Struct) {
      diags_->error(o.fields_loc, fmt::format("'{}' is not a struct, so it has no field '{}'", t.to_string(), name));
      return Type::none();
    }
    const KernelField* member = nullptr;
    Type field = struct_member(t, name, o.fields_loc, &member);
    if (field.is_none()) return field;
    offset += member->offset;
    t = field;
  }
  ConstantValue v;
  v.integer = static_cast<int64_t>(offset);
  ctx_.result.constants[o.id] = v;
  return Type::u64();
}

}  // namespace stratoshark::lang
