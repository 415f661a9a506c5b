// Estimator: the complexity estimator's cost model of one probe (see
// complexity_estimator.cpp for the pass and its contract). Private to the
// pass; its costs are split by what they cost: statements and expressions
// (estimator_statements.cpp), builtins and functions (estimator_calls.cpp),
// packet access (estimator_packets.cpp).
#pragma once

#include <functional>

#include "stratoshark/lang/limits.h"
#include "stratoshark/lang/passes.h"

namespace stratoshark::lang::cost {

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

inline uint32_t words(uint32_t bytes) { return (bytes + 7) / 8; }

class Estimator {
 public:
  Estimator(PassContext& ctx, const Probe& probe) : ctx_(ctx), probe_(probe) {}

  ProbeEstimate run();

 private:
  const Type& type_of(const Node& n) const { return ctx_.result.types.at(n.id); }

  bool is_tc_probe() const {
    const auto& attaches = ctx_.result.probes.at(probe_.index).attaches;
    return !attaches.empty() && attaches.front().provider->program_type() == ProgramType::SchedCls;
  }

  void buffer(uint32_t bytes, bool zeroed) {
    uint32_t rounded = limits::rounded_buffer(bytes);
    if (limits::buffer_on_stack(rounded, stack_used_, ctx_.options.on_stack_limit)) {
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
    helper_warning(1);
  }
  // -k: the test of a helper's result and the warning event (level 2: -kk).
  void helper_warning(uint32_t level) {
    if (ctx_.result.helper_warnings < level) return;
    branch();
    pending_ += 1;
    e_.instructions += kEventReserve + kEventHeader + kEventSubmit + 3;
    event_drop_path();
  }

  // Values (estimator_values.cpp): tuples, casts, indexing, pointers,
  // struct members, and storing or comparing any value.
  void tuple(const TupleExpr& t);
  void cast_value(const CastExpr& c);
  void index(const IndexExpr& x);
  void memory_read(const Type& t);
  void struct_member(const FieldAccess& f);
  // Writing a value of type `t` into a slot (store_value in codegen).
  void store(const Type& t);
  // Comparing two values of type `t` for equality.
  void equality(const Type& t);
  // kstack/ustack values and strcontains() (estimator_calls.cpp).
  void stack(const Type& t);
  void strcontains(const Call& c);

  void top_statement(const Stmt& s);

  void stmt(const Stmt& s);

  // A loop body the verifier walks `iterations` times: its first walk is in
  // the totals like any code; the others are added to the processed count
  // (with whatever loops nested inside it cost).
  // 2^n - 1 (the states over n doubling iterations), saturated.
  static uint64_t doubling(uint64_t n) { return n >= 40 ? (1ull << 40) : (1ull << n) - 1; }

  void loop(const Stmt& s, const Block& block, uint64_t iterations, bool is_while,
            const std::function<void()>& body);

  void map_key(const MapRef& m);

  void assign(const AssignStmt& a);
  // A value converted into variable `name` (function parameters and returns, let).
  void store_variable(const std::string& name, const Type& value);
  // A user-defined function's or macro's expansion: arguments, body, value.
  void expansion(const BlockExpr& x);

  void expr(const Expr& x);

  void identifier(const Identifier& id);

  // arg0..argN: one context load, except in USDT probes, where the spec is
  // looked up by the attach cookie and the argument decoded (context_emitter.cpp).
  void positional_arg();

  void field(const FieldAccess& f);

  void binary(const Binary& b);

  void call(const Call& c);

  // ---- functions on whole maps (codegen/src/map_function_emitters.cpp)

  void map_function(const Call& c, FunctionId id);

  // ---- packets (codegen/src/packet_emitter.cpp)

  const PacketRef* packet_ref(const Node& n) const {
    auto it = ctx_.result.packet.find(n.id);
    return it == ctx_.result.packet.end() ? nullptr : &it->second;
  }

  void packet_load();

  // The EtherType (or PPP protocol, or MPLS bottom and version) test.
  void is_network(const Encapsulation& encap);

  void present(const pr::Protocol& p, const Encapsulation& encap);

  void start(const pr::Protocol& p, const Encapsulation& encap);

  void packet_field(const PacketRef& ref);

  void event_drop_path() {
    buffer(4, false);
    e_.instructions += kDroppedCount;
    e_.branches += 2;
    pending_ += 1;  // the reservation's test (the drop counter's own test is only reached when it fails)
  }

  PassContext& ctx_;
  const Probe& probe_;
  ProbeEstimate e_;
  uint32_t stack_used_ = 0;
  bool packet_used_ = false;
  uint64_t loop_processed_ = 0;
  // Branches the verifier cannot decide on the common path (if, ?:, && and
  // ||, while conditions, map lookups, string bytes, event reservations, -k
  // tests): each leaves a state to explore later, per loop iteration.
  uint64_t pending_ = 0;
};

}  // namespace stratoshark::lang::cost
