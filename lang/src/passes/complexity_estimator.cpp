// estimate_complexity(): a cost model of the code the generator will emit,
// per probe, checked against the kernel's limits before anything is built.
//
// Costs mirror codegen's emission (codegen/src/*_emitter.cpp) construct by
// construct, rounded up: an estimate may exceed the real count, it must not
// fall short of it by more than 10% (tests/lit/limits/soundness.test checks
// this on every program the tests run). Buffer placement uses the same rule
// as codegen (limits::buffer_on_stack).
#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "stratoshark/lang/limits.h"
#include "stratoshark/lang/passes.h"
#include "estimator.h"

namespace stratoshark::lang {
namespace {

using cost::Estimator;

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
    case NodeKind::While: {
      const auto& w = *cast<WhileStmt>(&s);
      if (auto* r = first_keyed_use(*w.cond, name)) return r;
      return first_keyed_use(*w.body, name);
    }
    case NodeKind::ForRange:
      return first_keyed_use(*cast<ForRangeStmt>(&s)->body, name);
    case NodeKind::Unroll:
      return first_keyed_use(*cast<UnrollStmt>(&s)->body, name);
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
    if (e.unsettled_map_loop) {
      ctx.diags.error(*e.unsettled_map_loop,
                      fmt::format("the verifier cannot finish checking this loop over a map: its body updates ${} "
                                  "and branches on it, so the states it leaves behind never repeat",
                                  e.unsettled_variable),
                      fmt::format("keep the count in a map instead (@n = @n + 1), or branch on the element ($kv.0, "
                                  "$kv.1) rather than on ${}",
                                  e.unsettled_variable));
    } else if (e.instructions > limits::kInstructions) {
      ctx.diags.error(where,
                      fmt::format("the program of '{}' would have about {} instructions; the kernel allows {}", name,
                                  e.instructions, limits::kInstructions),
                      "split the work across several probes; this statement is the largest part");
    } else if (e.processed > limits::kProcessedInstructions && e.heaviest_loop &&
               e.heaviest_loop_processed * 2 > e.processed) {
      uint64_t per_iteration = e.heaviest_loop_processed / std::max<uint64_t>(1, e.heaviest_loop_iterations);
      uint64_t fits = per_iteration == 0 ? 0 : limits::kProcessedInstructions / 2 / per_iteration;
      ctx.diags.error(*e.heaviest_loop,
                      fmt::format("the verifier would have to walk about {} instructions through '{}': this loop "
                                  "runs up to {} times at about {} each; it gives up after {}",
                                  e.processed, name, e.heaviest_loop_iterations, per_iteration,
                                  limits::kProcessedInstructions),
                      e.heaviest_loop_is_while
                          ? fmt::format("lower the iteration limit of while loops, e.g. config = {{ max_loop_iterations "
                                        "= {} }}, or do less in the loop body",
                                        std::max<uint64_t>(1, fits))
                          : fmt::format("lower the loop's bound (about {} iterations fit), or do less in its body",
                                        std::max<uint64_t>(1, fits)));
    } else if (e.pending_branches > limits::kPendingBranches && e.pending_loop) {
      ctx.diags.error(*e.pending_loop,
                      fmt::format("the verifier would have about {} branches of '{}' waiting to be explored when this "
                                  "loop ends (one per undecidable branch of each iteration); it gives up after {}",
                                  e.pending_branches, name, limits::kPendingBranches),
                      "lower the loop's bound, or take branches (if, ?:, string comparisons, -k checks) out of its body");
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
