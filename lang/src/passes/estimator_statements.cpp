// Estimator: statements, loops, map keys and assignments, expressions.
#include <algorithm>

#include "loop_divergence.h"
#include "estimator.h"

namespace stratoshark::lang::cost {

ProbeEstimate Estimator::run() {
  e_.instructions = 4;  // context save, return value, exit
  for (const auto& [name, type] : ctx_.result.variables.at(probe_.index)) {
    if (!type.by_reference() && Variable::renamed(name)) {
      e_.instructions += 1;  // a function's or macro's integer: a register, set to 0 (codegen's temporary())
      continue;
    }
    buffer(type.is_string() ? type.size : 8, true);
  }
  if (probe_.predicate != nullptr) {
    expr(*probe_.predicate);
    branch();
  }
  for (const Stmt* s : probe_.body->stmts) top_statement(*s);
  if (e_.scratch_bytes > 0) e_.instructions += kScratchLookup;
  if (packet_used_) buffer(8, false);  // the packet emitter's load buffer
  if (is_tc_probe()) {
    // A live tc probe is emitted twice: reading the packet directly, and
    // a twin subprogram that reads packets partly in pages through
    // helpers (codegen/src/packet_access.h); the verifier walks both.
    e_.instructions *= 2;
    e_.branches *= 2;
    loop_processed_ *= 2;
  }
  // Paths: the verifier walks both sides of each branch, and state pruning
  // merges them again where the registers agree, as they do after our
  // if/else and ?: (measured: processed stays below the instruction count
  // plus a few per branch). Loops add their later iterations (loop()).
  e_.processed = static_cast<uint64_t>(e_.instructions) * 2 + 4ull * e_.branches + loop_processed_;
  return e_;
}

void Estimator::top_statement(const Stmt& s) {
  uint32_t before = e_.instructions;
  stmt(s);
  uint32_t cost = e_.instructions - before;
  if (cost > e_.costliest_instructions) {
    e_.costliest_instructions = cost;
    e_.costliest = s.loc;
  }
}

void Estimator::stmt(const Stmt& s) {
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
      pending_ += 1;
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
    case NodeKind::While: {
      // The hidden counter, its test, the condition, the step, the back edge.
      const auto& w = *cast<WhileStmt>(&s);
      buffer(8, false);
      e_.instructions += 2;
      loop(s, *w.body, ctx_.result.max_loop_iterations, true, [&] {
        e_.instructions += 3;
        branch();
        expr(*w.cond);
        branch();
        pending_ += 1;
        for (const Stmt* x : w.body->stmts) stmt(*x);
        e_.instructions += 4;
      });
      break;
    }
    case NodeKind::ForRange: {
      const auto& f = *cast<ForRangeStmt>(&s);
      buffer(8, false);
      e_.instructions += 2;
      uint64_t n = 0;
      if (auto it = ctx_.result.loops.find(f.id); it != ctx_.result.loops.end()) n = it->second.count();
      loop(s, *f.body, n, false, [&] {
        e_.instructions += 2;
        branch();  // the counter is known: the verifier decides the test
        e_.instructions += 2;  // the variable's copy
        for (const Stmt* x : f.body->stmts) stmt(*x);
        e_.instructions += 4;
      });
      break;
    }
    case NodeKind::ForMap: {
      // The frame of pointers (one per variable, the context, the flag) on
      // the stack, the helper call, the flag test; in the callback, the
      // pointers loaded, key and value copied into $kv, the body, the
      // returns. The verifier checks the callback again until the states
      // it leaves behind repeat (about three walks for a settling body).
      const auto& f = *cast<ForMapStmt>(&s);
      uint32_t pointers = static_cast<uint32_t>(ctx_.result.variables.at(probe_.index).size()) + 2;
      e_.stack_bytes += 8 * pointers;
      stack_used_ += 8 * pointers;
      buffer(8, false);
      e_.instructions += 2 * pointers + 2 + kHelperCall + 3;
      branch();
      const MapInfo& info = ctx_.result.maps.at(cast<MapRef>(f.map)->name);
      loop(s, *f.body, 3, false, [&] {
        e_.instructions += pointers + 6;
        copy(info.key.byte_size());
        copy(info.value.byte_size());
        for (const Stmt* x : f.body->stmts) stmt(*x);
      });
      if (auto v = map_loop_never_settles(*f.body); v && !e_.unsettled_map_loop) {
        e_.unsettled_map_loop = s.loc;
        e_.unsettled_variable = *v;
      }
      break;
    }
    case NodeKind::Unroll: {
      // The block, emitted N times: every copy costs what the first does.
      const auto& u = *cast<UnrollStmt>(&s);
      uint64_t n = 0;
      if (auto it = ctx_.result.loops.find(u.id); it != ctx_.result.loops.end()) n = it->second.count();
      uint64_t processed_before = loop_processed_;
      uint32_t instructions_before = e_.instructions;
      uint32_t branches_before = e_.branches;
      for (uint64_t i = 0; i < n; ++i) {
        for (const Stmt* x : u.body->stmts) stmt(*x);
      }
      if (n > 1 && loop_state_diverges(*u.body)) {
        // Each copy may see twice the states of the one before (loop_divergence.h).
        uint64_t once = (2ull * (e_.instructions - instructions_before) + 4ull * (e_.branches - branches_before) +
                         (loop_processed_ - processed_before)) / n;
        loop_processed_ = std::min<uint64_t>(UINT64_MAX / 4, loop_processed_ + once * (doubling(n) - n));
      }
      break;
    }
    case NodeKind::Jump: {
      const auto& j = *cast<JumpStmt>(&s);
      if (j.value != nullptr && j.function != nullptr && j.function->result != nullptr) {
        expr(*j.value);
        store_variable(cast<Variable>(j.function->result)->name, type_of(*j.value));
      }
      e_.instructions += 1;
      break;
    }
    case NodeKind::Let: {
      const auto& l = *cast<LetStmt>(&s);
      const auto& vars = ctx_.result.variables.at(probe_.index);
      auto it = vars.find(cast<Variable>(l.var)->name);
      if (it == vars.end()) break;  // never given a type, so never emitted
      if (l.value != nullptr) {
        expr(*l.value);
        store_variable(it->first, type_of(*l.value));
      } else {
        e_.instructions += words(std::max<uint32_t>(8, it->second.byte_size())) + 1;  // zeroed
      }
      break;
    }
    default:
      break;
  }
}

void Estimator::store_variable(const std::string& name, const Type& value) {
  const Type& t = ctx_.result.variables.at(probe_.index).at(name);
  if (t.by_reference()) {
    e_.instructions += words(t.byte_size()) + 1;
    store(value);
  } else {
    e_.instructions += 3;  // converted to the variable's width: shifts, or the bool test
  }
}

void Estimator::expansion(const BlockExpr& x) {
  for (size_t i = 0; i < x.args.size() && i < x.params.size(); ++i) {
    expr(*x.args[i]);
    store_variable(cast<Variable>(x.params[i])->name, type_of(*x.args[i]));
  }
  for (const Stmt* st : x.block->stmts) stmt(*st);
  if (x.function != nullptr) e_.instructions += 1;  // the join after the returns
  if (x.value != nullptr) expr(*x.value);
}

void Estimator::loop(const Stmt& s, const Block& block, uint64_t iterations, bool is_while,
                     const std::function<void()>& body) {
  uint32_t instructions = e_.instructions;
  uint32_t branches = e_.branches;
  uint64_t pending = pending_;
  uint64_t nested = loop_processed_;
  body();
  uint64_t once = 2ull * (e_.instructions - instructions) + 4ull * (e_.branches - branches) + (loop_processed_ - nested);
  // Iterations after the first; with diverging states, 2^n - 1 walks in all.
  uint64_t more = iterations > 1 ? iterations - 1 : 0;
  if (more > 0 && loop_state_diverges(block)) more = doubling(iterations) - 1;
  uint64_t extra = more > UINT64_MAX / (once + 1) ? UINT64_MAX / 2 : more * once;
  loop_processed_ = std::min<uint64_t>(UINT64_MAX / 2, loop_processed_ + extra);
  // Every undecidable branch of every iteration leaves a state for later;
  // the verifier gives up when too many are waiting.
  uint64_t waiting = iterations * (pending_ - pending);
  if (waiting > e_.pending_branches) {
    e_.pending_branches = waiting;
    e_.pending_loop = s.loc;
  }
  uint64_t total = extra + once;
  if (total > e_.heaviest_loop_processed) {
    e_.heaviest_loop = s.loc;
    e_.heaviest_loop_processed = total;
    e_.heaviest_loop_iterations = iterations;
    e_.heaviest_loop_is_while = is_while;
  }
}

void Estimator::map_key(const MapRef& m) {
  const MapInfo& info = ctx_.result.maps.at(m.name);
  if (m.keys.empty()) {
    buffer(8, false);
    e_.instructions += 2;
    return;
  }
  for (const Expr* k : m.keys) expr(*k);
  // Histograms: the bucket index follows the key proper.
  buffer(info.value.is_histogram() ? (info.key.byte_size() + 7) / 8 * 8 + 8 : info.key.byte_size(), true);
  for (const Expr* k : m.keys) store(type_of(*k));
}

void Estimator::assign(const AssignStmt& a) {
  if (const auto* v = dyn_cast<Variable>(a.target)) {
    expr(*a.value);
    const Type& t = ctx_.result.variables.at(probe_.index).at(v->name);
    if (t.by_reference()) {
      e_.instructions += words(t.byte_size()) + 1;
      store(type_of(*a.value));
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
    pending_ += 1;
    e_.instructions += info.value.kind == TypeKind::Min || info.value.kind == TypeKind::Max ? 10 : 6;
    if (info.value.kind == TypeKind::Hist) {  // six halving steps, zero and sign tests, the bucket store
      e_.instructions += 46;
      e_.branches += 8;
    } else if (info.value.kind == TypeKind::Lhist) {
      e_.instructions += 16;
      e_.branches += 2;
    }
    buffer(info.value.byte_size(), false);
    e_.instructions += 4 + kMapUpdate;
    helper_warning(2);
    return;
  }
  expr(*a.value);
  map_key(m);
  if (a.compound) {
    e_.instructions += kMapLookup;
    branch();
    pending_ += 1;
    e_.instructions += 6;
    buffer(8, false);
    e_.instructions += 2 + kMapUpdate;
    helper_warning(2);
    return;
  }
  uint32_t value_size = info.value.byte_size();
  buffer(value_size, info.value.by_reference());
  store(type_of(*a.value));
  e_.instructions += kMapUpdate;
  helper_warning(2);
}

void Estimator::expr(const Expr& x) {
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
      if (const PacketRef* ref = packet_ref(x)) {
        packet_field(*ref);
      } else {
        identifier(*cast<Identifier>(&x));
      }
      break;
    case NodeKind::PacketLayer:
      if (const PacketRef* ref = packet_ref(x)) packet_field(*ref);
      break;
    case NodeKind::PacketLoad: {
      const auto& l = *cast<PacketLoad>(&x);
      expr(*l.offset);
      if (l.layer != "link" && l.layer != "ip" && l.layer != "ip6" && l.layer != "arp" && l.layer != "rarp" &&
          l.layer != "icmp6") {
        packet_load();  // the IPv4 header length
        e_.instructions += 4;
      }
      e_.instructions += 3;
      e_.branches += 1;
      packet_load();
      break;
    }
    case NodeKind::AddressMatch: {
      const auto& m = *cast<AddressMatch>(&x);
      const PacketRef* ref = packet_ref(*m.field);
      if (ref != nullptr && ref->protocol != nullptr) start(*ref->protocol, ref->encap);
      buffer(8, false);
      e_.instructions += 6;
      for (unsigned word = 0; word < 4 && word * 32 < m.prefix; ++word) {
        packet_load();
        e_.instructions += 4;
        e_.branches += 1;
      }
      break;
    }
    case NodeKind::ProtoChain: {
      const auto& c = *cast<ProtoChain>(&x);
      for (int i = 0; i < 4; ++i) buffer(8, false);
      packet_load();
      if (!c.ipv6) packet_load();
      e_.instructions += 12;
      // The loop body: three exits, the extension-header tests, two steps
      // of two loads each. The verifier walks it once per header.
      uint32_t before = e_.instructions;
      uint32_t branches_before = e_.branches;
      e_.instructions += 30;
      e_.branches += 8;
      for (int i = 0; i < 4; ++i) packet_load();
      uint64_t body = 2ull * (e_.instructions - before) + 4ull * (e_.branches - branches_before);
      loop_processed_ += body * kChainHeaders;
      break;
    }
    case NodeKind::Variable:
      e_.instructions += 1;
      break;
    case NodeKind::BlockExpr:
      expansion(*cast<BlockExpr>(&x));
      break;
    case NodeKind::Positional:
      if (t.is_string()) {
        buffer(t.size, false);
        e_.instructions += 3 * words(t.size) + 2 * (t.size % 8);
      } else {
        e_.instructions += 2;
      }
      break;
    case NodeKind::Map: {
      const auto& m = *cast<MapRef>(&x);
      map_key(m);
      e_.instructions += kMapLookup;
      branch();
      pending_ += 1;
      if (t.by_reference()) {
        buffer(t.byte_size(), true);
        copy(t.byte_size());
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
      if (cast<Unary>(&x)->op == UnaryOp::Deref) memory_read(t);
      else e_.instructions += 2;
      break;
    case NodeKind::Bool:
      e_.instructions += 1;
      break;
    case NodeKind::Tuple:
      tuple(*cast<TupleExpr>(&x));
      break;
    case NodeKind::Cast:
      cast_value(*cast<CastExpr>(&x));
      break;
    case NodeKind::Index:
      index(*cast<IndexExpr>(&x));
      break;
    case NodeKind::Sizeof:
    case NodeKind::Offsetof:
      e_.instructions += 2;  // a constant; the operand is not evaluated
      break;
    case NodeKind::Ternary: {
      const auto& tr = *cast<Ternary>(&x);
      expr(*tr.cond);
      branch();
      pending_ += 1;
      buffer(t.by_reference() ? t.byte_size() : 8, t.by_reference());
      expr(*tr.then_expr);
      expr(*tr.else_expr);
      if (t.by_reference()) {
        store(type_of(*tr.then_expr));
        store(type_of(*tr.else_expr));
      }
      e_.instructions += 4;
      break;
    }
    case NodeKind::FieldAccess:
      if (const PacketRef* ref = packet_ref(x)) {
        packet_field(*ref);
      } else if (ctx_.result.members.count(x.id)) {
        struct_member(*cast<FieldAccess>(&x));
      } else if (type_of(*cast<FieldAccess>(&x)->base).is_tuple()) {
        expr(*cast<FieldAccess>(&x)->base);
        e_.instructions += 1;
      } else {
        field(*cast<FieldAccess>(&x));
      }
      break;
    default:
      break;
  }
}

void Estimator::field(const FieldAccess& f) {
  const Type& t = type_of(f);
  // The field's layout may differ per planned program; take the costliest.
  bool data_loc = false;
  for (const ProgramPlan& plan : ctx_.result.programs) {
    if (plan.probe != probe_.index) continue;
    if (auto it = plan.args.find(f.field); it != plan.args.end() && it->second.data_loc) data_loc = true;
  }
  if (t.is_string() || t.is_array()) {
    buffer(t.is_string() ? t.size : t.native_size(), true);
    read_kernel(t.is_string() ? t.size : t.native_size());
    e_.instructions += data_loc ? 5 : 1;
  } else {
    e_.instructions += 2;
  }
}

void Estimator::binary(const Binary& b) {
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
    pending_ += (literal ? 1 : 2) * n;
    return;
  }
  if (l.is_array() || l.is_tuple()) {
    equality(l);
    e_.instructions += 2;
    return;
  }
  if ((l.is_pointer() || r.is_pointer()) && (b.op == BinaryOp::Add || b.op == BinaryOp::Sub)) {
    e_.instructions += 4;  // the scaled offset, or the difference and its division by the size
    return;
  }
  switch (b.op) {
    case BinaryOp::Div:
    case BinaryOp::Mod:
      buffer(8, false);
      e_.instructions += (l.is_signed || r.is_signed) ? 18 : 6;
      e_.branches += 1;
      if (!isa<IntegerLiteral>(b.rhs)) pending_ += 1;  // the zero-divisor guard
      break;
    case BinaryOp::LogAnd:
    case BinaryOp::LogOr:
      buffer(8, false);
      e_.instructions += 6;
      e_.branches += 1;
      pending_ += 1;
      break;
    default:
      e_.instructions += is_comparison(b.op) ? 4 : 2;
      if (is_comparison(b.op)) e_.branches += 1;
      break;
  }
}

}  // namespace stratoshark::lang::cost
