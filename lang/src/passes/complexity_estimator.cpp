// estimate_complexity(): a cost model of the code the generator will emit,
// per probe, checked against the kernel's limits before anything is built.
//
// Costs mirror codegen's emission (codegen/src/*_emitter.cpp) construct by
// construct, rounded up: an estimate may exceed the real count, it must not
// fall short of it by more than 10% (tests/lit/limits/soundness.test checks
// this on every program the tests run). Buffer placement uses the same rule
// as codegen (limits::buffer_on_stack).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "stratoshark/lang/limits.h"
#include "stratoshark/lang/passes.h"

namespace stratoshark::lang {

namespace {

// Instruction costs of recurring sequences.
constexpr uint32_t kHelperCall = 4;     // argument set-up and the call
constexpr uint32_t kMapLookup = 9;      // key pointer, map address (2), call, null check; the kernel inlines hash lookups
constexpr uint32_t kMapUpdate = 9;      // key and value pointers, map address, flags, call
constexpr uint32_t kEventReserve = 7;   // map address, size, flags, call, null check
constexpr uint32_t kEventHeader = 4;
constexpr uint32_t kEventSubmit = 4;
constexpr uint32_t kDroppedCount = 19;  // lookup of the drop counter (inlined by the kernel) and the increment
constexpr uint32_t kScratchLookup = 9;

uint32_t words(uint32_t bytes) { return (bytes + 7) / 8; }

class Estimator {
 public:
  Estimator(PassContext& ctx, const Probe& probe) : ctx_(ctx), probe_(probe) {}

  ProbeEstimate run() {
    e_.instructions = 4;  // context save, return value, exit
    for (const auto& [name, type] : ctx_.result.variables.at(probe_.index)) {
      buffer(type.is_string() ? type.size : 8, true);
    }
    if (probe_.predicate != nullptr) {
      expr(*probe_.predicate);
      branch();
    }
    for (const Stmt* s : probe_.body->stmts) top_statement(*s);
    if (e_.scratch_bytes > 0) e_.instructions += kScratchLookup;
    // Paths: the verifier walks both sides of each branch, and state pruning
    // merges them again where the registers agree, as they do after our
    // if/else and ?: (measured: processed stays below the instruction count
    // plus a few per branch). Loops will multiply their bodies here.
    e_.processed = static_cast<uint64_t>(e_.instructions) * 2 + 4ull * e_.branches;
    return e_;
  }

 private:
  const Type& type_of(const Node& n) const { return ctx_.result.types.at(n.id); }

  void buffer(uint32_t bytes, bool zeroed) {
    uint32_t rounded = limits::rounded_buffer(bytes);
    if (limits::buffer_on_stack(rounded, stack_used_)) {
      stack_used_ += rounded;
      e_.stack_bytes += rounded;
    } else {
      e_.scratch_bytes += rounded;
    }
    if (zeroed) e_.instructions += words(bytes) + 1;
  }
  void copy(uint32_t bytes) { e_.instructions += 2 * words(bytes); }
  void branch() {
    e_.branches++;
    e_.instructions += 1;
  }
  void read_kernel(uint32_t bytes) {
    e_.copy_bytes += bytes;
    e_.instructions += kHelperCall;
  }

  void top_statement(const Stmt& s) {
    uint32_t before = e_.instructions;
    stmt(s);
    uint32_t cost = e_.instructions - before;
    if (cost > e_.costliest_instructions) {
      e_.costliest_instructions = cost;
      e_.costliest = s.loc;
    }
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case NodeKind::ExprStmt:
        expr(*cast<ExprStmt>(&s)->expr);
        break;
      case NodeKind::Assign:
        assign(*cast<AssignStmt>(&s));
        break;
      case NodeKind::If: {
        const auto& i = *cast<IfStmt>(&s);
        expr(*i.cond);
        branch();
        for (const Stmt* x : i.then_block->stmts) stmt(*x);
        if (i.else_stmt != nullptr) {
          e_.instructions += 1;  // jump over the else branch
          stmt(*i.else_stmt);
        }
        break;
      }
      case NodeKind::Block:
        for (const Stmt* x : cast<Block>(&s)->stmts) stmt(*x);
        break;
      default:
        break;
    }
  }

  void map_key(const MapRef& m) {
    const MapInfo& info = ctx_.result.maps.at(m.name);
    if (m.keys.empty()) {
      buffer(8, false);
      e_.instructions += 2;
      return;
    }
    for (const Expr* k : m.keys) expr(*k);
    buffer(info.key.byte_size(), true);
    for (const Expr* k : m.keys) {
      const Type& t = type_of(*k);
      if (t.is_string()) copy(t.size);
      else e_.instructions += 1;
    }
  }

  void assign(const AssignStmt& a) {
    if (const auto* v = dyn_cast<Variable>(a.target)) {
      expr(*a.value);
      const Type& t = ctx_.result.variables.at(probe_.index).at(v->name);
      if (t.is_string()) {
        e_.instructions += words(t.size) + 1;
        copy(t.size);
      } else {
        e_.instructions += a.compound ? 6 : 1;
      }
      return;
    }
    const auto& m = *cast<MapRef>(a.target);
    const MapInfo& info = ctx_.result.maps.at(m.name);
    if (const auto* call = dyn_cast<Call>(a.value); call != nullptr && !a.compound && info.value.is_aggregation()) {
      for (const Expr* arg : call->args) expr(*arg);
      map_key(m);
      e_.instructions += kMapLookup;
      branch();
      e_.instructions += info.value.kind == TypeKind::Min || info.value.kind == TypeKind::Max ? 10 : 6;
      buffer(info.value.byte_size(), false);
      e_.instructions += 4 + kMapUpdate;
      return;
    }
    expr(*a.value);
    map_key(m);
    if (a.compound) {
      e_.instructions += kMapLookup;
      branch();
      e_.instructions += 6;
      buffer(8, false);
      e_.instructions += 2 + kMapUpdate;
      return;
    }
    uint32_t value_size = info.value.byte_size();
    buffer(value_size, info.value.is_string());
    if (info.value.is_string()) copy(type_of(*a.value).size);
    else e_.instructions += 1;
    e_.instructions += kMapUpdate;
  }

  void expr(const Expr& x) {
    const Type& t = type_of(x);
    switch (x.kind) {
      case NodeKind::Integer:
        e_.instructions += cast<IntegerLiteral>(&x)->value > 0x7fffffffULL ? 2 : 1;
        break;
      case NodeKind::String:
        buffer(t.size, false);
        e_.instructions += 3 * words(t.size) + 2 * (t.size % 8);
        break;
      case NodeKind::Identifier:
        identifier(*cast<Identifier>(&x));
        break;
      case NodeKind::Variable:
        e_.instructions += 1;
        break;
      case NodeKind::Map: {
        const auto& m = *cast<MapRef>(&x);
        map_key(m);
        e_.instructions += kMapLookup;
        branch();
        if (t.is_string()) {
          buffer(t.size, true);
          copy(t.size);
        } else {
          buffer(8, false);
          e_.instructions += 4;
        }
        break;
      }
      case NodeKind::Call:
        call(*cast<Call>(&x));
        break;
      case NodeKind::Binary:
        binary(*cast<Binary>(&x));
        break;
      case NodeKind::Unary:
        expr(*cast<Unary>(&x)->operand);
        e_.instructions += 2;
        break;
      case NodeKind::Ternary: {
        const auto& tr = *cast<Ternary>(&x);
        expr(*tr.cond);
        branch();
        buffer(t.is_string() ? t.size : 8, t.is_string());
        expr(*tr.then_expr);
        expr(*tr.else_expr);
        if (t.is_string()) copy(2 * t.size);
        e_.instructions += 4;
        break;
      }
      case NodeKind::FieldAccess:
        field(*cast<FieldAccess>(&x));
        break;
      default:
        break;
    }
  }

  void identifier(const Identifier& id) {
    switch (ctx_.result.builtins.at(id.id)) {
      case BuiltinId::Comm:
        buffer(16, false);
        e_.instructions += kHelperCall;
        break;
      case BuiltinId::Probe:
        e_.instructions += kHelperCall;
        break;
      case BuiltinId::Args:
        break;
      default:
        e_.instructions += kHelperCall - 1;
        break;
    }
  }

  void field(const FieldAccess& f) {
    const Type& t = type_of(f);
    // The field's layout may differ per planned program; take the costliest.
    bool data_loc = false;
    for (const ProgramPlan& plan : ctx_.result.programs) {
      if (plan.probe != probe_.index) continue;
      if (auto it = plan.args.find(f.field); it != plan.args.end() && it->second.data_loc) data_loc = true;
    }
    if (t.is_string()) {
      buffer(t.size, true);
      read_kernel(t.size);
      e_.instructions += data_loc ? 5 : 1;
    } else {
      e_.instructions += 2;
    }
  }

  void binary(const Binary& b) {
    expr(*b.lhs);
    expr(*b.rhs);
    const Type& l = type_of(*b.lhs);
    const Type& r = type_of(*b.rhs);
    if (l.is_string() && r.is_string()) {
      // Byte by byte up to the shorter buffer (a literal bounds it): a load
      // and a compare per byte against a literal; two loads, a compare and a
      // NUL test per byte between run-time strings.
      uint32_t n = std::min(l.size, r.size);
      bool literal = isa<StringLiteral>(b.lhs) || isa<StringLiteral>(b.rhs);
      buffer(8, false);
      e_.instructions += (literal ? 3 : 5) * n + 4;
      e_.branches += (literal ? 1 : 2) * n;
      return;
    }
    switch (b.op) {
      case BinaryOp::Div:
      case BinaryOp::Mod:
        buffer(8, false);
        e_.instructions += (l.is_signed || r.is_signed) ? 18 : 6;
        e_.branches += 1;
        break;
      case BinaryOp::LogAnd:
      case BinaryOp::LogOr:
        buffer(8, false);
        e_.instructions += 6;
        e_.branches += 1;
        break;
      default:
        e_.instructions += is_comparison(b.op) ? 4 : 2;
        if (is_comparison(b.op)) e_.branches += 1;
        break;
    }
  }

  void call(const Call& c) {
    FunctionId id = ctx_.result.functions.at(c.id);
    for (const Expr* arg : c.args) {
      if (id == FunctionId::Printf && arg == c.args.front()) continue;  // the format stays in user space
      expr(*arg);
    }
    switch (id) {
      case FunctionId::Printf: {
        e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
        for (size_t i = 1; i < c.args.size(); ++i) {
          const Type& t = type_of(*c.args[i]);
          if (t.is_string()) copy(t.size);
          else e_.instructions += 2;
        }
        event_drop_path();
        break;
      }
      case FunctionId::Exit:
        e_.instructions += kEventReserve + kEventHeader + kEventSubmit + 2;
        event_drop_path();
        break;
      default:
        break;  // aggregations are costed with their assignment
    }
  }

  void event_drop_path() {
    buffer(4, false);
    e_.instructions += kDroppedCount;
    e_.branches += 2;
  }

  PassContext& ctx_;
  const Probe& probe_;
  ProbeEstimate e_;
  uint32_t stack_used_ = 0;
};

std::string probe_name(const Probe& p) {
  std::string names;
  for (const AttachPoint* ap : p.attach_points) names += (names.empty() ? "" : ", ") + ap->text;
  return names;
}

const MapRef* first_keyed_use(const Stmt& s, const std::string& name);

const MapRef* first_keyed_use(const Expr& e, const std::string& name) {
  switch (e.kind) {
    case NodeKind::Map: {
      const auto& m = *cast<MapRef>(&e);
      if (m.name == name && !m.keys.empty()) return &m;
      for (const Expr* k : m.keys) {
        if (auto* r = first_keyed_use(*k, name)) return r;
      }
      return nullptr;
    }
    case NodeKind::Call:
      for (const Expr* a : cast<Call>(&e)->args) {
        if (auto* r = first_keyed_use(*a, name)) return r;
      }
      return nullptr;
    case NodeKind::Binary: {
      const auto& b = *cast<Binary>(&e);
      if (auto* r = first_keyed_use(*b.lhs, name)) return r;
      return first_keyed_use(*b.rhs, name);
    }
    case NodeKind::Unary:
      return first_keyed_use(*cast<Unary>(&e)->operand, name);
    case NodeKind::Ternary: {
      const auto& t = *cast<Ternary>(&e);
      for (const Expr* x : {t.cond, t.then_expr, t.else_expr}) {
        if (auto* r = first_keyed_use(*x, name)) return r;
      }
      return nullptr;
    }
    default:
      return nullptr;
  }
}

const MapRef* first_keyed_use(const Stmt& s, const std::string& name) {
  switch (s.kind) {
    case NodeKind::ExprStmt:
      return first_keyed_use(*cast<ExprStmt>(&s)->expr, name);
    case NodeKind::Assign: {
      const auto& a = *cast<AssignStmt>(&s);
      if (auto* r = first_keyed_use(*a.target, name)) return r;
      return first_keyed_use(*a.value, name);
    }
    case NodeKind::If: {
      const auto& i = *cast<IfStmt>(&s);
      if (auto* r = first_keyed_use(*i.cond, name)) return r;
      if (auto* r = first_keyed_use(*i.then_block, name)) return r;
      return i.else_stmt != nullptr ? first_keyed_use(*i.else_stmt, name) : nullptr;
    }
    case NodeKind::Block:
      for (const Stmt* x : cast<Block>(&s)->stmts) {
        if (auto* r = first_keyed_use(*x, name)) return r;
      }
      return nullptr;
    default:
      return nullptr;
  }
}

void check_map_keys(PassContext& ctx) {
  for (const auto& [name, info] : ctx.result.maps) {
    if (info.key.is_none() || info.key.byte_size() <= limits::kHashKeyBytes) continue;
    std::optional<SourceRange> where;
    for (const Probe* p : ctx.program.probes) {
      if (const MapRef* m = first_keyed_use(*p->body, name)) {
        where = m->loc;
        break;
      }
    }
    ctx.diags.error(where.value_or(info.defined_at),
                    fmt::format("keys of map @{} take {} bytes ({}); the kernel's hash maps allow at most {}", name,
                                info.key.byte_size(), info.key.to_string(), limits::kHashKeyBytes),
                    "use fewer or shorter values in the key: every string read at run time takes 64 bytes");
  }
}

}  // namespace

void estimate_complexity(PassContext& ctx) {
  check_map_keys(ctx);
  ctx.result.estimates.assign(ctx.program.probes.size(), {});
  for (const Probe* probe : ctx.program.probes) {
    ProbeEstimate e = Estimator(ctx, *probe).run();
    ctx.result.estimates[probe->index] = e;
    SourceRange where = e.costliest.value_or(probe->loc);
    std::string name = probe_name(*probe);
    if (e.instructions > limits::kInstructions) {
      ctx.diags.error(where,
                      fmt::format("the program of '{}' would have about {} instructions; the kernel allows {}", name,
                                  e.instructions, limits::kInstructions),
                      "split the work across several probes; this statement is the largest part");
    } else if (e.processed > limits::kProcessedInstructions) {
      ctx.diags.error(where,
                      fmt::format("the verifier would have to walk about {} instructions through the branches of '{}'; "
                                  "it gives up after {}",
                                  e.processed, name, limits::kProcessedInstructions),
                      "reduce the branching (if/else, ?:, string comparisons) or split the probe");
    }
    if (e.scratch_bytes > limits::kScratchBytes) {
      ctx.diags.error(where,
                      fmt::format("'{}' needs {} bytes of scratch space for its strings and keys; a per-CPU area "
                                  "holds at most {}",
                                  name, e.scratch_bytes, limits::kScratchBytes),
                      "use fewer large strings in one probe, or split it; this statement needs the most");
    }
  }
}

}  // namespace stratoshark::lang
