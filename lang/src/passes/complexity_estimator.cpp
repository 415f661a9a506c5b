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
#include "loop_divergence.h"

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
// A bounded packet load: offset, destination, size, helper call, return
// check, then the load and the byte swap (and the captured-length check of
// replayed packets).
constexpr uint32_t kPacketLoad = 14;
constexpr uint32_t kPacketLoadBranches = 2;
constexpr uint32_t kChainHeaders = 128;  // protochain walks at most this many headers

namespace pr = protocols;

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

 private:
  const Type& type_of(const Node& n) const { return ctx_.result.types.at(n.id); }

  bool is_tc_probe() const {
    const auto& attaches = ctx_.result.probes.at(probe_.index).attaches;
    return !attaches.empty() && attaches.front().provider->program_type() == ProgramType::SchedCls;
  }

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
          branch();
          e_.instructions += 2;  // the variable's copy
          for (const Stmt* x : f.body->stmts) stmt(*x);
          e_.instructions += 4;
        });
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
      case NodeKind::Jump:
        e_.instructions += 1;
        break;
      default:
        break;
    }
  }

  // A loop body the verifier walks `iterations` times: its first walk is in
  // the totals like any code; the others are added to the processed count
  // (with whatever loops nested inside it cost).
  // 2^n - 1 (the states over n doubling iterations), saturated.
  static uint64_t doubling(uint64_t n) { return n >= 40 ? (1ull << 40) : (1ull << n) - 1; }

  void loop(const Stmt& s, const Block& block, uint64_t iterations, bool is_while,
            const std::function<void()>& body) {
    uint32_t instructions = e_.instructions;
    uint32_t branches = e_.branches;
    uint64_t nested = loop_processed_;
    body();
    uint64_t once = 2ull * (e_.instructions - instructions) + 4ull * (e_.branches - branches) + (loop_processed_ - nested);
    // Iterations after the first; with diverging states, 2^n - 1 walks in all.
    uint64_t more = iterations > 1 ? iterations - 1 : 0;
    if (more > 0 && loop_state_diverges(block)) more = doubling(iterations) - 1;
    uint64_t extra = more > UINT64_MAX / (once + 1) ? UINT64_MAX / 2 : more * once;
    loop_processed_ = std::min<uint64_t>(UINT64_MAX / 2, loop_processed_ + extra);
    uint64_t total = extra + once;
    if (total > e_.heaviest_loop_processed) {
      e_.heaviest_loop = s.loc;
      e_.heaviest_loop_processed = total;
      e_.heaviest_loop_iterations = iterations;
      e_.heaviest_loop_is_while = is_while;
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
    // Histograms: the bucket index follows the key proper.
    buffer(info.value.is_histogram() ? (info.key.byte_size() + 7) / 8 * 8 + 8 : info.key.byte_size(), true);
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
      if (info.value.kind == TypeKind::Hist) {  // six halving steps, zero and sign tests, the bucket store
        e_.instructions += 46;
        e_.branches += 8;
      } else if (info.value.kind == TypeKind::Lhist) {
        e_.instructions += 16;
        e_.branches += 2;
      }
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
        if (const PacketRef* ref = packet_ref(x)) {
          packet_field(*ref);
        } else {
          field(*cast<FieldAccess>(&x));
        }
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
      case BuiltinId::ArgN:
        positional_arg();
        break;
      case BuiltinId::Retval:
        e_.instructions += 3;  // a context load, narrowed and extended
        break;
      case BuiltinId::Elapsed:
        // The clock, the start-time lookup and its null check, the difference.
        buffer(4, false);
        buffer(8, false);
        e_.instructions += kHelperCall + kMapLookup + 8;
        branch();
        break;
      case BuiltinId::Rand:
        e_.instructions += kHelperCall + 1;
        break;
      default:
        e_.instructions += kHelperCall - 1;
        break;
    }
  }

  // arg0..argN: one context load, except in USDT probes, where the spec is
  // looked up by the attach cookie and the argument decoded (context_emitter.cpp).
  void positional_arg() {
    bool usdt = false;
    for (const auto& attach : ctx_.result.probes.at(probe_.index).attaches) {
      usdt = usdt || attach.provider->arg_access() == ArgAccess::Usdt;
    }
    if (!usdt) {
      e_.instructions += 1;
      return;
    }
    buffer(8, false);  // result
    buffer(8, false);  // spec id
    buffer(8, false);  // value
    e_.instructions += kHelperCall + kMapLookup + 38;
    e_.branches += 4;
    read_kernel(8);
    read_kernel(8);
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
    if (id == FunctionId::Filter) {
      // The lowered filter, with its own reject path and result slot.
      buffer(8, false);
      e_.instructions += 8;
      e_.branches += 1;
      if (auto it = ctx_.result.filters.find(c.id); it != ctx_.result.filters.end()) expr(*it->second);
      return;
    }
    for (const Expr* arg : c.args) {
      if ((id == FunctionId::Printf || id == FunctionId::System) && arg == c.args.front()) continue;  // the format stays in user space
      if (id == FunctionId::Signal) continue;                            // a constant
      if (arg == c.args.front() && names_whole_map(id, *arg)) continue;  // a map named, not read
      if (id == FunctionId::NsecsClock) continue;                        // a clock name
      expr(*arg);
    }
    switch (id) {
      case FunctionId::Signal:
        e_.instructions += kHelperCall;
        break;
      case FunctionId::System:
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
      case FunctionId::Capture:
        // CPU number, staging record lookup, the record header, the packet
        // bytes, the ring buffer output and two drop paths.
        packet_used_ = true;
        buffer(4, false);
        e_.instructions += 4 * kHelperCall + kMapLookup + 40;
        e_.branches += 4;
        event_drop_path();
        event_drop_path();
        break;
      case FunctionId::Print:
      case FunctionId::Clear:
      case FunctionId::Zero:
      case FunctionId::Delete:
      case FunctionId::HasKey:
      case FunctionId::Len:
        map_function(c, id);
        break;
      case FunctionId::NsecsClock:
        e_.instructions += kHelperCall;
        break;
      case FunctionId::Str:
        if (type_of(*c.args[0]).is_string()) break;
        buffer(type_of(c).size, true);
        read_kernel(type_of(c).size);
        e_.instructions += kHelperCall + 8;
        branch();
        break;
      case FunctionId::Ntop:
      case FunctionId::Macaddr:
        buffer(8, true);
        e_.instructions += 6;
        break;
      default:
        break;  // aggregations are costed with their assignment
    }
  }

  // ---- functions on whole maps (codegen/src/map_function_emitters.cpp)

  void map_function(const Call& c, FunctionId id) {
    const auto* m = dyn_cast<MapRef>(c.args.front());
    const MapInfo* info = nullptr;
    if (m != nullptr) {
      if (auto it = ctx_.result.maps.find(m->name); it != ctx_.result.maps.end()) info = &it->second;
    }
    bool whole = names_whole_map(id, *c.args.front()) && info != nullptr;
    auto key_from_arguments = [&] {
      buffer(info->key.byte_size(), true);
      for (size_t i = 1; i < c.args.size(); ++i) {
        const Type& t = type_of(*c.args[i]);
        if (t.is_string()) copy(t.size);
        else e_.instructions += 1;
      }
    };
    switch (id) {
      case FunctionId::Print:
        if (whole) {
          e_.instructions += kEventReserve + kEventHeader + kEventSubmit + 4;
        } else {
          const Type& t = type_of(*c.args.front());
          e_.instructions += kEventReserve + kEventHeader + kEventSubmit + (t.is_string() ? 2 * words(t.size) : 2);
        }
        event_drop_path();
        break;
      case FunctionId::Clear:
      case FunctionId::Zero:
        e_.instructions += kEventReserve + kEventHeader + kEventSubmit;
        event_drop_path();
        break;
      case FunctionId::Delete:
        if (!whole) break;
        if (c.args.size() > 1) key_from_arguments();
        else map_key(*m);
        e_.instructions += kHelperCall + 2;
        break;
      case FunctionId::HasKey:
        if (!whole) break;
        key_from_arguments();
        e_.instructions += kMapLookup + 2;
        branch();
        break;
      case FunctionId::Len:
        // The counter, the helper call, and the callback (a subprogram of the program).
        buffer(8, false);
        e_.instructions += kHelperCall + 4 + 8;
        break;
      default:
        break;
    }
  }

  // ---- packets (codegen/src/packet_emitter.cpp)

  const PacketRef* packet_ref(const Node& n) const {
    auto it = ctx_.result.packet.find(n.id);
    return it == ctx_.result.packet.end() ? nullptr : &it->second;
  }

  void packet_load() {
    packet_used_ = true;
    e_.instructions += kPacketLoad;
    e_.branches += kPacketLoadBranches;
  }

  // The EtherType (or PPP protocol, or MPLS bottom and version) test.
  void is_network(const Encapsulation& encap) {
    packet_load();
    e_.instructions += 3;
    e_.branches += 1;
    if (encap.mpls_labels > 0) {
      buffer(8, false);
      packet_load();
      e_.instructions += 10;
      e_.branches += 2;
    }
  }

  void present(const pr::Protocol& p, const Encapsulation& encap) {
    switch (p.id) {
      case pr::ProtocolId::Eth:
      case pr::ProtocolId::Sll:
      case pr::ProtocolId::Sll2:
        e_.instructions += 1;  // the link header: there or not, known when compiling
        return;
      case pr::ProtocolId::Vlan:
      case pr::ProtocolId::Mpls:
      case pr::ProtocolId::Pppoe:
      case pr::ProtocolId::Arp:
      case pr::ProtocolId::Rarp:
        packet_load();
        e_.instructions += 7;
        e_.branches += 1;
        return;
      case pr::ProtocolId::Ip:
      case pr::ProtocolId::Ip6:
        is_network(encap);
        return;
      case pr::ProtocolId::Icmp:
        // IPv4 only: the protocol byte and the header length; two result slots.
        buffer(8, false);
        buffer(8, false);
        is_network(encap);
        for (int i = 0; i < 2; ++i) packet_load();
        e_.instructions += 14;
        e_.branches += 2;
        return;
      default:
        // IPv4 and its protocol, or IPv6, its next header and one fragment
        // header; two result slots.
        buffer(8, false);
        buffer(8, false);
        is_network(encap);
        is_network(encap);
        for (int i = 0; i < 4; ++i) packet_load();
        e_.instructions += 30;
        e_.branches += 5;
        return;
    }
  }

  void start(const pr::Protocol& p, const Encapsulation& encap) {
    present(p, encap);
    e_.instructions += 2;
    e_.branches += 1;
  }

  void packet_field(const PacketRef& ref) {
    if (ref.protocol == nullptr) {  // pkt.len, pkt.ifindex, pkt.proto
      e_.instructions += 6;
      return;
    }
    if (ref.field == nullptr) {  // a layer: presence
      present(*ref.protocol, ref.encap);
      e_.instructions += 2;
      return;
    }
    start(*ref.protocol, ref.encap);
    if (ref.field->size == 16) buffer(16, false);
    packet_load();
    if (ref.field->size == 6) packet_load();
    e_.instructions += 6;
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
  bool packet_used_ = false;
  uint64_t loop_processed_ = 0;
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
    if (e.instructions > limits::kInstructions) {
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
