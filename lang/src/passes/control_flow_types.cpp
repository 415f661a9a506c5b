// check_types(): loops, unroll, jumps and positional parameters.
//
// The verifier accepts a loop only when it can follow every iteration, so the
// number of iterations must be known here: for-range bounds and unroll counts
// are constants, and a while loop carries a hidden iteration limit
// (LanguageOptions::max_loop_iterations). The complexity estimator multiplies
// the loop bodies out from these numbers.
#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

#include "stratoshark/lang/ast_printer.h"
#include "type_checker.h"

namespace stratoshark::lang {

namespace {

constexpr int64_t kMaxUnroll = 100;

// "123", "-5", "0x1f": the integer, or nullopt for anything else.
std::optional<int64_t> parse_integer_word(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(begin, &end, 0);
  if (errno != 0 || end == begin || *end != '\0') return std::nullopt;
  // strtoll accepts leading blanks and a '+'; bpftrace-style words do not need them.
  if (text[0] == ' ' || text[0] == '\t') return std::nullopt;
  return static_cast<int64_t>(v);
}

}  // namespace

std::optional<int64_t> TypeChecker::constant_int(const Expr& e) const {
  ConstantFold f = fold_constant(e);
  return f.ok ? std::optional<int64_t>(f.value) : std::nullopt;
}

// Folds literals, positional parameters and the operators over them in
// 64-bit signed arithmetic. `problem` is set (and ok false) when the
// expression is constant but has no value: overflow, division by zero, a
// shift out of range.
TypeChecker::ConstantFold TypeChecker::fold_constant(const Expr& e) const {
  switch (e.kind) {
    case NodeKind::Integer: {
      uint64_t v = cast<IntegerLiteral>(&e)->value;
      if (v > static_cast<uint64_t>(INT64_MAX)) return {};
      return {true, static_cast<int64_t>(v), {}};
    }
    case NodeKind::Sizeof:
    case NodeKind::Offsetof:
    case NodeKind::Positional: {
      auto it = ctx_.result.constants.find(e.id);
      if (it == ctx_.result.constants.end() || it->second.is_string) return {};
      return {true, it->second.integer, {}};
    }
    case NodeKind::Unary: {
      const auto& u = *cast<Unary>(&e);
      ConstantFold v = fold_constant(*u.operand);
      if (!v.ok) return {};
      switch (u.op) {
        case UnaryOp::Neg:
          if (v.value == INT64_MIN) return {false, 0, "negating it overflows 64 bits"};
          return {true, -v.value, {}};
        case UnaryOp::BitNot: return {true, ~v.value, {}};
        case UnaryOp::Not: return {true, v.value == 0 ? 1 : 0, {}};
        case UnaryOp::Deref:
        case UnaryOp::AddressOf: return {};
      }
      return {};
    }
    case NodeKind::Binary: {
      const auto& b = *cast<Binary>(&e);
      ConstantFold l = fold_constant(*b.lhs);
      ConstantFold r = fold_constant(*b.rhs);
      if (!l.ok || !r.ok) return {};
      int64_t out = 0;
      switch (b.op) {
        case BinaryOp::Add:
          if (__builtin_add_overflow(l.value, r.value, &out)) return {false, 0, "the sum overflows 64 bits"};
          return {true, out, {}};
        case BinaryOp::Sub:
          if (__builtin_sub_overflow(l.value, r.value, &out)) return {false, 0, "the difference overflows 64 bits"};
          return {true, out, {}};
        case BinaryOp::Mul:
          if (__builtin_mul_overflow(l.value, r.value, &out)) return {false, 0, "the product overflows 64 bits"};
          return {true, out, {}};
        case BinaryOp::Div:
        case BinaryOp::Mod:
          if (r.value == 0) return {false, 0, "it divides by zero"};
          if (l.value == INT64_MIN && r.value == -1) return {false, 0, "the quotient overflows 64 bits"};
          return {true, b.op == BinaryOp::Div ? l.value / r.value : l.value % r.value, {}};
        case BinaryOp::Shl:
        case BinaryOp::Shr:
          if (r.value < 0 || r.value > 63) {
            return {false, 0, fmt::format("a shift by {} is outside 0 to 63", r.value)};
          }
          if (b.op == BinaryOp::Shr) return {true, l.value >> r.value, {}};
          if (l.value < 0 || (r.value > 0 && (static_cast<uint64_t>(l.value) >> (63 - r.value)) != 0)) {
            return {false, 0, "the shifted value overflows 64 bits"};
          }
          return {true, l.value << r.value, {}};
        case BinaryOp::BitAnd: return {true, l.value & r.value, {}};
        case BinaryOp::BitOr: return {true, l.value | r.value, {}};
        case BinaryOp::BitXor: return {true, l.value ^ r.value, {}};
        default:
          return {};  // comparisons and logic: not needed as constants
      }
    }
    default:
      return {};
  }
}

Type TypeChecker::check_positional(const Positional& p) {
  const auto& words = ctx_.options.positional;
  ConstantValue value;
  if (p.index == 0) {
    value.integer = static_cast<int64_t>(words.size());
  } else if (p.index <= words.size()) {
    const std::string& word = words[p.index - 1];
    if (auto n = parse_integer_word(word)) {
      value.integer = *n;
    } else {
      value.is_string = true;
      value.text = word;
    }
  }
  // A parameter not given is 0 (and "" in str($N)).
  ctx_.result.constants[p.id] = value;
  if (value.is_string) return Type::string(static_cast<uint32_t>(value.text.size() + 1));
  return Type::i64();
}

bool TypeChecker::bind_variable(const Expr& v, const Type& t) {
  const auto& var = *cast<Variable>(&v);
  auto it = variables_->find(var.name);
  if (it == variables_->end()) {
    variables_->emplace(var.name, t);
    set(var, t);
    return true;
  }
  Type merged = unify(it->second, t);
  if (merged.is_none()) {
    diags_->error(var.loc,
                  fmt::format("loop variable ${} holds {} elsewhere in this probe, but the loop gives it {}", var.name,
                              it->second.to_string(), t.to_string()),
                  "a variable keeps one type; name the loop variable differently");
    return false;
  }
  it->second = merged;
  set(var, merged);
  return true;
}

void TypeChecker::check_while(const WhileStmt& s) {
  Type t = check_expr(*s.cond);
  require_int(*s.cond, t, "a while condition");
  ++loop_depth_;
  check_block(*s.body);
  --loop_depth_;
}

void TypeChecker::check_for_range(const ForRangeStmt& s) {
  Type b = check_expr(*s.begin);
  Type e = check_expr(*s.end);
  auto begin = constant_int(*s.begin);
  auto end = constant_int(*s.end);
  bool ok = true;
  for (auto [bound, expr, type] : {std::tuple{begin, s.begin, &b}, std::tuple{end, s.end, &e}}) {
    if (type->is_none() || bound) continue;
    diags_->error(expr->loc,
                  fmt::format("the bounds of a for loop must be constant integers, but '{}' is not", print_expr(*expr)),
                  "the verifier must know how many times the loop runs: use literals or positional parameters "
                  "($1), or a while loop with a condition");
    ok = false;
  }
  if (!b.is_none() && !e.is_none() && ok) ctx_.result.loops[s.id] = LoopBounds{*begin, *end};
  bind_variable(*s.var, Type::i64());
  ++loop_depth_;
  check_block(*s.body);
  --loop_depth_;
}

// for ($kv : @map): $kv is (key, value), ((k1, k2, ...), value) for a map
// with several keys. The body runs in a callback of bpf_for_each_map_elem;
// per-CPU aggregations (count(), ...) and histograms hold one value per CPU
// (or per bucket), so they are refused.
void TypeChecker::check_for_map(const ForMapStmt& s) {
  const auto& ref = *cast<MapRef>(s.map);
  const MapInfo* info = whole_map(ref);
  bool ok = info != nullptr;
  if (info != nullptr && info->key.is_none()) {
    diags_->error(ref.loc, fmt::format("@{} has no key, so there is nothing to iterate over", ref.name),
                  fmt::format("a map without keys holds one value: read it as @{}", ref.name));
    ok = false;
  } else if (info != nullptr && info->value.is_aggregation()) {
    diags_->error(ref.loc,
                  fmt::format("@{} holds {} values, kept per CPU, which a loop cannot read", ref.name,
                              info->value.kind == TypeKind::Lhist ? "lhist" : info->value.to_string()),
                  "keep a plain map for the loop (@m[k] = @m[k] + 1, or @m[k]++), or print the map");
    ok = false;
  }
  if (ok) {
    bind_variable(*s.var, Type::tuple({info->key, info->value}));
  } else {
    variables_->emplace(cast<Variable>(s.var)->name, Type::none());  // reported: its uses stay quiet
  }
  ++loop_depth_;
  check_block(*s.body);
  --loop_depth_;
}

void TypeChecker::check_unroll(const UnrollStmt& s) {
  Type t = check_expr(*s.count);
  if (t.is_none()) return;
  auto n = constant_int(*s.count);
  if (!n || *n < 1 || *n > kMaxUnroll) {
    diags_->error(s.count->loc,
                  n ? fmt::format("unroll() repeats its block 1 to {} times, not {}", kMaxUnroll, *n)
                    : fmt::format("unroll() needs a constant count, but '{}' is not one", print_expr(*s.count)),
                  "use a literal such as unroll(4), or a for ($i : 0..N) loop for more iterations");
    return;
  }
  ctx_.result.loops[s.id] = LoopBounds{0, *n};
  ++unroll_depth_;
  check_block(*s.body);
  --unroll_depth_;
}

void TypeChecker::check_jump(const JumpStmt& s) {
  if (s.jump == JumpKind::Return) {
    check_return(s);
    return;
  }
  if (loop_depth_ > 0) return;
  const char* word = s.jump == JumpKind::Break ? "break" : "continue";
  diags_->error(s.loc, fmt::format("'{}' outside a loop", word),
                unroll_depth_ > 0       ? "unroll() copies its block; it is not a loop that can be left early"
                : !functions_.empty() ? "a function's body cannot leave the caller's loop; return a value and test it"
                                      : "use it inside while or for; 'return' ends the probe");
}

}  // namespace stratoshark::lang
